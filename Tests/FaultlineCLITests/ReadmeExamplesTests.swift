import Foundation
import Testing
import TestSupport

/// The examples marked in README.md and docs/usage.md (`<!-- example: faultline … -->` …
/// `<!-- /example -->`) are re-run, and each block must be the command's output today — the
/// wall-clock seconds of a report's headline aside. scripts/update-readme-examples.sh rewrites
/// the blocks.
@Suite("README.md examples")
struct ReadmeExamplesTests {
    static let readme = EvaluateRun.root + "/README.md"
    static let documents = ["README.md", "docs/usage.md"]

    /// Every marked example of the documents.
    static func examples() throws -> [MarkedExample] {
        try documents.flatMap { try MarkedExample.all(in: EvaluateRun.root + "/" + $0, named: $0) }
    }

    @Test func readmeIsAtMostEightKilobytes() throws {
        let size = try Data(contentsOf: URL(fileURLWithPath: Self.readme)).count
        #expect(size <= 8 * 1024, "README.md is \(size) bytes; keep it within 8 KB (move detail to docs/)")
    }

    @Test func readmeHasAnExampleOfRunCompareAndEvaluate() throws {
        let commands = try MarkedExample.all(in: Self.readme, named: "README.md").map { $0.arguments.first ?? "" }
        #expect(commands == ["run", "compare", "evaluate"])
    }

    @Test(arguments: try ReadmeExamplesTests.examples())
    func blockIsTheCommandsOutput(_ example: MarkedExample) throws {
        let result = try FaultLineBinary.run(example.arguments, in: EvaluateRun.root)
        #expect(result.exitCode == 0 || result.exitCode == 1, "faultline \(example.command) exited with \(result.exitCode)")
        let output = example.selected(from: result.standardOutput).map(MarkedExample.maskingWallClock)
        let block = example.block.map(MarkedExample.maskingWallClock)
        let difference = DocumentText.firstDifference(expected: output, actual: block)
        #expect(difference == nil,
                "\(example.file):\(example.line) `faultline \(example.command)` \(difference ?? ""): run scripts/update-readme-examples.sh")
    }

    @Test func maskingKeepsEverythingButTheSeconds() {
        let line = "faultline run · seed 7 · month periods · 22.48 s on 1 thread"
        #expect(MarkedExample.maskingWallClock(line) == "faultline run · seed 7 · month periods · ‹seconds› s on 1 thread")
        #expect(MarkedExample.maskingWallClock("99.5 % on 2 threads") == "99.5 % on 2 threads")
    }
}

/// One example marked in a Markdown file, as scripts/update-readme-examples.sh reads it.
struct MarkedExample: Sendable, CustomTestStringConvertible {
    /// The arguments after `faultline`, split at spaces.
    var arguments: [String]
    /// Line ranges of the output shown (1-based, inclusive); empty: the whole output.
    var ranges: [ClosedRange<Int>]
    /// The lines of the fenced block under the marker.
    var block: [String]
    /// The file, relative to the repository root, and the marker's line number in it.
    var file: String
    var line: Int

    var command: String { arguments.joined(separator: " ") }
    var testDescription: String { "faultline \(command)" }

    /// Every marked example of the file at `path` (called `name` in messages).
    static func all(in path: String, named name: String) throws -> [MarkedExample] {
        let lines = DocumentText.lines(try String(contentsOfFile: path, encoding: .utf8))
        var examples: [MarkedExample] = []
        for (index, text) in lines.enumerated() {
            guard let (arguments, ranges) = marker(text) else { continue }
            examples.append(MarkedExample(arguments: arguments, ranges: ranges,
                                          block: fencedBlock(lines, after: index), file: name, line: index + 1))
        }
        return examples
    }

    /// Arguments and line ranges of `<!-- example[ lines=1-11,13-16]: faultline ARGS -->`.
    static func marker(_ text: String) -> ([String], [ClosedRange<Int>])? {
        guard text.hasPrefix("<!-- example"), text.hasSuffix(" -->"),
              let colon = text.range(of: ": faultline ") else { return nil }
        let options = text[text.index(text.startIndex, offsetBy: 12)..<colon.lowerBound]
        let arguments = text[colon.upperBound..<text.index(text.endIndex, offsetBy: -4)]
            .split(separator: " ").map(String.init)
        guard options.hasPrefix(" lines=") else { return (arguments, []) }
        let ranges = options.dropFirst(7).split(separator: ",").compactMap { part -> ClosedRange<Int>? in
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            return bounds.count == 2 && bounds[0] <= bounds[1] ? bounds[0]...bounds[1] : nil
        }
        return (arguments, ranges)
    }

    /// The lines between the ```text fence after line `index` and its closing fence.
    static func fencedBlock(_ lines: [String], after index: Int) -> [String] {
        guard index + 1 < lines.count, lines[index + 1] == "```text" else { return [] }
        let body = lines[(index + 2)...]
        return Array(body.prefix { $0 != "```" })
    }

    /// The shown lines of `output`: the ranges, "…" between them; trailing blank lines dropped.
    func selected(from output: String) -> [String] {
        var lines = DocumentText.lines(output)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !ranges.isEmpty else { return lines }
        return ranges.enumerated().flatMap { position, range in
            let shown = Array(lines[min(range.lowerBound - 1, lines.count)..<min(range.upperBound, lines.count)])
            return position == 0 ? shown : ["…"] + shown
        }
    }

    /// `line` with the wall-clock seconds of a headline ("22.48 s on 1 thread") masked.
    static func maskingWallClock(_ line: String) -> String {
        line.replacing(try! Regex(#"[0-9]+(\.[0-9]+)? s on ([0-9]+) thread"#)) { match in
            "‹seconds› s on \(match.output[2].substring ?? "") thread"
        }
    }
}
