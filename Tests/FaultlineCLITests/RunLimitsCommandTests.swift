import Foundation
import TestSupport
import Testing

/// End to end: what a run would need is checked before it starts (overload, size), and work
/// still open at the horizon is reported and exported, never dropped.
@Suite struct RunLimitsCommandTests {
    /// The small scenario with one piece of its YAML replaced.
    static func small(_ old: String, _ new: String) -> String {
        let yaml = TestScenarios.smallYAML()
        #expect(yaml.contains(old), "the fixture has «\(old)»")
        return yaml.replacingOccurrences(of: old, with: new)
    }

    /// 2 agents offered 2.04 erlangs of intake (ρ = 1.02).
    static let overloadedCentre = TestScenarios.centreOnlyYAML(days: 3, seed: 3)
        .replacingOccurrences(of: "access: 262.8", with: "access: 214.45")

    @Test func anOverloadedPoolIsRefusedWithItsLoadAndCapacityAndRunsWhenAllowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.overloadedCentre, to: "centre.yaml")
        let refused = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--json", folder.file("out.json")])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.hasPrefix("faultline: error: \(scenario): agents is offered 343 staff-hours of work a week"))
        #expect(refused.standardError.contains("ρ = 1.02") && refused.standardError.contains("--allow-unstable"))
        #expect(refused.standardError.split(separator: "\n").count == 1, "one line")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.json")), "no output file")
        let allowed = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--allow-unstable"])
        #expect(allowed.exitCode == 0, "\(allowed.standardError)")
        let price = try FaultLineBinary.run(["price", scenario, "--replications", "2"])
        #expect(price.exitCode == 2 && price.standardError.contains("agents is offered"))
    }

    @Test func compareNamesTheOverloadedVariant() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let stable = Self.overloadedCentre.replacingOccurrences(of: "access: 214.45", with: "access: 200")   // ρ = 0.95
        let base = try folder.write(stable, to: "base.yaml")
        let variant = try folder.write(Self.overloadedCentre, to: "busier.yaml")
        let result = try FaultLineBinary.run(["compare", base, variant, "--replications", "2"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("faultline: error: \(variant): agents is offered"), "\(result.standardError)")
    }

    @Test(arguments: [
        ("access: 2.0", "access: 1e11", "beyond the model's limit"),
        ("perDay: 1,", "perDay: 1e7,", "--allow-large"),
        ("circuits: 150,", "circuits: 1000000000,", "--allow-large"),
    ])
    func anImpossibleSizeIsRefusedBeforeAnythingIsAllocated(old: String, new: String, fragment: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.small(old, new), to: "huge.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--html", folder.file("out.html")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("faultline: error: \(scenario): "), "\(result.standardError)")
        #expect(result.standardError.contains(fragment))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.html")))
        let staff = try FaultLineBinary.run(["staff", scenario, "--target", "dispatch >= 0.9"])
        #expect(staff.exitCode == 2 && staff.standardError.contains(fragment), "staff checks the size too")
    }

    @Test func outagesThatNeverEndAreReportedOpenAndMissedAndExportedAsOpen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.small("travel: {default: \"lognormal(mean: 40m, sd: 20m)\"}", "travel: {default: 100000w}"),
                                        to: "never.yaml")
        let run = try FaultLineBinary.run([
            "run", scenario, "--replications", "1", "--allow-unstable", "--export-tickets", folder.file("sim"),
            "--json", folder.file("run.json"),
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let document = try RunCommandTests.json(folder.file("run.json"))
        let open = try #require((document["openAtHorizon"] as? [String: Any])?["mean"] as? Double)
        #expect(open > 50)
        let overall = try #require(document["overall"] as? [String: Any])
        #expect((overall["restorationMet"] as? [String: Any])?["mean"] as? Double == 0)
        #expect(((overall["availabilityMet"] as? [String: Any])?["mean"] as? Double ?? 1) < 0.9)
        let evaluate = try FaultLineBinary.run([
            "evaluate", "--inventory", folder.file("sim/circuits.csv"), "--tickets", folder.file("sim/tickets.csv"),
            "--json", folder.file("eval.json"),
        ])
        #expect(evaluate.exitCode == 0, "every open ticket is read as open: \(evaluate.standardOutput)")
        let exported = try #require(document["exportedReplication"] as? [String: Any])
        let evaluated = try RunCommandTests.json(folder.file("eval.json"))
        #expect((exported["byTier"] as? NSDictionary) == (evaluated["byTier"] as? NSDictionary))
        #expect((exported["totals"] as? NSDictionary) == (evaluated["totals"] as? NSDictionary))
        let totals = try #require(evaluated["totals"] as? [String: Any])
        #expect(totals["openTickets"] as? Int == Int(open), "every exported ticket is open")
    }

    @Test(arguments: [("access: 2.0, metro: 0.5", "access: 0, metro: 0"), ("horizon: 75d", "horizon: 1s")])
    func anHTMLPageWithoutJudgedTicketsSaysSo(old: String, new: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var yaml = Self.small(old, new)
        if new.hasPrefix("horizon") { yaml = yaml.replacingOccurrences(of: "warmup: 15d", with: "warmup: 0s") }
        let scenario = try folder.write(yaml, to: "quiet.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--html", folder.file("quiet.html")])
        if result.exitCode == 2 {
            #expect(new.hasPrefix("horizon"), "only the 1-second horizon may be refused by validation: \(result.standardError)")
            return
        }
        #expect(result.exitCode == 0, "\(result.standardError)")
        let page = try String(contentsOfFile: folder.file("quiet.html"), encoding: .utf8)
        #expect(page.contains("No ticket was judged"))
        #expect(!page.contains("\"nan") && !page.contains("\"inf"))
    }
}
