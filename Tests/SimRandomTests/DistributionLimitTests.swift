import Foundation
import Testing
@testable import SimRandom

/// Every family at the edges of ``DistributionLimits``: what is accepted samples finite,
/// non-negative durations with finite (or, for Pareto, honestly infinite) moments; what lies
/// beyond is refused by the factory, before GSL is ever asked.
@Suite struct DistributionLimitTests {
    /// Accepted extremes, one or more per family, in the text a planner writes.
    static let acceptedEdges = [
        "exponential(mean: 1e-12)", "exponential(mean: 1e12)",
        "lognormal(mean: 1e-12, sd: 9.99e-10)", "lognormal(mean: 1e9, sd: 1e12)", "lognormal(mean: 1e12, sd: 1e-12)",
        "lognormal(median: 1e12, sigma: 10)", "lognormal(median: 1e-12, sigma: 10)", "lognormal(median: 1, sigma: 1e-12)",
        "gamma(mean: 1e9, sd: 1e12)", "gamma(mean: 1e12, sd: 1e-12)", "gamma(mean: 1e-12, sd: 9.99e-10)",
        "weibull(shape: 0.02, scale: 1e12)", "weibull(shape: 0.02, scale: 1e-12)", "weibull(shape: 1000, scale: 1e12)",
        "normal(mean: 0, sd: 1e12)", "normal(mean: 1e12, sd: 1e-12)", "normal(mean: 0, sd: 1e-12)",
        "uniform(min: 0, max: 1e12)", "triangular(min: 0, mode: 1e12, max: 1e12)", "deterministic(1e12)", "0",
        "empirical(0, 1e12)", "pareto(shape: 0.1, scale: 1e12)", "pareto(shape: 1000, scale: 1e-12)",
        "mixture(0.5: weibull(shape: 0.02, scale: 1e12), 0.5: pareto(shape: 0.1, scale: 1e12))",
    ]

    @Test(arguments: acceptedEdges)
    func acceptedEdgesDrawFiniteNonNegativeValues(_ text: String) throws {
        let distribution = try Distribution(parsing: text)
        let stream = RandomStream(masterSeed: 3, replication: 0, name: "edge \(text)")
        let draws = (0..<20_000).map { _ in distribution.sample(stream) }
        #expect(draws.allSatisfy { $0.isFinite && $0 >= 0 }, "\(text): \(draws.first { !$0.isFinite || $0 < 0 }!)")
        #expect(!distribution.mean.isNaN && distribution.mean >= 0, "\(text): mean \(distribution.mean)")
        #expect(!distribution.variance.isNaN && distribution.variance >= 0, "\(text): variance \(distribution.variance)")
        if case .pareto = distribution.parameters {} else if case .mixture = distribution.parameters {} else {
            #expect(distribution.mean.isFinite && distribution.variance.isFinite, "\(text)")
        }
    }

    /// Just beyond each edge: refused, naming the parameter (and the family where the bound is its own).
    static let refusedEdges: [(String, String)] = [
        ("weibull(shape: 0.01, scale: 1h)", "shape must be between 0.02 and 1000 in weibull(shape:, scale:)"),
        ("weibull(shape: 1001, scale: 1h)", "shape must be between 0.02 and 1000 in weibull(shape:, scale:)"),
        ("pareto(shape: 0.05, scale: 1h)", "shape must be between 0.1 and 1000 in pareto(shape:, scale:)"),
        ("lognormal(median: 1h, sigma: 11)", "sigma must be at most 10 in lognormal(median:, sigma:)"),
        ("lognormal(mean: 1m, sd: 1001m)", "sd must be at most 1000 × the mean in lognormal(mean:, sd:)"),
        ("gamma(mean: 1m, sd: 1001m)", "sd must be at most 1000 × the mean in gamma(mean:, sd:)"),
        ("exponential(mean: 1e13)", "mean must be between 1e-12 and 1e12, got 1e13"),
        ("exponential(mean: 1e-13)", "mean must be between 1e-12 and 1e12, got 1e-13"),
        ("exponential(mean: 1e300m)", "mean must be between 1e-12 and 1e12, got 1e300m"),
        ("normal(mean: 1e13, sd: 1)", "mean must be finite and at most 1e12 in size, got 1e13"),
        ("uniform(min: -1e13, max: 0)", "min must be finite and at most 1e12 in size"),
        ("deterministic(1e13)", "value must be finite and at most 1e12 in size, got 1e13"),
        ("2e12m", "value must be finite and at most 1e12 in size, got 2e12m"),
        ("empirical(1, 1e13m)", "observation 2 must be finite and at most 1e12 in size, got 1e13m"),
        ("exponential(mean: -5d)", "mean must be finite and > 0, got -5d"),
    ]

    @Test(arguments: refusedEdges)
    func beyondTheEdgesIsRefusedByName(_ text: String, _ fragment: String) {
        do {
            let accepted = try Distribution(parsing: text)
            Issue.record("\(text) was accepted as \(accepted)")
        } catch {
            #expect(error.kind == .invalidParameter, "\(text)")
            #expect(error.message.contains(fragment), "\(text): \(error.message)")
        }
    }

    /// GSL's `gsl_sf_gamma` aborted the process on Γ(201); the factory must answer without it.
    @Test func weibullWithATinyShapeIsRefusedWithoutAborting() {
        #expect(throws: DistributionError.self) { try Distribution.weibull(shape: 0.01, scale: 60) }
        #expect(throws: DistributionError.self) { try Distribution.weibull(shape: 1e-300, scale: 60) }
    }

    @Test func mixturesNestEightDeepAndNoDeeper() throws {
        func nested(_ depth: Int) -> String { String(repeating: "mixture(1: ", count: depth) + "1h" + String(repeating: ")", count: depth) }
        #expect(try Distribution(parsing: nested(8)).mean == 60)
        for depth in [9, 100_000] {
            do {
                _ = try Distribution(parsing: nested(depth))
                Issue.record("\(depth) nested mixtures were accepted")
            } catch {
                #expect(error.message == "mixtures may be nested at most 8 deep", "\(depth)")
            }
        }
    }

    @Test func theSmallestValueSaysWhetherADurationCanGoNegative() throws {
        #expect(try Distribution(parsing: "uniform(min: -5m, max: 5m)").smallestValue == -5)
        #expect(try Distribution(parsing: "mixture(0.5: 1h, 0.5: empirical(3m, -2m))").smallestValue == -2)
        #expect(try Distribution(parsing: "pareto(shape: 2, scale: 7m)").smallestValue == 7)
        #expect(try Distribution(parsing: "normal(mean: 0, sd: 5m)").smallestValue == 0)
    }

    @Test func durationsLongerThanTheClockAreRefusedInTheUnitWritten() throws {
        #expect(throws: DistributionError(
            .invalidParameter,
            "a duration must be at most 1e12m (about 1.9 million years; the simulated clock counts milliseconds in 64 bits), got 1e30d",
            offset: 0)) {
            try DurationText.minutes(parsing: "1e30d")
        }
        #expect(try DurationText.minutes(parsing: "1e12m") == 1e12)
    }
}

/// A fault rate so small (1e-308 per circuit-year) that the thinning gap overflows to infinity:
/// the calendar was asked about minute ∞ and trapped converting it to Int.
@Suite struct VanishingRateTests {
    @Test func aVanishingRateHasNoNextArrivalInsteadOfTrapping() throws {
        let profile = try RateProfile(hourOfDay: Array(repeating: 1, count: 24))
        var process = try ThinnedArrivals(ratePerMinute: 1e-308 / 525_600, profile: profile,
                                          start: try CalendarStart(year: 2026, month: 1, day: 1))
        #expect(process.next(after: 0, RandomStream(seed: 9)) == .infinity)
    }

    @Test func anOrdinaryRateStillArrivesInsideTheFarFuture() throws {
        let profile = try RateProfile(hourOfDay: Array(repeating: 1, count: 24))
        var process = try ThinnedArrivals(ratePerMinute: 0.01, profile: profile,
                                          start: try CalendarStart(year: 2026, month: 1, day: 1))
        let next = process.next(after: 0, RandomStream(seed: 9))
        #expect(next > 0 && next < 10_000)
    }
}
