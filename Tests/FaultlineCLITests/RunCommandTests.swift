import Foundation
import TestSupport
import Testing

/// `faultline run` as a user runs it: the built binary, its files, and the round trip of its
/// exported tickets through `faultline evaluate`.
@Suite struct RunCommandTests {
    /// A small scenario (330 circuits, 60 observed days) so that debug builds stay quick.
    static let smallScenario = TestScenarios.smallYAML()

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func builtInBaselineRunsWithoutAScenarioFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try FaultLineBinary.run(["run", "--replications", "2", "--json", folder.file("run.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("built-in baseline"))
        #expect(result.standardOutput.contains("claimed credits/yr"))
        #expect(result.standardError.isEmpty, "no progress line when stderr is not a terminal")
        let document = try Self.json(folder.file("run.json"))
        let breakdowns = try #require(document["breakdowns"] as? [String: Any])
        let tiers = try #require(breakdowns["tier"] as? [[String: Any]])
        #expect(tiers.count >= 3, "the baseline has several tiers")
        #expect(document["timing"] != nil)
    }

    @Test func jsonIsByteIdenticalWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.smallScenario, to: "small.yaml")
        for threads in ["1", "2"] {
            let result = try FaultLineBinary.run([
                "run", scenario, "--replications", "4", "--threads", threads, "--by", "region", "--omit-timing",
                "--json", folder.file("t\(threads).json"),
            ])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("t1.json")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("t2.json")))
        #expect(!one.isEmpty && one == two)
        #expect(!String(decoding: one, as: UTF8.self).contains("wallSeconds"))
        let regions = try #require((try Self.json(folder.file("t1.json"))["breakdowns"] as? [String: Any])?["region"] as? [[String: Any]])
        #expect(regions.compactMap { $0["key"] as? String } == ["east", "west"])
    }

    @Test func exportedTicketsReproduceTheReplicationUnderEvaluate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.smallScenario, to: "small.yaml")
        let run = try FaultLineBinary.run([
            "run", scenario, "--replications", "1", "--export-tickets", folder.file("sim"), "--json", folder.file("run.json"),
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let evaluate = try FaultLineBinary.run([
            "evaluate", "--inventory", folder.file("sim/circuits.csv"), "--tickets", folder.file("sim/tickets.csv"),
            "--json", folder.file("eval.json"),
        ])
        #expect(evaluate.exitCode == 0, "every exported row is accepted: \(evaluate.standardOutput)")
        let exported = try #require(try Self.json(folder.file("run.json"))["exportedReplication"] as? [String: Any])
        let evaluated = try Self.json(folder.file("eval.json"))
        let runTiers = try #require(exported["byTier"] as? NSDictionary)
        let evaluatedTiers = try #require(evaluated["byTier"] as? NSDictionary)
        #expect(runTiers == evaluatedTiers, "the same per-tier figures, credits included")
        #expect((exported["periods"] as? NSDictionary) == (evaluated["periods"] as? NSDictionary))
        #expect((exported["totals"] as? NSDictionary) == (evaluated["totals"] as? NSDictionary))
        let tickets = try #require(exported["tickets"] as? Int)
        #expect(tickets > 50, "the scenario produces tickets to compare")
        let aa = try #require(runTiers["SLA-AA"] as? [String: Any])
        #expect((aa["credits"] as? Double ?? 0) > 0, "credits are compared, not just zeros")
    }

    @Test func csvFolderHoldsOneTablePerBreakdownAndStaffAndStages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.smallScenario, to: "small.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--by", "product", "--csv", folder.file("out")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let byProduct = try String(contentsOfFile: folder.file("out/by-product.csv"), encoding: .utf8)
        let lines = byProduct.split(separator: "\n")
        #expect(lines.first?.hasPrefix("product,tickets,tickets_ci,") == true)
        #expect(lines.dropFirst().map { $0.split(separator: ",")[0] } == ["sdh", "mpls-vpn", "all"])
        for name in ["by-tier.csv", "staff.csv", "stages.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.file("out/\(name)")), "\(name)")
        }
    }

    @Test func brokenScenarioListsEveryProblemWithItsPlaceAndExits2() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let broken = Self.smallScenario
            .replacingOccurrences(of: "horizon: 75d", with: "horizon: 75 parsecs")
            .replacingOccurrences(of: "region: west, circuits: 150", with: "region: west, circuits: -3")
        let path = try folder.write(broken, to: "broken.yaml")
        let result = try FaultLineBinary.run(["run", path])
        #expect(result.exitCode == 2)
        let problems = result.standardError.split(separator: "\n")
        #expect(problems.count >= 2, "every problem, not just the first: \(result.standardError)")
        #expect(problems.contains { $0.hasPrefix("\(path):3:") && $0.contains("horizon") }, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(arguments: [
        (["--replications", "0"], "--replications"), (["--threads", "0"], "--threads"),
        (["--by", "colour"], "--by"), (["--period", "week"], "--period"), (["--seed", "-5"], "--seed"),
        (["--replications", "-1"], "--replications"), (["--export-replication", "1"], "--export-tickets"),
    ])
    func badOptionsGiveOneLineAndExit2(arguments: [String], option: String) throws {
        let result = try FaultLineBinary.run(["run"] + arguments)
        #expect(result.exitCode == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(option), "\(result.standardError)")
    }
}

/// The staff cost section and honest cells for figures that exist in only some replications.
@Suite struct RunReportFiguresTests {
    /// The small scenario with costs and a west on-call crew. Rosters per week: east 2 × 45 h +
    /// 1 × 15 h × 7 = 195 crew-hours; west 168 on duty and 168 on call; 1 agent always (168 h).
    static let costedScenario = TestScenarios.smallYAML()
        .replacingOccurrences(of: "west: {roster: [{shift: always, crews: 1}]}",
                              with: "west: {roster: [{shift: always, crews: 1}, {shift: always, onCall: 1}], callout: 30m}")
        + "\ncosts: {crewHour: 100, agentHour: 50, onCallHour: 10}\n"

    @Test func staffCostIsRosterHoursAtTheRatesPlusMeasuredCallouts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.costedScenario, to: "costed.yaml")
        let result = try FaultLineBinary.run([
            "run", scenario, "--replications", "3", "--json", folder.file("run.json"), "--csv", folder.file("out"),
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("staff cost per year"))
        let cost = try #require(try RunCommandTests.json(folder.file("run.json"))["staffCost"] as? [String: Any])
        let lines = try #require(cost["lines"] as? [[String: Any]])
        let weeks = 365.0 / 7
        let expected: [(String, Double, Double)] = [
            ("crews.east", 195 * weeks, 100), ("crews.west", 168 * weeks, 100), ("onCall.west", 168 * weeks, 10),
            ("agents", 168 * weeks, 50),
        ]
        #expect(lines.map { $0["group"] as? String } == expected.map(\.0))
        for (line, (_, hours, rate)) in zip(lines, expected) {
            #expect(abs((line["hoursPerYear"] as? Double ?? 0) - hours) < 1e-6)
            #expect(line["ratePerHour"] as? Double == rate)
            #expect(abs((line["costPerYear"] as? Double ?? 0) - hours * rate) < 1e-6)
        }
        let callouts = try #require(cost["callouts"] as? [[String: Any]])
        #expect(callouts.map { $0["group"] as? String } == ["callouts.west", "accountManagers.monthlyReports"])
        let calloutHours = try #require((callouts[0]["hoursPerYear"] as? [String: Any])?["mean"] as? Double)
        #expect(calloutHours > 0)
        // The account managers' monthly reports (the default): 230 SLA circuits × 15 min on the
        // 1st of February and of March, the two months beginning in the 60-day window, at the
        // agent rate.
        let managerHours = try #require((callouts[1]["hoursPerYear"] as? [String: Any])?["mean"] as? Double)
        #expect(abs(managerHours - 230 * 2 * 0.25 * 365 / 60) < 1e-6, "\(managerHours)")
        #expect(callouts[1]["ratePerHour"] as? Double == 50)
        let roster = expected.reduce(0) { $0 + $1.1 * $1.2 }
        #expect(abs((cost["rosterPerYear"] as? Double ?? 0) - roster) < 1e-6)
        let total = try #require((cost["totalPerYear"] as? [String: Any])?["mean"] as? Double)
        #expect(abs(total - roster - calloutHours * 100 - managerHours * 50) < 1e-6)
        let csv = try String(contentsOfFile: folder.file("out/staff-cost.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "group,kind,hours_per_year,hours_per_year_ci,rate_per_hour,cost_per_year,cost_per_year_ci")
        #expect(csv.count == 1 + 4 + 2 + 1)
        #expect(csv.last?.hasPrefix("total,sum,") == true)
    }

    /// One SLA-AAA circuit with rare outages: the restoration check applies in only some
    /// replications, so its cell says on how many (`n=K`) and a footnote explains it; the JSON
    /// carries the same count.
    @Test func aCheckThatAppliedInFewReplicationsSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = TestScenarios.smallYAML()
            .replacingOccurrences(of: "  mq: {", with: "  rare: {product: sdh, tier: SLA-AAA, grade: group, region: east, circuits: 1, monthlyFee: 100, networkGrade: N}\n  mq: {")
        let scenario = try folder.write(yaml, to: "rare.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "6", "--json", folder.file("run.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let tiers = try #require((try RunCommandTests.json(folder.file("run.json"))["breakdowns"] as? [String: Any])?["tier"] as? [[String: Any]])
        let aaa = try #require(tiers.first { $0["key"] as? String == "SLA-AAA" })
        let restoration = try #require(aaa["restorationMet"] as? [String: Any])
        let count = try #require(restoration["replications"] as? Int)
        #expect(count >= 1 && count < 6, "the scenario gives an outage in some replications only")
        let row = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  SLA-AAA ") })
        #expect(row.contains("n=\(count)"), "\(row)")
        #expect(result.standardOutput.contains("n=K: the figure exists in only K of the run's replications"))
    }

    @Test func checkpointLimitsComeFromTheRulesInForce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("checkpoints:\n  dispatchWithin: 20m\n", to: "rules.yaml")
        let scenario = try folder.write(TestScenarios.smallYAML() + "\nrules: rules.yaml\n", to: "small.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--replications", "2", "--html", folder.file("run.html")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("dispatch within 20 min"), "\(result.standardOutput)")
        let html = try String(contentsOfFile: folder.file("run.html"), encoding: .utf8)
        #expect(html.contains("dispatch within 20 min") && !html.contains("dispatch within 15 min"))
    }
}
