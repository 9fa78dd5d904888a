import SimRandom

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

/// The Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of a sample against a CDF.
func kolmogorovSmirnov(_ samples: [Double], cdf: (Double) -> Double) -> Double {
    let sorted = samples.sorted()
    let n = Double(sorted.count)
    var d = 0.0
    for (index, x) in sorted.enumerated() {
        let f = cdf(x)
        d = max(d, Double(index + 1) / n - f, f - Double(index) / n)
    }
    return d
}

/// Draws `count` values from `distribution`.
func draw(_ count: Int, from distribution: SimRandom.Distribution, _ stream: RandomStream) -> [Double] {
    (0..<count).map { _ in distribution.sample(stream) }
}

/// The 0-based character offset of the first occurrence of `needle` in `text`.
func offset(of needle: String, in text: String) -> Int? {
    let haystack = Array(text), target = Array(needle)
    guard target.count <= haystack.count else { return nil }
    return (0...(haystack.count - target.count)).first { Array(haystack[$0..<($0 + target.count)]) == target }
}
