import QueueModel
import QueueingTheory
import SimCore
import SimRandom
import TestSupport
import Testing

/// The queue reproduces closed-form queueing results inside 99 % confidence intervals built from
/// independent replications (each replication: its own named streams, starting empty).
@Suite struct QueueValidationTests {
    static let seed: UInt64 = 20_261_124
    static let replications = 20
    static let customersPerReplication = 400_000

    /// Runs the replications of one configuration; every run must satisfy Little's law.
    static func replicate(
        servers: Int, arrivalRate: Double, shares: [Double] = [1]
    ) throws -> [QueueResult] {
        let base = QueueConfiguration(
            servers: servers, arrivalRate: arrivalRate, service: try .exponential(mean: 1),
            classShares: shares, customers: customersPerReplication, seed: seed)
        let results = Replications.run(replications) { r in
            var configuration = base
            configuration.replication = r
            var simulation = QueueSimulation(configuration)
            return simulation.run()
        }
        for (r, result) in results.enumerated() {
            #expect(result.littleLawGap < 0.01, "Little's law fails in replication \(r): gap \(result.littleLawGap)")
        }
        return results
    }

    /// Expects `theory` inside the 99 % interval of the per-replication estimates.
    static func expectInside(_ estimates: [Double], _ theory: Double, _ what: String) {
        let interval = ConfidenceInterval(replicationMeans: estimates, level: 0.99)
        #expect(interval.contains(theory), "\(what): theory \(theory) outside 99 % CI \(interval)")
    }

    @Test func mm1MeanWaitIsFour() throws {
        let results = try Self.replicate(servers: 1, arrivalRate: 0.8)
        Self.expectInside(results.map(\.overall.meanWait), 4.0, "M/M/1 mean wait")
    }

    @Test func mm3WaitProbabilityAndMeanWaitMatchErlangC() throws {
        let results = try Self.replicate(servers: 3, arrivalRate: 2.4)
        #expect(abs(Erlang.waitProbability(servers: 3, offeredLoad: 2.4) - 0.647191) < 1e-6)
        Self.expectInside(results.map(\.overall.pWait), 0.647191, "M/M/3 P(wait)")
        Self.expectInside(results.map(\.overall.meanWait), 1.078652, "M/M/3 mean wait")
    }

    @Test func mm3ThreeClassWaitsMatchCobham() throws {
        let results = try Self.replicate(servers: 3, arrivalRate: 2.4, shares: [0.25, 0.375, 0.375])
        let expected = [0.269663, 0.539326, 2.157303]
        for (k, wait) in expected.enumerated() {
            Self.expectInside(results.map { $0.classes[k].meanWait }, wait, "M/M/3 class \(k) mean wait")
        }
    }

    /// The test oracle and the project's formulas, two derivations, agree with numbers worked
    /// out by hand (M/M/1 at ρ = 0.8: P(wait) = ρ, W = ρ / (μ − λ) = 4).
    @Test func bothDerivationsGiveTheHandWorkedNumbers() {
        let mm1 = TextbookQueue(arrivalRates: [0.8], servers: 1, serviceMean: 1)
        #expect(abs(mm1.waitProbability - 0.8) < 1e-12 && abs(mm1.meanWait - 4) < 1e-12)
        let mm3 = TextbookQueue(arrivalRates: [0.6, 0.9, 0.9], servers: 3, serviceMean: 1)
        let project = PriorityQueueTheory(arrivalRates: [0.6, 0.9, 0.9], servers: 3, serviceMean: 1)
        #expect(abs(mm3.waitProbability - 0.647191) < 1e-6)
        #expect(abs(project.waitProbability - mm3.waitProbability) < 1e-12)
        for (k, wait) in [0.269663, 0.539326, 2.157303].enumerated() {
            #expect(abs(mm3.meanWait(ofClass: k) - wait) < 1e-6, "class \(k)")
            #expect(abs(project.meanWait(ofClass: k) - mm3.meanWait(ofClass: k)) < 1e-12, "class \(k)")
        }
    }

    @Test func utilisationMatchesOfferedLoad() throws {
        let results = try Self.replicate(servers: 3, arrivalRate: 2.4)
        Self.expectInside(results.map(\.utilisation), 0.8, "M/M/3 utilisation")
    }
}
