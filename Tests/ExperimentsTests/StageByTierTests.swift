import Experiments
import RepairModel
import SimCore
import Testing

/// Stage times per tier: every closed ticket counted once, under the tier the rule engine
/// judged it by, so the tiers add up to the all-ticket stage times.
@Suite struct StageByTierTests {
    static var stages: [(String, KeyPath<StageStatistics, Tally>)] { [
        ("detection", \.detection), ("intake", \.intake), ("crewWait", \.crewWait), ("callout", \.callout),
        ("travel", \.travel), ("repair", \.repair), ("confirmation", \.confirmation), ("restoration", \.restoration),
    ] }

    @Test func tiersAddUpToAllTicketsAndFollowTheCatalogue() throws {
        let scenario = try SmallScenario.scenario()
        let figures = Experiment(scenario: scenario, replications: 1).figures(replication: 0)
        #expect(figures.stagesByTier.map(\.tier) == ["SLA-AA", "SLA-A", "MQ-I"], "catalogue order, tiers with tickets")
        for (name, path) in Self.stages {
            let all = figures.stages[keyPath: path]
            var merged = Tally()
            for tier in figures.stagesByTier { merged.merge(tier.stages[keyPath: path]) }
            #expect(merged.count == all.count, "\(name): \(merged.count) tickets by tier, \(all.count) in all")
            #expect(abs(merged.mean - all.mean) <= 1e-9 * max(1, all.mean), "\(name): \(merged.mean) vs \(all.mean)")
        }
        let restoration = figures.stagesByTier.map { $0.stages.restoration.count }
        #expect(restoration.allSatisfy { $0 > 0 }, "every tier has closed tickets: \(restoration)")
    }

    @Test func resultsGiveOneEstimatePerTierAndStage() throws {
        let scenario = try SmallScenario.scenario()
        let results = Experiment(scenario: scenario, replications: 3).run(threads: 1)
        #expect(results.stagesByTier.map(\.tier) == ["SLA-AA", "SLA-A", "MQ-I"])
        for tier in results.stagesByTier {
            #expect(tier.stages.map(\.stage) == results.stages.map(\.stage))
            let repair = try #require(tier.stages.first { $0.stage == "repair" }?.minutes)
            #expect(repair.count == 3 && repair.perReplication.count == 3)
        }
    }
}
