import RepairModel
import Scenario
import ServiceRules
import SimCore
import TestSupport
import Testing

/// The degenerate workflow is an M/M/c queue with non-preemptive priorities: the crew wait
/// (`dispatched_at → accepted_at`) must match Cobham under the tier-priority dispatch policy,
/// and Erlang C's first-come-first-served wait in every class under `fifo`.
@Suite struct QueueingTheoryTests {
    static let circuits = [400, 600, 1000]
    static let ratePerCircuitYear = 10.0
    static let crews = 3
    static let repairMean = 60
    static let replications = 12

    /// Per replication: mean crew wait per class, and the share of tickets that waited.
    struct Waits: Sendable {
        var meanByClass: [Double]
        var overallMean: Double
        var waitedShare: Double
        var utilisation: Double
    }

    static func waits(_ scenario: Scenario, replication: Int) -> Waits {
        let outcome = RepairSimulation(scenario: scenario, replication: replication).run()
        var byClass = Array(repeating: Tally(), count: scenario.inventory.count)
        var all = Tally()
        var waited = 0
        for (record, detail) in zip(outcome.tickets, outcome.details) where record.confirmedAt != nil {   // closed tickets
            let wait = ReplicationOutcome.minutes(record.dispatchedAt!, record.acceptedAt!)
            byClass[detail.inventoryClass].record(wait)
            all.record(wait)
            if wait > 0 { waited += 1 }
        }
        return Waits(meanByClass: byClass.map(\.mean), overallMean: all.mean,
                     waitedShare: Double(waited) / Double(all.count),
                     utilisation: outcome.staff.crews[0].bands.utilisation)
    }

    /// Erlang C and Cobham, derived in `TestSupport` independently of `QueueingTheory`.
    var theory: TextbookQueue {
        let minutesPerYear = 365.0 * 24 * 60
        let perMinute = Self.circuits.map { Double($0) * Self.ratePerCircuitYear / minutesPerYear }
        return TextbookQueue(arrivalRates: perMinute, servers: Self.crews, serviceMean: Double(Self.repairMean))
    }

    @Test func crewWaitsMatchErlangCAndCobham() throws {
        let yaml = Fixtures.queueingYAML(circuits: Self.circuits, ratePerCircuitYear: Self.ratePerCircuitYear,
                                         crews: Self.crews, repairMean: Self.repairMean, days: 250)
        let scenario = try Fixtures.scenario(yaml)
        let results = Replications.run(Self.replications) { Self.waits(scenario, replication: $0) }
        let theory = self.theory
        #expect(theory.utilisation > 0.6 && theory.utilisation < 0.8)

        let waitShare = ConfidenceInterval(replicationMeans: results.map(\.waitedShare), level: 0.99)
        #expect(waitShare.contains(theory.waitProbability), "P(wait) \(waitShare) vs Erlang C \(theory.waitProbability)")
        let overall = ConfidenceInterval(replicationMeans: results.map(\.overallMean), level: 0.99)
        #expect(overall.contains(theory.meanWait), "mean wait \(overall) vs \(theory.meanWait)")
        for k in Self.circuits.indices {
            let interval = ConfidenceInterval(replicationMeans: results.map { $0.meanByClass[k] }, level: 0.99)
            #expect(interval.contains(theory.meanWait(ofClass: k)), "class \(k): \(interval) vs Cobham \(theory.meanWait(ofClass: k))")
        }
        #expect(overall.relativeHalfWidth < 0.1, "too few tickets for a sharp test: \(overall)")
        let utilisation = ConfidenceInterval(replicationMeans: results.map(\.utilisation), level: 0.99)
        #expect(utilisation.contains(theory.utilisation), "utilisation \(utilisation) vs \(theory.utilisation)")
    }

    @Test func crewWaitsUnderFIFOMatchErlangCInEveryClass() throws {
        let yaml = Fixtures.queueingYAML(circuits: Self.circuits, ratePerCircuitYear: Self.ratePerCircuitYear,
                                         crews: Self.crews, repairMean: Self.repairMean, days: 250, dispatch: .fifo)
        let scenario = try Fixtures.scenario(yaml)
        let results = Replications.run(Self.replications) { Self.waits(scenario, replication: $0) }
        let theory = self.theory

        let waitShare = ConfidenceInterval(replicationMeans: results.map(\.waitedShare), level: 0.99)
        #expect(waitShare.contains(theory.waitProbability), "P(wait) \(waitShare) vs Erlang C \(theory.waitProbability)")
        for k in Self.circuits.indices {
            let interval = ConfidenceInterval(replicationMeans: results.map { $0.meanByClass[k] }, level: 0.99)
            #expect(interval.contains(theory.meanWait), "class \(k): \(interval) vs Erlang C \(theory.meanWait)")
            #expect(interval.relativeHalfWidth < 0.15, "too few tickets for a sharp test: \(interval)")
        }
        // Not the priority order: the lowest class waits less than Cobham gives it under tier-priority.
        let lowest = ConfidenceInterval(replicationMeans: results.map { $0.meanByClass[2] }, level: 0.99)
        #expect(lowest.upper < theory.meanWait(ofClass: 2))
    }
}
