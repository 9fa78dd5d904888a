import Foundation
import Testing
import TestSupport

/// `faultline rules diff` on the edge-case corpus, and `faultline compare --rules` on simulated tickets.
@Suite("rules diff and compare --rules")
struct RulesDiffCommandTests {
    static let sixtyMinutes = "tiers:\n  SLA-AA:\n    restorationLimit: 60m\n"

    @Test func sixtyMinutesForSLAAAFlipsOneEdgeCaseTicketAndOneCredit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let corpus = EvaluateRun.root + "/corpus/edge-cases"
        let holidays = try String(contentsOfFile: corpus + "/rules.yaml", encoding: .utf8)
        let newRules = try folder.write(holidays + Self.sixtyMinutes, to: "new.yaml")
        let result = try FaultLineBinary.run(
            ["rules", "diff", "--old", corpus + "/rules.yaml", "--new", newRules, "--inventory", corpus + "/circuits.csv",
             "--tickets", corpus + "/tickets.csv", "--json", folder.file("diff.json"), "--csv", folder.file("csv")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Tickets whose verdict flips (1)"))
        let json = try EvaluateRun.readJSON(folder.file("diff.json"))
        #expect(json.objects("tickets").map { "\($0["subject"]!) \($0["figure"]!) \($0["old"]!) \($0["new"]!)" }
                == ["T01-AT-LIMIT restoration met missed"])
        // Overrun 30 min = one started hour × 1/30 × 3,000 on top of the 750 availability band.
        #expect(json.objects("circuitPeriods").map { "\($0["subject"]!) \($0["old"]!) \($0["new"]!)" } == ["E-AA-1 2026-03 750 850"])
        // SLA-AA: T01 and T03 met, T02 and T04 missed → 1/2; then only T03 → 1/4.
        let restoration = json.objects("byTier").first { $0["subject"] as? String == "SLA-AA" && $0["figure"] as? String == "restorationMet" }
        #expect(restoration?.number("old") == 0.5 && restoration?.number("new") == 0.25)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("csv")).sorted()
        #expect(files == ["by-tier.csv", "circuit-periods.csv", "tickets.csv"])
    }

    @Test func anInvalidRulesFileIsBadInputAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let broken = try folder.write("tiers:\n  SLA-AA:\n    restorationLimit: soon\n", to: "broken.yaml")
        let result = try FaultLineBinary.run(
            ["rules", "diff", "--new", broken, "--inventory", "examples/circuits.csv", "--tickets", "examples/tickets.csv",
             "--json", folder.file("diff.json")], in: EvaluateRun.root)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("broken.yaml:3:23: tiers.SLA-AA.restorationLimit"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("diff.json")))
    }

    @Test func compareRulesJudgesTheSameSimulatedTicketsTwice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(TestScenarios.smallYAML(), to: "small.yaml")
        let rules = try folder.write(Self.sixtyMinutes, to: "sla-aa-60.yaml")
        let result = try FaultLineBinary.run(["compare", scenario, "--rules", rules, "--replications", "3", "--json", folder.file("c.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let document = try EvaluateRun.readJSON(folder.file("c.json"))
        let metrics = (document["variants"] as? [[String: Any]])?.first?["metrics"] as? [[String: Any]] ?? []
        #expect(metrics.count > 20)
        let difference = { (name: String) in (metrics.first { $0["metric"] as? String == name }?["difference"] as? [String: Any]) ?? [:] }
        // The same tickets: everything but SLA-AA's restoration and credits is equal in every replication.
        for name in ["SLA-AA.dispatch", "SLA-AA.availability", "SLA-A.restoration", "SLA-A.credits", "MQ-I.credits", "crews.east.utilisation"] {
            #expect(difference(name).number("mean") == 0 && difference(name).number("halfWidth") == 0, "\(name)")
        }
        #expect((difference("SLA-AA.restoration").number("mean") ?? 0) < 0)
        #expect((difference("SLA-AA.credits").number("mean") ?? 0) > 0)
    }

    @Test func compareRulesTakesNoVariant() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(TestScenarios.smallYAML(), to: "small.yaml")
        let rules = try folder.write(Self.sixtyMinutes, to: "sla-aa-60.yaml")
        let result = try FaultLineBinary.run(["compare", scenario, scenario, "--rules", rules])
        #expect(result.exitCode == 2 && result.standardError.contains("--rules compares the base scenario's rules"), "\(result.standardError)")
    }
}
