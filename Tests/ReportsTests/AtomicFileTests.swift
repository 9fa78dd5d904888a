import Foundation
import Testing
import TestSupport
@testable import Reports

/// Files in `folder`, sorted (hidden ones too: a leftover `.x.tmp-` must show).
func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

@Suite("AtomicFile: all or nothing at the destination")
struct AtomicFileTests {
    @Test func writesAndReplaces() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("out.json")
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write("second", to: path)
        #expect(try text(path) == "second")
        #expect(contents(folder.path) == ["out.json"])
    }

    @Test(arguments: [OutputBatch.Step.createTemporary, .write, .sync, .rename])
    func failureAtAnyStepKeepsTheOldFileAndLeavesNoTemporary(step: OutputBatch.Step) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("old", to: "report.csv")
        var batch = OutputBatch()
        batch.add(Array("new".utf8), to: path, option: "--csv")
        #expect(throws: ReportError.self) { try batch.write(failing: (0, step)) }
        #expect(try text(path) == "old")
        #expect(contents(folder.path) == ["report.csv"])
    }

    @Test func missingDirectoryFailsCleanlyNamingTheOption() {
        let path = "/nonexistent-\(UUID().uuidString)/out.json"
        #expect {
            try AtomicFile.write("x", to: path, option: "--json")
        } throws: { error in
            (error as? ReportError)?.description.hasPrefix("--json: \(path): cannot create a temporary file") == true
        }
    }

    @Test(.enabled(if: getuid() != 0, "root ignores directory permissions"))
    func unwritableDirectoryKeepsTheOldFile() throws {
        let folder = try TemporaryFolder()
        defer {
            chmod(folder.path, 0o755)
            folder.remove()
        }
        let path = try folder.write("old", to: "out.json")
        chmod(folder.path, 0o555)
        #expect(throws: ReportError.self) { try AtomicFile.write("new", to: path) }
        #expect(try text(path) == "old")
        #expect(contents(folder.path) == ["out.json"])
    }

    @Test func replacingKeepsTheFileMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("out.csv")
        try AtomicFile.write("a", to: path)
        chmod(path, 0o600)
        try AtomicFile.write("b", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
