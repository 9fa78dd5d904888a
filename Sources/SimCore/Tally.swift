/// Summary statistics of a stream of observations (one value per ticket, per replication, ...).
///
/// Mean and variance are updated with Welford's method, which stays accurate when the
/// values are large and close together (e.g. restoration times in milliseconds); two tallies
/// combine exactly with Chan's parallel formula, so shards and replications can be merged.
public struct Tally: Hashable, Sendable, Codable {
    /// Number of observations.
    public private(set) var count: Int = 0
    /// Arithmetic mean of the observations; 0 when there are none.
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean (Welford's M2).
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// Smallest observation; +∞ when there are none.
    public private(set) var min: Double = .infinity
    /// Largest observation; −∞ when there are none.
    public private(set) var max: Double = -.infinity

    /// Creates an empty tally.
    public init() {}

    /// Creates a tally of `values`.
    /// - Complexity: O(n).
    public init<Values: Sequence>(_ values: Values) where Values.Element == Double {
        for value in values { record(value) }
    }

    /// Adds one observation.
    /// - Complexity: O(1).
    public mutating func record(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        min = Swift.min(min, value)
        max = Swift.max(max, value)
    }

    /// Sample variance (divisor n − 1); 0 with fewer than two observations.
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0
    }

    /// Population variance (divisor n); 0 when empty.
    public var populationVariance: Double {
        count > 0 ? sumOfSquaredDeviations / Double(count) : 0
    }

    /// Sample standard deviation (square root of ``variance``).
    public var standardDeviation: Double {
        variance.squareRoot()
    }

    /// Sum of the observations.
    public var sum: Double {
        mean * Double(count)
    }

    /// Adds every observation of `other`, as if they had been recorded here (Chan et al.).
    /// - Complexity: O(1).
    public mutating func merge(_ other: Tally) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = Double(count + other.count)
        let delta = other.mean - mean
        let otherShare = Double(other.count) / total
        mean += delta * otherShare
        sumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * otherShare
        count += other.count
        min = Swift.min(min, other.min)
        max = Swift.max(max, other.max)
    }

    /// The tally of both `self`'s and `other`'s observations.
    public func merging(_ other: Tally) -> Tally {
        var merged = self
        merged.merge(other)
        return merged
    }
}
