#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Kolmogorov–Smirnov and Anderson–Darling statistics of a fitted law against the sample it
/// was fitted to, with parametric-bootstrap p-values.
///
/// The textbook p-values assume the law was fixed before the data were seen. A law fitted to the
/// same data sits closer to them than the true law would, so the statistics come out smaller
/// and the textbook p-values far too large (a wrong family passes). The bootstrap repeats the
/// whole procedure — draw n from the fitted law, refit, recompute — so its reference distribution
/// includes the effect of estimation. See docs/fit.md.
public struct GoodnessOfFit: Sendable, Encodable {
    /// KS distance sup |Fₙ(x) − F(x)|.
    public let kolmogorovSmirnov: Double
    /// Anderson–Darling A², which weights the tails.
    public let andersonDarling: Double
    /// P(KS* ≥ KS) over the bootstrap samples, (1 + count) / (B + 1).
    public let kolmogorovSmirnovP: Double
    /// P(A²* ≥ A²) over the bootstrap samples, (1 + count) / (B + 1).
    public let andersonDarlingP: Double
    /// B, the number of bootstrap samples.
    public let bootstrapSamples: Int
    /// The master seed of the bootstrap's named streams.
    public let seed: UInt64
}

/// The two statistics on a sorted sample.
struct EDFStatistics: Sendable {
    let kolmogorovSmirnov: Double
    let andersonDarling: Double

    /// Wraps given values (a failed bootstrap refit is scored as infinitely bad).
    init(kolmogorovSmirnov: Double, andersonDarling: Double) {
        self.kolmogorovSmirnov = kolmogorovSmirnov
        self.andersonDarling = andersonDarling
    }

    /// Computes both in one pass over `sorted` (ascending).
    /// - Complexity: O(n).
    init(_ law: FittedLaw, sorted: [Double]) {
        let n = Double(sorted.count)
        var ks = 0.0, sum = 0.0
        let count = sorted.count
        for i in 0..<count {
            let f = law.cdf(sorted[i])
            ks = max(ks, Double(i + 1) / n - f, f - Double(i) / n)
            let upper = law.survival(sorted[count - 1 - i])
            sum += Double(2 * i + 1) * (log(max(f, .leastNormalMagnitude)) + log(max(upper, .leastNormalMagnitude)))
        }
        kolmogorovSmirnov = ks
        andersonDarling = -n - sum / n
    }
}
