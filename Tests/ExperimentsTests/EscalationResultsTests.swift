import Experiments
import RepairModel
import Scenario
import Testing

/// The escalation rows of a run: every ticket that reached a level counted once per level, the
/// `all` row the sum of its tiers, nothing when escalation is off.
@Suite struct EscalationResultsTests {
    static let levels = """
        escalation:
          levels:
            - {name: early, after: 2h}
            - {name: late, atFractionOfLimit: 0.9, raisePriority: true}

        """

    @Test func everyTicketReachingALevelIsCountedInItsTier() throws {
        let scenario = try Scenario.parse(yaml: SmallScenario.yaml() + "\n" + Self.levels, file: "small.yaml")
        let experiment = Experiment(scenario: scenario, replications: 1)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let figures = experiment.figures(replication: 0)
        for level in 0..<2 {
            let reached = outcome.details.filter { $0.escalationLevels & (1 << UInt64(level)) != 0 }.count
            #expect(reached > 0, "level \(level)")
            #expect(figures.escalations.filter { $0.level == level }.reduce(0) { $0 + $1.reached } == reached)
        }
    }

    @Test func theAllRowIsTheSumOfTheTiers() throws {
        let scenario = try Scenario.parse(yaml: SmallScenario.yaml() + "\n" + Self.levels, file: "small.yaml")
        let results = Experiment(scenario: scenario, replications: 3).run()
        for level in ["early", "late"] {
            let rows = results.escalations.filter { $0.level == level }
            let all = try #require(rows.last)
            #expect(all.tier == "all" && rows.count > 2)
            let sum = rows.dropLast().reduce(0) { $0 + $1.perYear.mean }
            #expect(abs(all.perYear.mean - sum) < 1e-6 * max(1, sum))
            #expect(rows.allSatisfy { ($0.restorationMet?.mean ?? 0) >= 0 && ($0.restorationMet?.mean ?? 0) <= 1 })
        }
    }

    @Test func noRowsWhenEscalationIsOff() throws {
        let scenario = try Scenario.parse(yaml: SmallScenario.yaml() + "\nescalation: none\n", file: "small.yaml")
        #expect(Experiment(scenario: scenario, replications: 2).run().escalations.isEmpty)
    }
}
