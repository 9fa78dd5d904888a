/// A figure estimated from independent replications: the mean of the replication values and the
/// half-width of its 95 % Student-t confidence interval.
public struct Estimate: Sendable, Hashable {
    /// Mean of the replication values (the value itself for one replication).
    public var mean: Double
    /// Half-width of the 95 % confidence interval; +∞ with a single replication.
    public var halfWidth: Double
    /// Replications the estimate rests on.
    public var count: Int
    /// The values the mean and interval were computed from, in replication order (what a
    /// reader needs to recompute them, or to merge shards); empty for an estimate built from
    /// its parts (``init(mean:halfWidth:count:)``).
    public var perReplication: [Double]

    /// The estimate from one value per replication; nil when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let interval = ConfidenceInterval(replicationMeans: values, level: 0.95)
        mean = interval.mean
        halfWidth = interval.halfWidth
        count = interval.count
        perReplication = values
    }

    /// The estimate times a constant: mean, half-width and every replication's value scale alike.
    public func scaled(by factor: Double) -> Estimate {
        var scaled = self
        scaled.mean *= factor
        scaled.halfWidth *= factor
        scaled.perReplication = perReplication.map { $0 * factor }
        return scaled
    }

    /// The estimate plus a constant (a fixed cost, say): the half-width does not change.
    public func shifted(by constant: Double) -> Estimate {
        var shifted = self
        shifted.mean += constant
        shifted.perReplication = perReplication.map { $0 + constant }
        return shifted
    }

    /// True from two replications on, when the half-width is finite.
    public var hasInterval: Bool { count > 1 }

    /// Whether `value` lies inside the confidence interval; nil for a single replication.
    public func contains(_ value: Double) -> Bool? {
        hasInterval ? abs(value - mean) <= halfWidth : nil
    }
}
