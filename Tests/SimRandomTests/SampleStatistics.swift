/// Moments of a sample, computed in two passes for accuracy.
struct SampleStatistics {
    let count: Int
    let mean: Double
    /// Unbiased sample variance s².
    let variance: Double
    /// Fourth central moment m4 (population form).
    let fourthCentralMoment: Double

    init(_ xs: [Double]) {
        count = xs.count
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        var m2 = 0.0
        var m4 = 0.0
        for x in xs {
            let d2 = (x - mean) * (x - mean)
            m2 += d2
            m4 += d2 * d2
        }
        self.mean = mean
        variance = m2 / (n - 1)
        fourthCentralMoment = m4 / n
    }

    /// Standard error of the sample variance, SE(s²) ≈ sqrt((m4 − s⁴)/n).
    var varianceStandardError: Double {
        (max(fourthCentralMoment - variance * variance, 0) / Double(count)).squareRoot()
    }
}
