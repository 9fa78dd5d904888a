import CGSL

/// A homogeneous Poisson process: exponential gaps with a constant rate.
public struct PoissonArrivals: Sendable, Equatable {
    /// Expected arrivals per minute.
    public let ratePerMinute: Double

    /// Creates the process.
    /// - Parameter ratePerMinute: expected arrivals per minute; 0 means no arrivals ever.
    /// - Throws: ``ArrivalError`` if the rate is negative or not finite.
    public init(ratePerMinute: Double) throws(ArrivalError) {
        guard ratePerMinute.isFinite, ratePerMinute >= 0 else {
            throw ArrivalError(.invalidRate, "ratePerMinute must be finite and ≥ 0, got \(ratePerMinute)")
        }
        self.ratePerMinute = ratePerMinute
    }

    /// The time of the next arrival after `t` (minutes), or `.infinity` if the rate is 0.
    /// - Complexity: O(1).
    @inlinable
    public mutating func next(after t: Double, _ stream: RandomStream) -> Double {
        guard ratePerMinute > 0 else { return .infinity }
        return t + stream.exponentialByInversion(mean: 1 / ratePerMinute)
    }
}
