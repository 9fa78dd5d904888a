/// A drawn set of storm episodes over a horizon, answering "is a storm on at time t?".
public struct StormSchedule: Sendable, Equatable {
    /// The episodes as drawn, in order of start.
    public let episodes: [StormEpisode]
    /// The rate multiplier while any episode is active (episodes do not compound).
    public let multiplier: Double
    /// The horizon the episodes were drawn for; no storm is active at or after the last episode's end.
    public let horizon: Double
    /// The union of the episodes: disjoint, sorted intervals.
    let activePeriods: [StormEpisode]

    /// Creates a schedule from episodes sorted by start.
    public init(episodes: [StormEpisode], multiplier: Double, horizon: Double) {
        self.episodes = episodes
        self.multiplier = multiplier
        self.horizon = horizon
        activePeriods = Self.union(of: episodes)
    }

    /// The largest multiplier the schedule can apply (1 if it is empty).
    public var maximumMultiplier: Double {
        activePeriods.isEmpty ? 1 : max(1, multiplier)
    }

    /// Whether any episode is active at `t`.
    /// - Complexity: O(log episodes).
    public func isActive(at t: Double) -> Bool {
        var low = 0
        var high = activePeriods.count
        while low < high {
            let middle = (low + high) / 2
            if activePeriods[middle].start <= t { low = middle + 1 } else { high = middle }
        }
        return low > 0 && t < activePeriods[low - 1].end
    }

    /// The rate multiplier at `t`: `multiplier` during a storm, otherwise 1.
    public func multiplier(at t: Double) -> Double {
        isActive(at: t) ? multiplier : 1
    }

    /// The total time at least one episode is active, in minutes.
    public var activeMinutes: Double {
        activePeriods.reduce(0) { $0 + ($1.end - $1.start) }
    }

    private static func union(of episodes: [StormEpisode]) -> [StormEpisode] {
        var merged: [StormEpisode] = []
        for episode in episodes.sorted(by: { $0.start < $1.start }) where episode.end > episode.start {
            if let last = merged.last, episode.start <= last.end {
                merged[merged.count - 1] = StormEpisode(start: last.start, end: max(last.end, episode.end))
            } else {
                merged.append(episode)
            }
        }
        return merged
    }
}
