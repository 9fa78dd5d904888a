#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Closed-form mean and variance of every family, from the C library's `tgamma` and `erfc`
/// rather than GSL's special functions: GSL's report an overflow through its error handler,
/// which aborts the process unless a stream has switched it off, and validation must never abort.
extension Distribution {
    /// (mean, variance) of validated parameters; infinite moments are `Double.infinity`.
    static func moments(of parameters: Parameters) -> (mean: Double, variance: Double) {
        switch parameters {
        case let .exponential(mean): (mean, mean * mean)
        case let .lognormal(mean, sd): (mean, sd * sd)
        case let .lognormalMedian(median, sigma): lognormalMoments(median: median, sigma: sigma)
        case let .gamma(mean, sd): (mean, sd * sd)
        case let .weibull(shape, scale): weibullMoments(shape: shape, scale: scale)
        case let .normal(mean, sd): truncatedNormalMoments(mean: mean, sd: sd)
        case let .uniform(a, b): ((a + b) / 2, (b - a) * (b - a) / 12)
        case let .triangular(a, c, b): triangularMoments(min: a, mode: c, max: b)
        case let .deterministic(value): (value, 0)
        case let .empirical(xs): populationMoments(xs)
        case let .pareto(shape, scale): paretoMoments(shape: shape, scale: scale)
        case let .mixture(parts): mixtureMoments(parts)
        }
    }

    private static func lognormalMoments(median: Double, sigma: Double) -> (Double, Double) {
        let s2 = sigma * sigma
        let mean = median * exp(s2 / 2)
        return (mean, mean * mean * expm1(s2))
    }

    private static func weibullMoments(shape: Double, scale: Double) -> (Double, Double) {
        let g1 = tgamma(1 + 1 / shape)
        let g2 = tgamma(1 + 2 / shape)
        return (scale * g1, scale * scale * (g2 - g1 * g1))
    }

    /// Moments of N(μ, σ²) conditioned on X ≥ 0, with α = −μ/σ and λ = φ(α)/(1 − Φ(α)):
    /// mean = μ + σλ, variance = σ²(1 + αλ − λ²).
    private static func truncatedNormalMoments(mean: Double, sd: Double) -> (Double, Double) {
        let alpha = -mean / sd
        let density = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let upperTail = erfc(alpha / 2.0.squareRoot()) / 2
        let lambda = density / upperTail
        return (mean + sd * lambda, sd * sd * (1 + alpha * lambda - lambda * lambda))
    }

    private static func triangularMoments(min a: Double, mode c: Double, max b: Double) -> (Double, Double) {
        ((a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18)
    }

    private static func populationMoments(_ xs: [Double]) -> (Double, Double) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / n)
    }

    private static func paretoMoments(shape a: Double, scale b: Double) -> (Double, Double) {
        let mean = a > 1 ? a * b / (a - 1) : Double.infinity
        let variance = a > 2 ? b * b * a / ((a - 1) * (a - 1) * (a - 2)) : Double.infinity
        return (mean, variance)
    }

    /// Law of total variance: Var = Σ wᵢ(σᵢ² + μᵢ²) − μ².
    private static func mixtureMoments(_ parts: [MixtureComponent]) -> (Double, Double) {
        let mean = parts.reduce(0) { $0 + $1.weight * $1.distribution.mean }
        guard mean.isFinite else { return (mean, .infinity) }
        let second = parts.reduce(0) { total, part in
            let d = part.distribution
            return total + part.weight * (d.variance + (d.mean - mean) * (d.mean - mean))
        }
        return (mean, second)
    }
}
