import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// Draws one value.
    ///
    /// The lognormal, the family of most durations, is drawn inline at the caller: the other
    /// families go through ``Sampler/draw(_:)``, which the caller must copy the sampler for (a
    /// retain and a release) because the sampler's memory could change during the call. The
    /// same function draws either way, so the numbers are the same.
    /// - Complexity: O(1) for every family except a mixture (O(parts)).
    @inlinable
    @inline(__always)
    public func sample(_ stream: RandomStream) -> Double {
        if case let .lognormal(zeta, sigma) = sampler { return stream.lognormal(zeta: zeta, sigma: sigma) }
        return sampler.draw(stream)
    }

    /// GSL-ready parameters, converted once from the planner's; `draw` is the hot path.
    @usableFromInline
    enum Sampler: Sendable {
        case exponential(mean: Double)
        case lognormal(zeta: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case weibull(scale: Double, shape: Double)
        case truncatedNormal(mean: Double, sd: Double)
        case uniform(min: Double, max: Double)
        case triangular(min: Double, mode: Double, max: Double, modeProbability: Double)
        case constant(Double)
        case empirical([Double])
        case pareto(shape: Double, scale: Double)
        case mixture(cumulativeWeights: [Double], parts: [Distribution])

        init(_ parameters: Parameters) {
            switch parameters {
            case let .exponential(mean): self = .exponential(mean: mean)
            case let .lognormal(mean, sd): self = Sampler.lognormal(mean: mean, sd: sd)
            case let .lognormalMedian(median, sigma): self = .lognormal(zeta: log(median), sigma: sigma)
            case let .gamma(mean, sd): self = .gamma(shape: mean * mean / (sd * sd), scale: sd * sd / mean)
            case let .weibull(shape, scale): self = .weibull(scale: scale, shape: shape)
            case let .normal(mean, sd): self = .truncatedNormal(mean: mean, sd: sd)
            case let .uniform(min, max): self = .uniform(min: min, max: max)
            case let .triangular(a, c, b): self = .triangular(min: a, mode: c, max: b, modeProbability: (c - a) / (b - a))
            case let .deterministic(value): self = .constant(value)
            case let .empirical(xs): self = .empirical(xs)
            case let .pareto(shape, scale): self = .pareto(shape: shape, scale: scale)
            case let .mixture(parts): self = Sampler.mixture(parts)
            }
        }

        /// σ² = ln(1 + sd²/mean²), ζ = ln(mean) − σ²/2, so that E[X] = mean and SD[X] = sd.
        private static func lognormal(mean: Double, sd: Double) -> Sampler {
            let s2 = log1p(sd * sd / (mean * mean))
            return .lognormal(zeta: log(mean) - s2 / 2, sigma: s2.squareRoot())
        }

        private static func mixture(_ parts: [MixtureComponent]) -> Sampler {
            var running = 0.0
            let cumulative = parts.map { part -> Double in
                running += part.weight
                return running
            }
            return .mixture(cumulativeWeights: cumulative, parts: parts.map(\.distribution))
        }

        @inlinable
        func draw(_ stream: RandomStream) -> Double {
            let r = stream.rng
            switch self {
            case let .exponential(mean): return stream.exponential(mean: mean)
            case let .lognormal(zeta, sigma): return stream.lognormal(zeta: zeta, sigma: sigma)
            case let .gamma(shape, scale): return gsl_ran_gamma(r, shape, scale)
            case let .weibull(scale, shape): return gsl_ran_weibull(r, scale, shape)
            case let .truncatedNormal(mean, sd): return mean + gsl_ran_gaussian_tail(r, -mean, sd)
            case let .uniform(min, max): return gsl_ran_flat(r, min, max)
            case let .triangular(a, c, b, p): return Sampler.triangular(stream.uniform(), a, c, b, p)
            case let .constant(value): return value
            case let .empirical(xs): return xs[stream.uniformIndex(below: xs.count)]
            case let .pareto(shape, scale): return gsl_ran_pareto(r, shape, scale)
            case let .mixture(cumulative, parts): return Sampler.pick(cumulative, parts, stream)
            }
        }

        /// Inverse CDF of the triangular distribution at `u`.
        @inlinable
        static func triangular(_ u: Double, _ a: Double, _ c: Double, _ b: Double, _ p: Double) -> Double {
            if u < p {
                return a + (u * (b - a) * (c - a)).squareRoot()
            }
            return b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        }

        /// Chooses a part by its cumulative weight (the last part absorbs rounding) and draws from it.
        @usableFromInline
        static func pick(_ cumulative: [Double], _ parts: [Distribution], _ stream: RandomStream) -> Double {
            let u = stream.uniform()
            var index = 0
            while index < parts.count - 1, u >= cumulative[index] {
                index += 1
            }
            return parts[index].sample(stream)
        }
    }
}
