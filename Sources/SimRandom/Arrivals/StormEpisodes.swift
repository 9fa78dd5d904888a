import CGSL

/// Storm episodes: periods during which faults arrive `multiplier` times faster.
///
/// Episodes start as a Poisson process with `perYear` expected starts per year (1 year = 365
/// days = 525,600 minutes) from time 0, which is taken to be storm-free. Each lasts a random
/// `duration` (minutes; a negative draw counts as 0). Overlapping episodes do not compound:
/// while at least one episode is active the rate is multiplied by `multiplier` once, so the
/// active periods are the union of the episodes.
public struct StormEpisodes: Sendable, Equatable {
    /// Minutes in the 365-day year used for `perYear`.
    public static let minutesPerYear = 525_600.0

    /// Expected episode starts per 365-day year.
    public let perYear: Double
    /// How long an episode lasts, in minutes.
    public let duration: Distribution
    /// The rate multiplier while an episode is active.
    public let multiplier: Double

    /// Creates the storm model.
    /// - Throws: ``ArrivalError`` if `perYear` is negative or not finite, or `multiplier` is not
    ///   finite and positive.
    public init(perYear: Double, duration: Distribution, multiplier: Double) throws(ArrivalError) {
        guard perYear.isFinite, perYear >= 0 else {
            throw ArrivalError(.invalidStorm, "perYear must be finite and ≥ 0, got \(perYear)")
        }
        guard multiplier.isFinite, multiplier > 0 else {
            throw ArrivalError(.invalidStorm, "multiplier must be finite and > 0, got \(multiplier)")
        }
        self.perYear = perYear
        self.duration = duration
        self.multiplier = multiplier
    }

    /// Draws every episode that starts in `[0, horizon)` minutes, using `stream` only.
    ///
    /// Draw the schedule up front from its own named stream, then hand it to
    /// ``ThinnedArrivals``; arrivals stay reproducible whatever else uses other streams.
    public func schedule(horizon: Double, _ stream: RandomStream) -> StormSchedule {
        var episodes: [StormEpisode] = []
        let meanGap = Self.minutesPerYear / perYear
        var start = perYear > 0 ? stream.exponentialByInversion(mean: meanGap) : .infinity
        while start < horizon {
            let length = max(0, duration.sample(stream))
            episodes.append(StormEpisode(start: start, end: start + length))
            start += stream.exponentialByInversion(mean: meanGap)
        }
        return StormSchedule(episodes: episodes, multiplier: multiplier, horizon: horizon)
    }
}

/// One storm episode, active on `[start, end)` minutes.
public struct StormEpisode: Sendable, Equatable {
    /// When the episode begins (minutes since the simulation start).
    public let start: Double
    /// When it ends.
    public let end: Double

    /// Creates an episode.
    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }
}
