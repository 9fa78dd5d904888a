import Experiments
import Foundation
import RepairModel
import Scenario
import SimCore
import TestSupport
import Testing

/// A pool's wait figures on a degenerate case that is an M/M/c queue served first come, first
/// served: one class of circuits with Poisson faults, every delay but the exponential repair
/// zero, three crews always on duty. P(wait) must be Erlang C and the mean wait P(wait)/(cμ − λ)
/// (`TestSupport.TextbookQueue`, not `QueueingTheory`); given a wait, the wait is exponential
/// with rate cμ − λ, so its p-quantile is 0 for p ≤ 1 − C and ln(C / (1 − p)) / (cμ − λ) beyond.
@Suite struct PoolWaitTests {
    static let circuits = 2_000
    static let ratePerCircuitYear = 10.5
    static let crews = 3
    static let repairMean = 60.0
    static let replications = 12

    static let yaml = """
        name: mmc-fifo
        start: 2026-01-05
        horizon: 250d
        warmup: 10d
        seed: 23
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
          roster: [{shift: always, agents: 2}]
          intake: 0m
          confirm: 0m
        crews:
          r: {roster: [{shift: always, crews: \(crews)}]}
        travel: {r: 0m}
        repair:
          access: "exponential(mean: \(Int(repairMean))m)"
        escalation: none
        dispatch: {policy: fifo}
        installs: {perDay: 0, work: 2h}
        """

    var theory: TextbookQueue {
        let perMinute = Double(Self.circuits) * Self.ratePerCircuitYear / (365 * 24 * 60)
        return TextbookQueue(arrivalRates: [perMinute], servers: Self.crews, serviceMean: Self.repairMean)
    }

    /// The p-quantile of the M/M/c FCFS wait, in minutes.
    func waitQuantile(_ p: Double) -> Double {
        let theory = self.theory
        let waitShare = theory.waitProbability
        guard p > 1 - waitShare else { return 0 }
        let drain = Double(theory.servers) * theory.serviceRate - theory.totalRate
        return log(waitShare / (1 - p)) / drain
    }

    @Test func crewPoolMatchesErlangCAndTheConditionalExponentialWait() throws {
        let scenario = try Scenario.parse(yaml: Self.yaml, file: "mmc.yaml")
        let experiment = Experiment(scenario: scenario, replications: Self.replications)
        let figures = Replications.run(Self.replications) { experiment.figures(replication: $0) }
        let perReplication = figures.compactMap { $0.waits.first { $0.pool == "crews.r" } }
        #expect(perReplication.count == Self.replications)
        let results = ExperimentResults(figures, scenario: scenario, period: .month, breakdowns: [.tier])
        let pool = try #require(results.waits.first { $0.pool == "crews.r" })
        let theory = self.theory
        #expect(theory.utilisation > 0.75 && theory.utilisation < 0.85)
        #expect(theory.waitProbability > 0.55, "the median wait is then above 0, and tested")

        // P(wait) and the mean wait: 99 % intervals from the values the results carry.
        let share = ConfidenceInterval(replicationMeans: try #require(pool.waitShare).perReplication, level: 0.99)
        #expect(share.contains(theory.waitProbability), "P(wait) \(share) vs Erlang C \(theory.waitProbability)")
        let mean = ConfidenceInterval(replicationMeans: try #require(pool.meanWaitMinutes).perReplication, level: 0.99)
        #expect(mean.contains(theory.meanWait), "mean wait \(mean) vs \(theory.meanWait)")
        #expect(mean.relativeHalfWidth < 0.1, "too few tickets for a sharp test: \(mean)")
        #expect(pool.jobs == perReplication.reduce(0) { $0 + $1.jobs })

        // Percentiles of the merged histogram: each inside the 99 % interval of the
        // replications' own percentiles, and that interval holding the closed form.
        for (p, merged) in [(0.5, pool.p50), (0.9, pool.p90), (0.99, pool.p99)] {
            let merged = try #require(merged)
            let own = perReplication.map { Double($0.waitSeconds.quantile(p)) / 60 }
            let interval = ConfidenceInterval(replicationMeans: own, level: 0.99)
            let expected = waitQuantile(p)
            #expect(interval.contains(expected), "p\(Int(p * 100)): \(interval) vs closed form \(expected)")
            #expect(abs(merged - expected) <= max(interval.halfWidth, 1.0 / 60), "p\(Int(p * 100)): merged \(merged) vs \(expected)")
            #expect(expected > 0)
        }
    }

    @Test func mergingCountsIsAddingThem() {
        var one = PoolWaits(pool: "crews.r")
        var two = PoolWaits(pool: "crews.r")
        one.merge(two)
        #expect(one.jobs == 0 && one.waitShare == nil && one.meanWaitMinutes == nil)
        two.jobs = 4
        two.waited = 1
        two.totalWaitMilliseconds = 240_000
        two.waitSeconds.record(240)
        one.merge(two)
        one.merge(two)
        #expect(one.jobs == 8 && one.waited == 2 && one.waitShare == 0.25)
        #expect(one.meanWaitMinutes == 1, "480 000 ms over 8 jobs")
        #expect(one.waitSeconds.count == 2 && one.waitSeconds.quantile(0.5) == 240)
    }
}
