import Foundation
import Testing
@testable import SimRandom

/// Storm episodes raise the number of arrivals by the amount the model implies.
@Suite struct StormEpisodeTests {
    static let year = StormEpisodes.minutesPerYear

    /// Arrivals in [0, horizon) of one replication.
    private func count(_ process: inout ThinnedArrivals, _ stream: RandomStream, _ horizon: Double) -> Int {
        var n = 0
        var t = process.next(after: 0, stream)
        while t < horizon {
            n += 1
            t = process.next(after: t, stream)
        }
        return n
    }

    /// Storm minutes that fall inside [0, horizon).
    private func activeMinutes(_ schedule: StormSchedule, _ horizon: Double) -> Double {
        schedule.activePeriods.reduce(0) { $0 + max(0, min($1.end, horizon) - $1.start) }
    }

    @Test func stormsRaiseTheCountByTheExpectedAmount() throws {
        let (base, multiplier, perYear, length, horizon) = (0.05, 3.0, 12.0, 2_880.0, Self.year)
        let storms = try StormEpisodes(perYear: perYear, duration: .deterministic(length), multiplier: multiplier)
        // Starting storm-free, P(storm at t) = 1 − exp(−ν·min(d, t)) (an M/G/∞ system is empty).
        let nu = perYear / Self.year
        let active = (length - (1 - exp(-nu * length)) / nu) + (horizon - length) * (1 - exp(-nu * length))
        let expected = base * (horizon + (multiplier - 1) * active)

        var counts: [Double] = []
        var conditionalExpectation = 0.0
        for replication in 0..<40 {
            let schedule = storms.schedule(horizon: horizon, RandomStream(masterSeed: 9, replication: replication, name: "storms"))
            var process = try ThinnedArrivals(
                ratePerMinute: base, profile: .flat, start: try CalendarStart(year: 2025, month: 1, day: 1), storms: schedule)
            let stream = RandomStream(masterSeed: 9, replication: replication, name: "arrivals")
            counts.append(Double(count(&process, stream, horizon)))
            conditionalExpectation += base * (horizon + (multiplier - 1) * activeMinutes(schedule, horizon))
        }
        let stats = SampleStatistics(counts)
        let standardError = (stats.variance / Double(counts.count)).squareRoot()
        #expect(abs(stats.mean - expected) <= 4.5 * standardError, "mean \(stats.mean) vs \(expected) ± \(standardError)")
        #expect(stats.mean - base * horizon > 4.5 * standardError, "storms should add arrivals")
        // Given the drawn storms, only Poisson noise remains: a much tighter check of the thinning.
        let total = counts.reduce(0, +)
        #expect(abs(total - conditionalExpectation) <= 4.5 * conditionalExpectation.squareRoot())
    }

    @Test func schedulesAreReproducibleFromTheirNamedStream() throws {
        let storms = try StormEpisodes(perYear: 20, duration: .exponential(mean: 1_440), multiplier: 2)
        let first = storms.schedule(horizon: Self.year, RandomStream(masterSeed: 5, replication: 1, name: "storms"))
        let again = storms.schedule(horizon: Self.year, RandomStream(masterSeed: 5, replication: 1, name: "storms"))
        let other = storms.schedule(horizon: Self.year, RandomStream(masterSeed: 5, replication: 2, name: "storms"))
        #expect(first == again)
        #expect(first != other)
        #expect(first.episodes.allSatisfy { $0.start >= 0 && $0.start < Self.year && $0.end >= $0.start })
        #expect(first.maximumMultiplier == 2)
    }

    @Test func stormParametersAreValidated() {
        #expect(throws: ArrivalError(.invalidStorm, "perYear must be finite and ≥ 0, got -1.0")) {
            try StormEpisodes(perYear: -1, duration: .deterministic(1), multiplier: 2)
        }
        #expect(throws: ArrivalError(.invalidStorm, "multiplier must be finite and > 0, got 0.0")) {
            try StormEpisodes(perYear: 1, duration: .deterministic(1), multiplier: 0)
        }
    }
}
