import CGSLFit

/// The index-of-dispersion test: are daily counts more variable than a Poisson process allows?
///
/// Under a Poisson model with expectations eᵢ, the statistic Σ (cᵢ − eᵢ)² / eᵢ is approximately
/// χ² with m − 1 degrees of freedom (m days; one degree spent on the overall level). With a flat
/// expectation (the mean count) it is (m − 1) · variance / mean. A small p-value says the counts
/// are over-dispersed — storms or other clustering are needed; a large one says a Poisson
/// process (with the given profile) explains the days.
public struct DispersionTest: Sendable, Encodable {
    /// Days counted, m.
    public let days: Int
    /// Mean count per day.
    public let meanCount: Double
    /// Sample variance of the counts (divisor m − 1).
    public let variance: Double
    /// Σ (c − e)² / e.
    public let statistic: Double
    /// m − 1.
    public let degreesOfFreedom: Int
    /// P(χ²(m − 1) ≥ statistic).
    public let pValue: Double

    /// Tests `dailyCounts` against `expected` (per day, e.g. from the hour-of-week and month
    /// profile), or against their own mean when `expected` is `nil`.
    /// - Returns: `nil` with fewer than 2 days, a zero total, or an expectation that is not positive
    ///   or not the same length.
    public init?(dailyCounts: [Int], expected: [Double]? = nil) {
        GSLErrorHandling.abortDisabled
        let m = dailyCounts.count
        let counts = dailyCounts.map(Double.init)
        let mean = counts.reduce(0, +) / Double(max(m, 1))
        let expectation = expected ?? Array(repeating: mean, count: m)
        guard m >= 2, mean > 0, expectation.count == m, expectation.allSatisfy({ $0 > 0 }) else { return nil }
        days = m
        meanCount = mean
        variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m - 1)
        statistic = zip(counts, expectation).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
        degreesOfFreedom = m - 1
        pValue = gsl_cdf_chisq_Q(statistic, Double(m - 1))
    }
}
