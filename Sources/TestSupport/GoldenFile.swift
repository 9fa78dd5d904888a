import Foundation

/// Golden-file comparison: seeded outputs pinned in files beside the tests.
///
/// A golden file lives in a `Golden/` folder next to the test source that names it. Run the
/// tests with `FAULTLINE_UPDATE_GOLDEN=1` to (re)write the files after an intended change, then
/// review the diff in git like any other change.
public enum GoldenFile {
    /// Returns nil when `actual` equals the golden file's text, else a description of the first
    /// difference (or of the missing file). With `FAULTLINE_UPDATE_GOLDEN=1` it writes the file.
    public static func mismatch(
        _ actual: String, named name: String, testFile: String = #filePath
    ) -> String? {
        let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Golden")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FAULTLINE_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
                return "could not write golden file \(url.path): \(error)"
            }
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden file \(url.path) is missing; run with FAULTLINE_UPDATE_GOLDEN=1 to create it"
        }
        return firstDifference(expected: expected, actual: actual, file: url.lastPathComponent)
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
