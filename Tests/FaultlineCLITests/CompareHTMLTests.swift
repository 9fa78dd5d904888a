import Foundation
import TestSupport
import Testing

/// `faultline compare --html`: one self-contained page, the same bytes for the same seed whatever
/// the thread count, a chart and a table per variant, significant differences drawn solid.
@Suite struct CompareHTMLTests {
    static func compare(_ study: String, _ more: [String]) throws -> CommandResult {
        try FaultLineBinary.run(["compare", study, "--replications", "4"] + more)
    }

    @Test func pageIsByteIdenticalForASeedWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(CompareCommandTests.study, to: "study.yaml")
        for threads in ["1", "2"] {
            let result = try Self.compare(study, ["--threads", threads, "--html", folder.file("t\(threads).html")])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try RunHTMLTests.html(folder.file("t1.html")), two = try RunHTMLTests.html(folder.file("t2.html"))
        #expect(one.count > 10_000 && one == two)
    }

    @Test func pageHasEveryVariantAndDrawsOnlySignificantDifferencesSolid() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(CompareCommandTests.study, to: "study.yaml")
        let result = try Self.compare(study, ["--html", folder.file("compare.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("compare.html"))
        for forbidden in ["http://", "https://", "<script", "<link", "url("] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        for section in ["variant-1", "variant-2"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        #expect(html.contains("<td>crews.east.utilisation</td>"))
        #expect(html.contains("✗ worse"), "one crew fewer makes something significantly worse")
        // The variant identical to the base: every difference 0 ± 0, none significant, all hollow.
        #expect(html.contains("No metric changes significantly."))
        let unchanged = try #require(Self.svg(html, label: "unchanged − base: Compliance per tier and checkpoint"))
        #expect(unchanged.contains("fill=\"#FFFFFF\""))
        #expect(!unchanged.contains("r=\"5\""), "no solid dot")
        let thin = try #require(Self.svg(html, label: "thin-east − base: Staff utilisation and installs"))
        #expect(thin.contains("r=\"5\""), "the east crews' utilisation rises significantly: a solid dot")
    }

    /// The `<svg>` element whose aria-label is `label`.
    static func svg(_ html: String, label: String) -> String? {
        guard let start = html.range(of: "aria-label=\"\(label)\"") else { return nil }
        guard let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func scenarioTextIsEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = CompareCommandTests.study.replacingOccurrences(of: "name: small", with: "name: \"a<&>b\"")
        let study = try folder.write(yaml, to: "odd <name>.yaml")
        let result = try Self.compare(study, ["--html", folder.file("compare.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("compare.html"))
        #expect(html.contains("<title>FaultLine compare · a&lt;&amp;&gt;b</title>"))
        #expect(!html.contains("<&>") && !html.contains("<name>"))
        #expect(html.contains("odd &lt;name&gt;.yaml"))
    }

    @Test func unwritablePathIsAUserError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(CompareCommandTests.study, to: "study.yaml")
        let result = try Self.compare(study, ["--html", folder.file("missing/compare.html")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--html"), "\(result.standardError)")
    }
}
