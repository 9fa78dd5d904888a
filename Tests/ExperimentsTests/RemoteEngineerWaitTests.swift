import Experiments
import Foundation
import RepairModel
import Scenario
import SimCore
import TestSupport
import Testing

/// The remote-fix engineers on a degenerate case where only they queue: every fault is fixed
/// remotely with exponential work, detection, intake and confirmation take no time, agents are
/// ample and three engineers are always on duty. Faults are Poisson, so the engineers are an
/// M/M/3 queue served first come, first served: P(wait) must be Erlang C and the mean wait
/// P(wait)/(cμ − λ) (`TestSupport.TextbookQueue`, not `QueueingTheory`).
@Suite struct RemoteEngineerWaitTests {
    static let circuits = 2_000
    static let ratePerCircuitYear = 31.5
    static let engineers = 3
    static let remoteMean = 20.0
    static let replications = 10

    static let yaml = """
        name: remote-mmc
        start: 2026-01-05
        horizon: 120d
        warmup: 5d
        seed: 41
        inventory:
          lines: {product: virtual-network, grade: group, region: r, circuits: \(circuits), monthlyFee: 100, networkGrade: N}
        faults:
          rates:
            virtual-network: {access: \(ratePerCircuitYear)}
        detection:
          proactive: {delay: 0m}
          customer: {delay: 0m, offHoursDelay: 0m}
          accountManager: {share: 0, delay: 0m}
        monitoringCentre:
          roster: [{shift: always, agents: 20}]
          intake: 0m
          confirm: 0m
          progressUpdate: 0m
          faultReport: 0m
        crews:
          r: {roster: [{shift: always, crews: 1}]}
        travel: {r: 0m}
        repair:
          access: {remoteShare: 1, remote: "exponential(mean: \(Int(remoteMean))m)", onSite: 1m}
        escalation: none
        communication: none
        dispatch: {policy: fifo}
        installs: {perDay: 0, work: 2h}
        remoteEngineers:
          roster: [{shift: always, engineers: \(engineers)}]
        """

    var theory: TextbookQueue {
        let perMinute = Double(Self.circuits) * Self.ratePerCircuitYear / (365 * 24 * 60)
        return TextbookQueue(arrivalRates: [perMinute], servers: Self.engineers, serviceMean: Self.remoteMean)
    }

    @Test func theEngineersWaitAsErlangCSays() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml, file: "remote-mmc.yaml")
        let experiment = Experiment(scenario: scenario, replications: Self.replications)
        let figures = Replications.run(Self.replications) { experiment.figures(replication: $0) }
        let results = ExperimentResults(figures, scenario: scenario, period: .month, breakdowns: [.tier])
        let pool = try #require(results.waits.first { $0.pool == "remoteEngineers" })
        let theory = self.theory
        #expect(theory.utilisation > 0.75 && theory.utilisation < 0.85)

        let share = ConfidenceInterval(replicationMeans: try #require(pool.waitShare).perReplication, level: 0.99)
        #expect(share.contains(theory.waitProbability), "P(wait) \(share) vs Erlang C \(theory.waitProbability)")
        let mean = ConfidenceInterval(replicationMeans: try #require(pool.meanWaitMinutes).perReplication, level: 0.99)
        #expect(mean.contains(theory.meanWait), "mean wait \(mean) vs \(theory.meanWait)")
        #expect(mean.relativeHalfWidth < 0.15, "too few tickets for a sharp test: \(mean)")

        // Busy ÷ present engineer-hours is ρ; the crews, who get no ticket, never wait nor work.
        let utilisation = try #require(results.staff.remoteEngineers).utilisation
        let busy = ConfidenceInterval(replicationMeans: utilisation.perReplication, level: 0.99)
        #expect(busy.contains(theory.utilisation), "utilisation \(busy) vs ρ \(theory.utilisation)")
        #expect(!results.waits.contains { $0.pool == "crews.r" }, "the results list pools with jobs only")
        #expect(results.staff.crews[0].utilisation.mean == 0)
    }

    /// The accept checkpoint is the engineer's taking the ticket: a remote ticket's
    /// `accepted_at − dispatched_at` is its wait, so the rule engine's 30-minute accept check
    /// now fails for remote fixes that waited longer (and never did without the pool).
    @Test func acceptanceIsTheEngineerTakingTheTicket() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml, file: "remote-mmc.yaml")
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let waits = outcome.tickets.compactMap { record -> Int64? in
            guard let accepted = record.acceptedAt, let dispatched = record.dispatchedAt else { return nil }
            return accepted.seconds - dispatched.seconds
        }
        #expect(waits.count > 10_000)
        // P(wait > 30 min) = C·e^(−(cμ − λ)·30 min) ≈ 0.25 here.
        #expect(waits.filter { $0 > 30 * 60 }.count > waits.count / 10, "some tickets wait past the accept limit")
        #expect(waits.allSatisfy { $0 >= 0 })
        let accept = outcome.evaluate().totals.accept
        #expect(accept.met < accept.applicable && accept.met > accept.applicable / 2, "\(accept)")
        var without = scenario
        without.remoteEngineers = nil
        let before = RepairSimulation(scenario: without, replication: 0).run()
        #expect(before.tickets.allSatisfy { $0.acceptedAt == $0.dispatchedAt })
        #expect(before.evaluate().totals.accept.met == before.evaluate().totals.accept.applicable)
    }
}
