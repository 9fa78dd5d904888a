import Foundation
import TestSupport
import Testing

/// `faultline run --html`: one self-contained page, the same bytes for the same seed whatever
/// the thread count, every section present, the scenario's text escaped.
@Suite struct RunHTMLTests {
    static func html(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func pageIsByteIdenticalForASeedWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(RunCommandTests.smallScenario, to: "small.yaml")
        for threads in ["1", "2"] {
            let result = try FaultLineBinary.run([
                "run", scenario, "--replications", "3", "--threads", threads, "--html", folder.file("t\(threads).html"),
            ])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try Self.html(folder.file("t1.html")), two = try Self.html(folder.file("t2.html"))
        #expect(one.count > 10_000 && one == two)
    }

    @Test func pageIsSelfContainedWithEverySection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let costed = RunCommandTests.smallScenario + "\ncosts: {crewHour: 100, agentHour: 50, onCallHour: 10}\n"
        let scenario = try folder.write(costed, to: "small.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--html", folder.file("run.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try Self.html(folder.file("run.html"))
        for forbidden in ["http://", "https://", "<script", "<link", "url("] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        for section in ["compliance", "restoration", "credits", "utilisation", "stages", "costs"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        // One restoration panel per tier, one heat map per crew region and the agents.
        #expect(html.components(separatedBy: "aria-label=\"Restoration time distribution of ").count - 1 == 3)
        #expect(html.components(separatedBy: "aria-label=\"Utilisation by hour of week, ").count - 1 == 3)
        #expect(html.contains("limit 4 h"), "SLA-A VPN's restoration limit is drawn")
        // A week on duty: east 2 crews × 45 h + 1 × 105 h, west 1 × 168 h = 363 crew-hours at 100, and
        // 168 agent-hours at 50: 44,700 a week, × 365 / 7 = 2,330,785.71 a year.
        #expect(html.contains("2,330,785.71"))
    }

    @Test func withoutCostsThereIsNoCostSection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(RunCommandTests.smallScenario, to: "small.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "1", "--html", folder.file("run.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(!(try Self.html(folder.file("run.html"))).contains("<section id=\"costs\">"))
    }

    @Test func scenarioTextIsEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = RunCommandTests.smallScenario.replacingOccurrences(of: "name: small", with: "name: \"a<&>b\"")
        let scenario = try folder.write(yaml, to: "odd <name>.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--html", folder.file("run.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try Self.html(folder.file("run.html"))
        #expect(html.contains("<title>FaultLine run · a&lt;&amp;&gt;b</title>"))
        #expect(!html.contains("<&>") && !html.contains("<name>"))
        #expect(html.contains("odd &lt;name&gt;.yaml"))
    }

    @Test func unwritablePathIsAUserError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(RunCommandTests.smallScenario, to: "small.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "1", "--html", folder.file("missing/run.html")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--html"), "\(result.standardError)")
    }
}
