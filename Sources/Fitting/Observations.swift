#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sample of positive durations, some possibly right-censored, sorted once and summarised so that
/// every family's likelihood can be evaluated without allocating.
///
/// A censored observation is a value known only to exceed its censoring time `c` (a ticket still
/// open when the log ends, open for `c` so far): it enters the likelihood through the survival
/// function S(c), never as if it had ended at `c`, and is never dropped.
public struct Observations: Sendable {
    /// The uncensored values, ascending.
    public let exact: [Double]
    /// The censoring times of the censored values, ascending.
    public let censored: [Double]
    /// ln x of each exact value, ascending (same order as `exact`).
    let logExact: [Double]
    /// ln c of each censoring time.
    let logCensored: [Double]
    /// Σ x, Σ ln x and Σ (ln x)² over the exact values: the sufficient statistics of the
    /// exponential, lognormal and gamma likelihoods.
    let sumExact: Double, sumLogExact: Double, sumLogSquaredExact: Double
    /// Σ c over the censoring times.
    let sumCensored: Double

    /// Validates and sorts the sample.
    /// - Parameters:
    ///   - exact: observed durations, each positive and finite.
    ///   - censoredAbove: censoring times of values known only to exceed them, each positive.
    /// - Throws: ``FittingError/notPositive(index:value:)`` naming the first bad value.
    /// - Complexity: O(n log n), one sort.
    public init(exact: [Double], censoredAbove: [Double] = []) throws(FittingError) {
        for (index, value) in (exact + censoredAbove).enumerated() where !(value > 0 && value.isFinite) {
            throw .notPositive(index: index, value: value)
        }
        self.init(sortedExact: exact.sorted(), sortedCensored: censoredAbove.sorted())
    }

    /// Builds from already sorted, already validated values (the bootstrap's path).
    init(sortedExact: [Double], sortedCensored: [Double] = []) {
        exact = sortedExact
        censored = sortedCensored
        logExact = sortedExact.map { log($0) }
        logCensored = sortedCensored.map { log($0) }
        sumExact = sortedExact.reduce(0, +)
        sumLogExact = logExact.reduce(0, +)
        sumLogSquaredExact = logExact.reduce(0) { $0 + $1 * $1 }
        sumCensored = sortedCensored.reduce(0, +)
    }

    /// All observations, exact and censored: n in BIC.
    public var count: Int { exact.count + censored.count }
    /// How many observations are censored.
    public var censoredCount: Int { censored.count }
    /// Whether any observation is censored.
    public var isCensored: Bool { !censored.isEmpty }

    /// Mean of ln x over the exact values.
    var meanLogExact: Double { sumLogExact / Double(exact.count) }
    /// Variance (divisor n) of ln x over the exact values.
    var varianceLogExact: Double {
        max(sumLogSquaredExact / Double(exact.count) - meanLogExact * meanLogExact, 0)
    }
}
