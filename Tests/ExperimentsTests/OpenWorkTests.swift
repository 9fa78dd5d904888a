@testable import Experiments
import RepairModel
import Scenario
import ServiceRules
import Testing

/// Work still open at the horizon is counted, never dropped: a scenario whose outages never
/// end reports them as unavailable and missed, not as 100 % availability without tickets.
@Suite struct OpenWorkTests {
    /// The small scenario with travel of 100,000 weeks: no crew ever reaches a site.
    static func neverRestored() throws -> Scenario {
        let yaml = SmallScenario.yaml().replacingOccurrences(of: "travel: {default: \"lognormal(mean: 40m, sd: 20m)\"}",
                                                             with: "travel: {default: 100000w}")
        #expect(yaml.contains("100000w"))
        return try Scenario.parse(yaml: yaml, file: "never.yaml")
    }

    @Test func outagesThatNeverEndAreUnavailableAndMissed() throws {
        let results = Experiment(scenario: try Self.neverRestored(), replications: 2).run(threads: 2)
        let all = results.overall
        #expect(all.tickets.mean > 50, "the open tickets are in the log")
        #expect(results.openAtHorizon.mean == all.tickets.mean, "every ticket is still open")
        let restoration = try #require(all.restoration, "restorations past their limit are judged")
        #expect(restoration.mean == 0)
        #expect(try #require(all.availabilityMet).mean < 0.9)
        #expect(all.creditsPerYear.estimate.mean > 0)
        #expect(all.restorationP50 == nil, "no ticket was restored")
        #expect(results.pendingRestorations.mean >= 0 && results.pendingRestorations.mean < all.tickets.mean)
        #expect(try #require(results.installs.completionMet).mean == 0, "installs past their promise are missed")
    }

    @Test func theOpenTicketsAreJudgedByTheRuleEngineAsOfTheHorizon() throws {
        let outcome = RepairSimulation(scenario: try Self.neverRestored(), replication: 0).run()
        let open = outcome.tickets.filter { $0.openAsOf != nil }
        #expect(open.count == outcome.counts.openAtHorizon && !open.isEmpty)
        #expect(open.allSatisfy { $0.openAsOf == outcome.window.upperBound && $0.repairedAt == outcome.window.upperBound })
        let evaluation = outcome.evaluate()
        let judged = evaluation.tickets.filter { $0.open && $0.outage }
        #expect(judged.allSatisfy { $0.restoration == .missed || $0.restorationPending })
        #expect(judged.allSatisfy { ($0.restoration == .missed) == ($0.restorationMinutes > $0.restorationLimitMinutes) })
        #expect(evaluation.totals.openTickets == open.count)
    }

    @Test func theBaselineShapeKeepsItsFewOpenTicketsApartFromTheJudgedOnes() throws {
        let outcome = RepairSimulation(scenario: try SmallScenario.scenario(), replication: 0).run()
        let evaluation = outcome.evaluate()
        let pending = evaluation.tickets.filter(\.restorationPending)
        #expect(pending.allSatisfy { $0.restoration == .notApplicable && $0.open })
        #expect(evaluation.totals.pendingRestorations == pending.count)
    }

    @Test func aRunKeepsNoRestorationHistogramPerReplication() throws {
        let experiment = Experiment(scenario: try SmallScenario.scenario(), replications: 3)
        let figures = (0..<3).map { experiment.figures(replication: $0) }
        let pooled = experiment.run(threads: 2)
        let merged = ExperimentResults(figures, scenario: experiment.scenario, period: .month, breakdowns: [.tier])
        #expect(pooled.overall.restorationSeconds == merged.overall.restorationSeconds)
        #expect(pooled.overall.restorationP90 == merged.overall.restorationP90)
        var light = figures[0]
        light.dropRestorationTimes()
        #expect((light.groups[.tier] ?? []).allSatisfy { $0.restorationSeconds.isEmpty })
        #expect((figures[0].groups[.tier] ?? []).contains { !$0.restorationSeconds.isEmpty })
    }
}
