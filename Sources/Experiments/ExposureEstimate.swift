import SimCore

/// A money figure per year across replications: its mean with a confidence interval, and the
/// spread of the replication values (the empirical 95th and 99th percentiles and the maximum),
/// which is what a planner budgets for.
public struct ExposureEstimate: Sendable, Hashable {
    /// Mean of the replication values with its 95 % confidence interval.
    public var estimate: Estimate
    /// Empirical 95th percentile of the replication values (nearest rank), not a confidence bound.
    public var p95: Double
    /// Empirical 99th percentile of the replication values (nearest rank).
    public var p99: Double
    /// The largest replication value.
    public var max: Double
    /// The replication values, in replication order (for distribution charts).
    public var values: [Double]

    /// The exposure from replication values (at least one).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "ExposureEstimate: no replications")
        estimate = Estimate(values)!
        let sorted = values.sorted()
        p95 = Self.nearestRank(0.95, sorted)
        p99 = Self.nearestRank(0.99, sorted)
        max = sorted[sorted.count - 1]
        self.values = values
    }

    /// The smallest value with at least ⌈p·n⌉ values at or below it.
    static func nearestRank(_ p: Double, _ sorted: [Double]) -> Double {
        let rank = Swift.max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[Swift.min(rank, sorted.count) - 1]
    }
}
