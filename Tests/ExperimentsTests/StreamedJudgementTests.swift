import Experiments
import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// `run` judges each ticket as the simulated log is read (no records kept); its figures must be
/// those of the batch rule engine judging the written log (ticket and circuit ids looked up),
/// exactly, credits to the last bit.
@Suite struct StreamedJudgementTests {
    @Test func theStreamedTierFiguresAreTheBatchEnginesOnTheWrittenLog() throws {
        let scenario = try SmallScenario.scenario(days: 120, warmup: 15)
        for replication in 0..<2 {
            let streamed = Experiment(scenario: scenario, replications: 2).figures(replication: replication)
            let outcome = RepairSimulation(scenario: scenario, replication: replication).run()
            let log = outcome.ticketLog
            let batch = RuleEngine(catalogue: scenario.catalogue)
                .evaluate(circuits: outcome.circuits, tickets: log, period: .month, span: outcome.window)
            #expect(batch.totals.credits > 0 && batch.totals.restoration.met < batch.totals.restoration.applicable,
                    "the scenario owes credits and misses restorations")
            let tiers = try #require(streamed.groups[.tier])
            let expected = batch.byTier.filter { $0.tickets > 0 || $0.circuitPeriods > 0 }
            #expect(tiers.map(\.key) == expected.map(\.tier))
            for (group, summary) in zip(tiers, expected) {
                Self.expectEqual(group, summary)
                var restored = Histogram(highestTrackableValue: 0)
                for ticket in batch.tickets where ticket.tier == summary.tier && ticket.outage && !ticket.excluded {
                    let record = log[ticket.index]
                    if record.openAsOf == nil { restored.record(max(0, record.repairedAt.seconds - record.reportedAt.seconds)) }
                }
                #expect(group.restorationSeconds == restored, "restoration times of \(summary.tier)")
            }
            #expect(streamed.counts == outcome.counts)
            #expect(streamed.stages == outcome.stages)
            #expect(streamed.staff == outcome.staff)
        }
    }

    @Test func theStreamedRegionGroupsAddTheBatchEnginesCircuitPeriodsInItsOrder() throws {
        let scenario = try SmallScenario.scenario(days: 120, warmup: 15)
        let streamed = Experiment(scenario: scenario, replications: 1, breakdowns: [.region]).figures(replication: 0)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let batch = RuleEngine(catalogue: scenario.catalogue)
            .evaluate(circuits: outcome.circuits, tickets: outcome.ticketLog, period: .month, span: outcome.window)
        let regions = try #require(streamed.groups[.region])
        #expect(regions.count == 2)
        for group in regions {
            let inRegion = { (index: Int) in outcome.circuits[index].region == group.key }
            var credits = 0.0
            for period in batch.circuitPeriods where inRegion(period.circuitIndex) { credits += period.credit }
            #expect(group.credits == credits, "credits of \(group.key), summed in the engine's order")
            let tickets = batch.tickets.filter { inRegion($0.circuitIndex) }
            #expect(group.tickets == tickets.count)
            #expect(group.restoration.met == tickets.filter { $0.restoration == .met }.count)
            #expect(group.restoration.applicable == tickets.filter { $0.restoration != .notApplicable }.count)
        }
        #expect(regions.reduce(0) { $0 + $1.credits } > 0)
    }

    private static func expectEqual(_ group: GroupFigures, _ summary: TierSummary) {
        #expect(group.tickets == summary.tickets)
        #expect(group.outageTickets == summary.outageTickets)
        #expect(group.openTickets == summary.openTickets)
        #expect(group.pendingRestorations == summary.pendingRestorations)
        let checks = [(group.dispatch, summary.dispatch), (group.accept, summary.accept),
                      (group.restoration, summary.restoration), (group.confirmation, summary.confirmation),
                      (group.faultReport, summary.faultReport)]
        for (count, tally) in checks {
            #expect(count.met == tally.met && count.applicable == tally.applicable, "checks of \(summary.tier)")
        }
        #expect(group.circuitPeriods == summary.circuitPeriods)
        #expect(group.availabilityMet == summary.availabilityMet)
        #expect(group.repeatViolations == summary.repeatViolations)
        #expect(group.credits == summary.credits, "credits of \(summary.tier), bit for bit")
        #expect(group.expectedCredits == summary.expectedCredits)
    }
}
