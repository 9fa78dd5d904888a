import Foundation
import Testing
import TestSupport
@testable import Reports

/// A command's files are written all or none: a failure anywhere leaves nothing this run made.
@Suite("OutputBatch: all files or none")
struct OutputBatchTests {
    /// `--json out.json` and `--csv tables/` with two tables: three files.
    static func threeFiles(in folder: TemporaryFolder) -> OutputBatch {
        var batch = OutputBatch()
        batch.add(Array("{}".utf8), to: folder.file("out.json"), option: "--json")
        batch.addFolder(folder.file("tables"), option: "--csv")
        batch.add(Array("a,b\n".utf8), to: folder.file("tables/by-tier.csv"), option: "--csv")
        batch.add(Array("c,d\n".utf8), to: folder.file("tables/rejected.csv"), option: "--csv")
        return batch
    }

    @Test func writesEveryFileAndTheFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.threeFiles(in: folder).write()
        #expect(contents(folder.path) == ["out.json", "tables"])
        #expect(contents(folder.file("tables")) == ["by-tier.csv", "rejected.csv"])
        #expect(try text(folder.file("tables/rejected.csv")) == "c,d\n")
    }

    @Test(arguments: [OutputBatch.Step.createTemporary, .write, .sync, .rename])
    func failureInTheSecondOfThreeLeavesNothing(step: OutputBatch.Step) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: ReportError.self) { try Self.threeFiles(in: folder).write(failing: (1, step)) }
        #expect(contents(folder.path) == [])
    }

    @Test func failureLeavesPreExistingFilesAndFolderAsTheyWere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("old json", to: "out.json")
        try FileManager.default.createDirectory(atPath: folder.file("tables"), withIntermediateDirectories: false)
        try folder.write("old table", to: "tables/by-tier.csv")
        #expect(throws: ReportError.self) { try Self.threeFiles(in: folder).write(failing: (2, .write)) }
        #expect(try text(folder.file("out.json")) == "old json")
        #expect(contents(folder.file("tables")) == ["by-tier.csv"])
        #expect(try text(folder.file("tables/by-tier.csv")) == "old table")
    }

    @Test func aDeviceThatFailsLeavesNoRegularFileBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var batch = Self.threeFiles(in: folder)
        batch.add(Array("x".utf8), to: "/dev/full", option: "--html")
        #expect {
            try batch.write()
        } throws: { error in
            (error as? ReportError)?.description.hasPrefix("--html: /dev/full: cannot write to it") == true
        }
        #expect(contents(folder.path) == [])
    }

    @Test func createdFolderIsRemovedOnFailureWithItsParents() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var batch = OutputBatch()
        batch.addFolder(folder.file("a/b/c"), option: "--csv")
        batch.add(Array("x".utf8), to: folder.file("a/b/c/t.csv"), option: "--csv")
        batch.add(Array("x".utf8), to: folder.path, option: "--json")   // a directory: refused
        #expect(throws: ReportError.self) { try batch.write() }
        #expect(contents(folder.path) == [])
    }

    @Test func folderThatIsAFileIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("not a folder", to: "tables")
        #expect {
            try Self.threeFiles(in: folder).write()
        } throws: { error in
            (error as? ReportError)?.description == "--csv: \(folder.file("tables")): exists and is not a folder"
        }
        #expect(contents(folder.path) == ["tables"])
    }

    @Test func samePathTwiceIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var batch = OutputBatch()
        batch.add(Array("a".utf8), to: folder.file("x"), option: "--json")
        batch.add(Array("b".utf8), to: folder.file("x"), option: "--html")
        #expect {
            try batch.write()
        } throws: { error in
            (error as? ReportError)?.description == "--html: \(folder.file("x")): is also the --json output"
        }
        #expect(contents(folder.path) == [])
    }
}
