import Foundation
import TestSupport
import Testing

/// The golden-file helper never rewrites a file silently: a difference fails, and an update
/// (asked for explicitly) rewrites the file and still reports it.
@Suite struct GoldenFileTests {
    @Test func aDifferenceFailsAndLeavesTheFileAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: try folder.write("a\nb\n", to: "pinned.txt"))
        let mismatch = GoldenFile.mismatch("a\nc\n", goldenFile: url, update: false)
        #expect(mismatch?.hasPrefix("pinned.txt:2: expected «b» but got «c»") == true, "\(mismatch ?? "nil")")
        #expect(try String(contentsOf: url, encoding: .utf8) == "a\nb\n")
    }

    @Test func aMissingFileFailsWithoutBeingCreated() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: folder.file("absent.txt"))
        #expect(GoldenFile.mismatch("x", goldenFile: url, update: false)?.contains("is missing") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func anAskedForUpdateRewritesTheFileAndIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: try folder.write("old\n", to: "pinned.txt"))
        let report = GoldenFile.mismatch("new\n", goldenFile: url, update: true)
        #expect(report?.hasPrefix("updated golden file \(url.path)") == true, "\(report ?? "nil")")
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")
    }

    @Test func equalTextPassesInBothModes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: try folder.write("same\n", to: "pinned.txt"))
        #expect(GoldenFile.mismatch("same\n", goldenFile: url, update: false) == nil)
        #expect(GoldenFile.mismatch("same\n", goldenFile: url, update: true) == nil)
    }
}
