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

    /// Computes both in one pass over `sorted` (ascending), one CDF evaluation per value.
    ///
    /// A² = −n − (1/n) Σᵢ (2i − 1)[ln F(x₍ᵢ₎) + ln S(x₍ₙ₊₁₋ᵢ₎)], regrouped per value as
    /// −n − (1/n) Σⱼ [(2j − 1) ln F(x₍ⱼ₎) + (2n − 2j + 1) ln S(x₍ⱼ₎)] (j from 1).
    /// - Complexity: O(n).
    init(_ law: FittedLaw, sorted: [Double]) {
        let n = Double(sorted.count)
        var ks = 0.0, sum = 0.0
        for (index, x) in sorted.enumerated() {
            let (f, s) = law.cdfAndSurvival(x)
            let j = Double(index + 1)
            ks = max(ks, j / n - f, f - (j - 1) / n)
            sum += (2 * j - 1) * log(max(f, .leastNormalMagnitude)) + (2 * n - 2 * j + 1) * log(max(s, .leastNormalMagnitude))
        }
        kolmogorovSmirnov = ks
        andersonDarling = -n - sum / n
    }
}
