import Foundation
import Testing
@testable import Reports

@Suite("AtomicFile: all or nothing at the destination")
struct AtomicFileTests {
    /// A fresh directory for one test, removed afterwards by the caller.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func writesAndReplaces() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.json"
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(Self.contents(directory) == ["out.json"])
    }

    @Test(arguments: [AtomicFile.Step.createTemporary, .write, .sync, .rename])
    func failureAtAnyStepKeepsTheOldFileAndLeavesNoTemporary(step: AtomicFile.Step) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/report.csv"
        try AtomicFile.write("old", to: path)
        #expect(throws: ReportError.self) { try AtomicFile.write(Array("new".utf8), to: path, failing: step) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(Self.contents(directory) == ["report.csv"])
    }

    @Test func destinationThatIsADirectoryIsLeftAlone() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/taken"
        try FileManager.default.createDirectory(atPath: target + "/inner", withIntermediateDirectories: true)
        #expect {
            try AtomicFile.write("data", to: target)
        } throws: { error in
            guard case .writeFailed(let path, let step, _) = error as? ReportError else { return false }
            return path == target && step == "rename"
        }
        #expect(Self.contents(directory) == ["taken"])
        #expect(Self.contents(target) == ["inner"])
    }

    @Test func missingDirectoryFailsCleanly() {
        #expect(throws: ReportError.self) { try AtomicFile.write("x", to: "/nonexistent-\(UUID().uuidString)/out.json") }
    }

    @Test(.enabled(if: getuid() != 0, "root ignores directory permissions"))
    func unwritableDirectoryKeepsTheOldFile() throws {
        let directory = try Self.scratch()
        defer {
            chmod(directory, 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        let path = directory + "/out.json"
        try AtomicFile.write("old", to: path)
        chmod(directory, 0o555)
        #expect(throws: ReportError.self) { try AtomicFile.write("new", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(Self.contents(directory) == ["out.json"])
    }

    @Test func replacingKeepsTheFileMode() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.csv"
        try AtomicFile.write("a", to: path)
        chmod(path, 0o600)
        try AtomicFile.write("b", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
