import Foundation
import TestSupport
import Testing

/// `faultline staff --html`: one self-contained page, the same bytes for the same seed whatever
/// the thread count, every section and target present, the scenario's text escaped.
@Suite struct StaffHTMLTests {
    static let targets = ["--target", "dispatch >= 0.9", "--target", "agents.utilisation <= 0.95"]

    static func staff(_ scenario: String, _ more: [String]) throws -> CommandResult {
        try FaultLineBinary.run(["staff", scenario] + targets + ["--replications", "3", "--verify-replications", "4"] + more)
    }

    @Test func pageIsByteIdenticalForASeedWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(StaffCommandTests.centre, to: "centre.yaml")
        for threads in ["1", "2"] {
            let result = try Self.staff(scenario, ["--threads", threads, "--html", folder.file("t\(threads).html")])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try RunHTMLTests.html(folder.file("t1.html")), two = try RunHTMLTests.html(folder.file("t2.html"))
        #expect(one.count > 10_000 && one == two)
    }

    @Test func pageIsSelfContainedWithEverySectionAndTheCosts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(StaffCommandTests.centre, to: "centre.yaml")
        let result = try Self.staff(scenario, ["--html", folder.file("staff.html"), "--omit-timing", "--json", folder.file("staff.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("staff.html"))
        for forbidden in ["http://", "https://", "<script", "<link", "url("] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        for section in ["staffing", "targets", "curve", "binding"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        // One panel per target in the targets and the curve sections.
        #expect(html.components(separatedBy: "aria-label=\"Target ").count - 1 == 2)
        #expect(html.components(separatedBy: "aria-label=\"Compliance against staff cost, ").count - 1 == 2)
        #expect(html.contains("dispatch &gt;= 0.9"))
        // One agent always on duty: 8,760 h × 90 = 788,400 a year; today 2 agents and 1 crew
        // (8,760 h × 180 = 1,576,800): 3,153,600.
        #expect(html.contains("788,400"))
        #expect(html.contains("3,153,600"))
        let document = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder.file("staff.json")))) as? [String: Any])
        let agents = try #require((document["staffing"] as? [[String: Any]])?.first { $0["group"] as? String == "agents" })
        let recommended = try #require(agents["recommended"] as? Int)
        let total = 1_576_800 + recommended * 788_400
        let grouped = NumberFormatter()
        grouped.numberStyle = .decimal
        grouped.locale = Locale(identifier: "en_US")
        #expect(html.contains("<td class=\"num\">\(grouped.string(from: NSNumber(value: total))!).00</td>"), "recommended total \(total)")
        #expect(html.contains("targets verified"))
    }

    @Test func scenarioTextIsEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = StaffCommandTests.centre.replacingOccurrences(of: "name: centre-only", with: "name: \"a<&>b\"")
        let scenario = try folder.write(yaml, to: "odd <name>.yaml")
        let result = try Self.staff(scenario, ["--html", folder.file("staff.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let html = try RunHTMLTests.html(folder.file("staff.html"))
        #expect(html.contains("<title>FaultLine staff · a&lt;&amp;&gt;b</title>"))
        #expect(!html.contains("<&>") && !html.contains("<name>"))
        #expect(html.contains("odd &lt;name&gt;.yaml"))
    }

    @Test func unwritablePathIsAUserError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(StaffCommandTests.centre, to: "centre.yaml")
        let result = try Self.staff(scenario, ["--html", folder.file("missing/staff.html")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--html"), "\(result.standardError)")
    }
}
