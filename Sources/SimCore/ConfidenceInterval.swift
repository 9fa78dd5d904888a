/// A Student-t confidence interval for a mean estimated from independent replications.
public struct ConfidenceInterval: Hashable, Sendable {
    /// The point estimate: the mean of the replication means.
    public let mean: Double
    /// Half the interval's width; +∞ with a single replication (no spread to estimate).
    public let halfWidth: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double
    /// Number of replications the interval rests on.
    public let count: Int

    /// Builds the interval from replication means (at least one).
    /// - Complexity: O(n).
    public init<Means: Sequence>(replicationMeans: Means, level: Double = 0.95) where Means.Element == Double {
        self.init(tally: Tally(replicationMeans), level: level)
    }

    /// Builds the interval from a tally of replication means (at least one).
    public init(tally: Tally, level: Double = 0.95) {
        precondition(tally.count > 0, "ConfidenceInterval: no replications")
        precondition(level > 0 && level < 1, "ConfidenceInterval: level \(level) outside (0, 1)")
        mean = tally.mean
        self.level = level
        count = tally.count
        guard tally.count > 1 else { halfWidth = .infinity; return }
        let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(tally.count - 1))
        halfWidth = t * tally.standardDeviation / Double(tally.count).squareRoot()
    }

    /// Lower end of the interval.
    public var lower: Double { mean - halfWidth }
    /// Upper end of the interval.
    public var upper: Double { mean + halfWidth }

    /// Half-width relative to the mean's magnitude (∞ when the mean is 0); a common stopping rule.
    public var relativeHalfWidth: Double {
        mean == 0 ? .infinity : halfWidth / abs(mean)
    }

    /// Whether `value` lies in the closed interval [lower, upper].
    public func contains(_ value: Double) -> Bool {
        value >= lower && value <= upper
    }
}
