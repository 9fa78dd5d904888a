/// Summary statistics of a stream of observations (one value per ticket, per replication, ...).
///
/// Mean and variance are updated with Welford's method, which stays accurate when the
/// values are large and close together (e.g. restoration times in milliseconds); two tallies
/// combine exactly with Chan's parallel formula, so shards and replications can be merged.
///
/// The fields are stored under inlinable names and read through public properties, so that
/// ``record(_:)`` is inlined into the simulator's per-ticket code (a tally takes about 14
/// observations per simulated fault); encoded under the public names.
public struct Tally: Hashable, Sendable, Codable {
    @usableFromInline internal var storedCount: Int = 0
    @usableFromInline internal var storedMean: Double = 0
    @usableFromInline internal var storedSumOfSquaredDeviations: Double = 0
    @usableFromInline internal var storedMin: Double = .infinity
    @usableFromInline internal var storedMax: Double = -.infinity

    private enum CodingKeys: String, CodingKey {
        case storedCount = "count", storedMean = "mean", storedSumOfSquaredDeviations = "sumOfSquaredDeviations"
        case storedMin = "min", storedMax = "max"
    }

    /// Number of observations.
    @inlinable public var count: Int { storedCount }
    /// Arithmetic mean of the observations; 0 when there are none.
    @inlinable public var mean: Double { storedMean }
    /// Sum of squared deviations from the mean (Welford's M2).
    @inlinable public var sumOfSquaredDeviations: Double { storedSumOfSquaredDeviations }
    /// Smallest observation; +∞ when there are none.
    @inlinable public var min: Double { storedMin }
    /// Largest observation; −∞ when there are none.
    @inlinable public var max: Double { storedMax }

    /// Creates an empty tally.
    public init() {}

    /// Creates a tally of `values`.
    /// - Complexity: O(n).
    public init<Values: Sequence>(_ values: Values) where Values.Element == Double {
        for value in values { record(value) }
    }

    /// Adds one observation.
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public mutating func record(_ value: Double) {
        storedCount += 1
        let delta = value - storedMean
        storedMean += delta / Double(storedCount)
        storedSumOfSquaredDeviations += delta * (value - storedMean)
        storedMin = Swift.min(storedMin, value)
        storedMax = Swift.max(storedMax, value)
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
        storedMean += delta * otherShare
        storedSumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * otherShare
        storedCount += other.count
        storedMin = Swift.min(min, other.min)
        storedMax = Swift.max(max, other.max)
    }

    /// The tally of both `self`'s and `other`'s observations.
    public func merging(_ other: Tally) -> Tally {
        var merged = self
        merged.merge(other)
        return merged
    }
}
