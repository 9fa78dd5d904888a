import Foundation

/// Golden-file comparison: seeded outputs pinned in files beside the tests.
///
/// A golden file lives in a `Golden/` folder next to the test source that names it. A mismatch
/// always fails the test. To accept an intended change, run the tests with
/// `FAULTLINE_UPDATE_GOLDEN=1`: each differing (or missing) file is rewritten, and the test
/// still fails once, saying which file it updated, so an update is never silent; review the
/// diff in git, then run again without the variable.
public enum GoldenFile {
    /// The environment variable that asks for golden files to be rewritten.
    public static let updateVariable = "FAULTLINE_UPDATE_GOLDEN"

    /// Returns nil when `actual` equals the golden file's text, else a description of the first
    /// difference (or of the missing file). With `FAULTLINE_UPDATE_GOLDEN=1`, a differing or
    /// missing file is rewritten and the description says so (it is still not nil).
    public static func mismatch(
        _ actual: String, named name: String, testFile: String = #filePath
    ) -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        let update = ProcessInfo.processInfo.environment[updateVariable] == "1"
        return mismatch(actual, goldenFile: url, update: update)
    }

    /// Compares `actual` with the file at `url`; with `update`, rewrites a differing or missing
    /// file and reports that it did (on standard error too, so a log shows every update).
    public static func mismatch(_ actual: String, goldenFile url: URL, update: Bool) -> String? {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        let difference = expected.map { firstDifference(expected: $0, actual: actual, file: url.lastPathComponent) }
            ?? "golden file \(url.path) is missing"
        guard let difference else { return nil }
        guard update else { return "\(difference); if the change is intended, run with \(updateVariable)=1 and review the diff" }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            return "could not write golden file \(url.path): \(error)"
        }
        let report = "updated golden file \(url.path) (\(difference)); review the diff, then run again without \(updateVariable)"
        FileHandle.standardError.write(Data((report + "\n").utf8))
        return report
    }

    /// Describes the first differing line of two texts, or nil when they are equal.
    static func firstDifference(expected: String, actual: String, file: String) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
            if want != got {
                return "\(file):\(index + 1): expected «\(want)» but got «\(got)»"
            }
        }
        return "\(file): texts differ in line endings or trailing bytes"
    }
}
