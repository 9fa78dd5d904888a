#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution: tail probabilities and quantiles, for confidence intervals over
/// a handful of replications.
///
/// The CDF is evaluated through the regularized incomplete beta function (continued fraction,
/// modified Lentz); the quantile inverts it by Newton's method safeguarded by bisection.
/// Quantiles are accurate to about 1e-12 relative for any degrees of freedom ≥ 1 (tests
/// check 1e-7 against published tables). Thread-safe: no global state (`lgamma` is avoided
/// because it writes the global `signgam`).
public enum StudentT {
    /// P(T ≤ t) for `degreesOfFreedom` ν > 0.
    public static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double {
        let tail = upperTail(abs(t), degreesOfFreedom: degreesOfFreedom)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t such that P(T ≤ t) = `p`, for `p` in (0, 1) and ν > 0.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        precondition(p > 0 && p < 1, "StudentT: probability \(p) outside (0, 1)")
        precondition(degreesOfFreedom > 0, "StudentT: degrees of freedom must be positive")
        if p == 0.5 { return 0 }
        let tailProbability = p > 0.5 ? 1 - p : p
        let t = invertUpperTail(tailProbability, degreesOfFreedom: degreesOfFreedom)
        return p > 0.5 ? t : -t
    }

    /// Probability density at `t`.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormaliser = SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2)
            - 0.5 * log(nu * Double.pi)
        return exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// P(T > t) for t ≥ 0: ½ I_{ν/(ν+t²)}(ν/2, ½), with both x and 1 − x formed without cancellation.
    static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let denominator = nu + t * t
        return 0.5 * SpecialFunctions.regularizedIncompleteBeta(
            x: nu / denominator, complement: t * t / denominator, a: nu / 2, b: 0.5)
    }

    /// Solves P(T > t) = `q` for t ≥ 0, with q ≤ ½.
    private static func invertUpperTail(_ q: Double, degreesOfFreedom nu: Double) -> Double {
        var low = 0.0
        var high = 1.0
        while upperTail(high, degreesOfFreedom: nu) > q { low = high; high *= 2 }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let excess = upperTail(t, degreesOfFreedom: nu) - q
            if excess > 0 { low = t } else { high = t }
            var next = t + excess / density(t, degreesOfFreedom: nu)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * Swift.max(1, abs(t)) { return next }
            t = next
        }
        return t
    }
}
