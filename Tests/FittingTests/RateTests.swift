import Foundation
import SimRandom
import Testing
@testable import Fitting

/// Rates over exposure: Garwood's interval, its coverage, the pooling rule and the dispersion test.
@Suite struct RateTests {
    @Test func garwoodIntervalsMatchTheTables() throws {
        let none = try PoissonInterval.garwood(events: 0)
        #expect(none.lower == 0 && abs(none.upper - 3.6889) < 1e-4)
        let one = try PoissonInterval.garwood(events: 1)
        #expect(abs(one.lower - 0.02532) < 1e-5 && abs(one.upper - 5.5716) < 1e-4)
        let ten = try PoissonInterval.garwood(events: 10)
        #expect(abs(ten.lower - 4.7954) < 1e-4 && abs(ten.upper - 18.3904) < 1e-4)
        let rate = try PoissonInterval.rate(name: "x", events: 10, exposure: 2)
        #expect(rate.rate == 5 && abs(rate.lower - 2.3977) < 1e-4 && abs(rate.upper - 9.1952) < 1e-4)
        #expect(rate.rule == .own && !rate.pooled)
    }

    @Test func badRatesAreRefused() {
        #expect(throws: FittingError.invalidExposure(name: "north", events: 3, exposure: 0)) {
            try PoissonInterval.rate(name: "north", events: 3, exposure: 0)
        }
        #expect(throws: FittingError.invalidConfidence(1)) { try PoissonInterval.garwood(events: 3, confidence: 1) }
    }

    /// Poisson counts made here by counting exponential gaps in one unit of time; the 95 % interval
    /// must cover the true mean at least 95 % of the time (Garwood is conservative) and not much more.
    @Test func coverageIsNearNinetyFivePercent() throws {
        for mean in [2.0, 7.5, 30.0] {
            let stream = RandomStream(masterSeed: 13, replication: Int(mean * 10), name: "fit/coverage")
            let trials = 2_000
            var covered = 0
            for _ in 0..<trials {
                var count = 0, t = stream.exponential(mean: 1 / mean)
                while t < 1 { count += 1; t += stream.exponential(mean: 1 / mean) }
                let interval = try PoissonInterval.garwood(events: count)
                if interval.lower <= mean && mean <= interval.upper { covered += 1 }
            }
            let coverage = Double(covered) / Double(trials)
            #expect(coverage >= 0.94 && coverage <= 0.995, "mean \(mean): coverage \(coverage)")
        }
    }

    /// Hand-worked with the rule in RatePooling's documentation: r = 108/255, τ² = 0.0437294,
    /// a = 4.10198, b = 9.68523; C (3 events over 5) → (a + 3)/(b + 5) = 0.483614, interval from
    /// Gamma(7.10198, 1/14.68523): [0.196009, 0.898840]; B (5 over 50) → 0.152500.
    @Test func sparseClassesShrinkTowardTheirProduct() throws {
        let classes = [
            RateClass(name: "A", group: "leased", events: 40, exposure: 100),
            RateClass(name: "B", group: "leased", events: 5, exposure: 50),
            RateClass(name: "C", group: "leased", events: 3, exposure: 5),
            RateClass(name: "D", group: "leased", events: 60, exposure: 100),
            RateClass(name: "E", group: "dark-fibre", events: 2, exposure: 10),
            RateClass(name: "F", group: "dark-fibre", events: 4, exposure: 20),
        ]
        let estimates = try RatePooling.estimate(classes)
        #expect(estimates.map(\.name) == ["A", "B", "C", "D", "E", "F"])
        #expect(estimates[0].rule == .own && estimates[0].rate == 0.4 && !estimates[0].pooled)
        let c = estimates[2]
        #expect(c.rule == .shrunkTowardGroup && c.pooled)
        #expect(abs(c.rate - 0.483614) < 1e-6 && abs(c.lower - 0.196009) < 1e-6 && abs(c.upper - 0.898840) < 1e-6)
        #expect(abs(estimates[1].rate - 0.152500) < 1e-6)
        // E and F have the same rate 0.2: no spread, so both take the group's 6/30 and its interval.
        #expect(estimates[4].rule == .groupRate && abs(estimates[4].rate - 0.2) < 1e-12)
        let group = try PoissonInterval.garwood(events: 6)
        #expect(abs(estimates[5].upper - group.upper / 30) < 1e-12)
    }

    /// Counts 0, 4, 0, 4: mean 2, Σ (c − 2)² / 2 = 8 on 3 degrees of freedom, p = 0.046012.
    @Test func dispersionIndexByHand() throws {
        let test = try #require(DispersionTest(dailyCounts: [0, 4, 0, 4]))
        #expect(test.statistic == 8 && test.degreesOfFreedom == 3 && test.variance == 16.0 / 3)
        #expect(abs(test.pValue - 0.046012) < 1e-6)
        #expect(DispersionTest(dailyCounts: [0, 0, 0]) == nil)
        #expect(DispersionTest(dailyCounts: [1, 2], expected: [1]) == nil)
    }

    /// Poisson days pass; the same days with a storm (every tenth day five times busier) fail.
    @Test func stormsShowAsOverDispersion() throws {
        let stream = RandomStream(masterSeed: 14, replication: 0, name: "fit/dispersion")
        func poisson(_ mean: Double) -> Int {
            var count = 0, t = stream.exponential(mean: 1 / mean)
            while t < 1 { count += 1; t += stream.exponential(mean: 1 / mean) }
            return count
        }
        let calm = (0..<365).map { _ in poisson(20) }
        #expect(try #require(DispersionTest(dailyCounts: calm)).pValue > 0.01)
        let stormy = (0..<365).map { $0 % 10 == 0 ? poisson(100) : poisson(20) }
        #expect(try #require(DispersionTest(dailyCounts: stormy)).pValue < 1e-6)
        let expected = (0..<365).map { $0 % 10 == 0 ? 100.0 : 20.0 }
        #expect(try #require(DispersionTest(dailyCounts: stormy, expected: expected)).pValue > 0.01)
    }
}

/// A large log's counts: GSL's χ² inversion gives up there; the interval must still be finite
/// and match the normal approximation k ± 1.96 √k, which is excellent at that size.
@Suite("Garwood interval at large counts")
struct GarwoodLargeCountTests {
    @Test("250,000 events: finite, and within 0.1 % of k ± 1.96 √k")
    func largeCount() throws {
        let k = 250_000.0
        let interval = try PoissonInterval.garwood(events: Int(k))
        #expect(interval.lower.isFinite && interval.upper.isFinite)
        #expect(abs(interval.lower / (k - 1.959964 * k.squareRoot()) - 1) < 1e-3)
        #expect(abs(interval.upper / (k + 1.959964 * k.squareRoot()) - 1) < 1e-3)
    }
}
