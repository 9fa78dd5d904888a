import Foundation
import TestSupport
import Testing

/// `faultline price --html`: one self-contained page, the same bytes for the same seed whatever
/// the thread count, every section present, the scenario's text escaped.
@Suite struct PriceHTMLTests {
    @Test func pageIsByteIdenticalForASeedWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(PriceCommandTests.scenario, to: "small.yaml")
        for threads in ["1", "2"] {
            let result = try FaultLineBinary.run([
                "price", scenario, "--replications", "3", "--threads", threads, "--html", folder.file("t\(threads).html"),
            ])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try RunHTMLTests.html(folder.file("t1.html")), two = try RunHTMLTests.html(folder.file("t2.html"))
        #expect(one.count > 10_000 && one == two)
    }

    @Test func pageIsSelfContainedWithEverySection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(PriceCommandTests.scenario, to: "small.yaml")
        let result = try FaultLineBinary.run(["price", scenario, "--replications", "2", "--html", folder.file("price.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("price.html"))
        for forbidden in ["http://", "https://", "<script", "<link", "url("] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        for section in ["break-even", "credits", "sensitivity"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        // Today's fees: SLA-AA 9,000, SLA-A 2,500, MQ-I 4,000; all circuits weighted
        // (80 × 9,000 + 150 × 2,500 + 100 × 4,000) / 330 = 4,530.30.
        for fee in ["9,000.00", "2,500.00", "4,000.00", "4,530.30"] {
            #expect(html.contains("of fee \(fee) · margin"), "\(fee)")
        }
        // A sensitivity panel per tier and all circuits.
        #expect(html.components(separatedBy: "aria-label=\"Break-even fee against fault rates, ").count - 1 == 4)
        #expect(html.contains("break-even ×0.80") && html.contains("credits ×1.20"))
    }

    @Test func withoutSensitivityThereIsNoSensitivitySection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(PriceCommandTests.scenario, to: "small.yaml")
        let result = try FaultLineBinary.run([
            "price", scenario, "--replications", "1", "--sensitivity", "0", "--html", folder.file("price.html"),
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("price.html"))
        #expect(!html.contains("<section id=\"sensitivity\">"))
        #expect(html.contains("<section id=\"break-even\">"))
    }

    @Test func scenarioTextIsEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = PriceCommandTests.scenario.replacingOccurrences(of: "name: small", with: "name: \"a<&>b\"")
        let scenario = try folder.write(yaml, to: "odd <name>.yaml")
        let result = try FaultLineBinary.run([
            "price", scenario, "--replications", "1", "--sensitivity", "0", "--html", folder.file("price.html"),
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("price.html"))
        #expect(html.contains("<title>FaultLine price · a&lt;&amp;&gt;b</title>"))
        #expect(!html.contains("<&>") && !html.contains("<name>"))
        #expect(html.contains("odd &lt;name&gt;.yaml"))
    }

    @Test func unwritablePathIsAUserError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(PriceCommandTests.scenario, to: "small.yaml")
        let result = try FaultLineBinary.run([
            "price", scenario, "--replications", "1", "--sensitivity", "0", "--html", folder.file("missing/price.html"),
        ])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--html"), "\(result.standardError)")
    }
}
