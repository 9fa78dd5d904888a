import Foundation
import Testing
import TestSupport

/// docs/commands.md is generated from the binary's help texts; it must match what
/// scripts/generate-command-docs.sh writes today, so the reference cannot drift from `--help`.
@Suite("docs/commands.md")
struct CommandDocsTests {
    @Test func commandReferenceMatchesTheHelpTexts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let generated = folder.file("commands.md")
        let status = try runScript("scripts/generate-command-docs.sh", [generated])
        #expect(status == 0, "scripts/generate-command-docs.sh exited with \(status)")
        let expected = try String(contentsOfFile: generated, encoding: .utf8)
        let committed = try String(contentsOfFile: EvaluateRun.root + "/docs/commands.md", encoding: .utf8)
        let difference = DocumentText.firstDifference(expected: expected, actual: committed)
        #expect(difference == nil, "docs/commands.md is out of date (\(difference ?? "")): run scripts/generate-command-docs.sh")
    }

    @Test func everySubcommandHasASection() throws {
        let committed = try String(contentsOfFile: EvaluateRun.root + "/docs/commands.md", encoding: .utf8)
        for name in ["run", "compare", "staff", "price", "validate", "evaluate", "fit", "rules", "rules check", "rules diff", "queue"] {
            #expect(committed.contains("\n## `faultline \(name)`\n"), "no section for \(name)")
        }
    }

    /// Runs a script of the repository with bash, the binary under test as `FAULTLINE_BINARY`.
    func runScript(_ script: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [EvaluateRun.root + "/" + script] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: EvaluateRun.root)
        var environment = ProcessInfo.processInfo.environment
        environment["FAULTLINE_BINARY"] = FaultLineBinary.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Comparing a committed document with what a command produces.
enum DocumentText {
    /// The first differing line of two texts as `line N: expected «…» but found «…»`, or nil
    /// when they are equal.
    static func firstDifference(expected: String, actual: String) -> String? {
        firstDifference(expected: lines(expected), actual: lines(actual))
    }

    static func firstDifference(expected: [String], actual: [String]) -> String? {
        guard expected != actual else { return nil }
        for index in 0..<max(expected.count, actual.count) {
            let want = index < expected.count ? expected[index] : "<end>"
            let found = index < actual.count ? actual[index] : "<end>"
            if want != found { return "line \(index + 1): expected «\(want)» but found «\(found)»" }
        }
        return "the texts differ in line endings"
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
