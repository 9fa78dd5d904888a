import CGSLFit
import SimRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FittedLaw {
    /// The law's mean (`Double.infinity` when it does not exist: log-logistic with shape ≤ 1).
    public var mean: Double {
        switch self {
        case let .exponential(mean): return mean
        case let .lognormal(mu, sigma): return exp(mu + sigma * sigma / 2)
        case let .gamma(k, theta): return k * theta
        case let .weibull(k, lambda): return lambda * exp(gsl_sf_lngamma(1 + 1 / k))
        case let .logLogistic(alpha, beta):
            guard beta > 1 else { return .infinity }
            let b = Double.pi / beta
            return alpha * b / sin(b)
        case let .lognormalMixture(parts):
            return parts.reduce(0) { $0 + $1.weight * exp($1.mu + $1.sigma * $1.sigma / 2) }
        }
    }

    /// The law's standard deviation (`Double.infinity` when the variance does not exist).
    public var standardDeviation: Double {
        let second = secondMoment
        guard second.isFinite else { return .infinity }
        return max(second - mean * mean, 0).squareRoot()
    }

    /// E[X²].
    private var secondMoment: Double {
        switch self {
        case let .exponential(mean): return 2 * mean * mean
        case let .lognormal(mu, sigma): return exp(2 * mu + 2 * sigma * sigma)
        case let .gamma(k, theta): return k * (k + 1) * theta * theta
        case let .weibull(k, lambda): return lambda * lambda * exp(gsl_sf_lngamma(1 + 2 / k))
        case let .logLogistic(alpha, beta):
            guard beta > 2 else { return .infinity }
            let b = Double.pi / beta
            return alpha * alpha * 2 * b / sin(2 * b)
        case let .lognormalMixture(parts):
            return parts.reduce(0) { $0 + $1.weight * exp(2 * $1.mu + 2 * $1.sigma * $1.sigma) }
        }
    }

    /// The same law in the scenario format's terms, or `nil` when the format cannot express it
    /// (log-logistic) or its limits refuse the values (see docs/scenario-format.md).
    ///
    /// Written with ``SimRandom/Distribution/durationDescription`` it is the text a scenario takes,
    /// e.g. `lognormal(median: 1h 30m, sigma: 0.6)`, when the observations were minutes.
    public var scenarioDistribution: Distribution? {
        switch self {
        case let .exponential(mean): return try? .exponential(mean: mean)
        case let .lognormal(mu, sigma): return try? .lognormal(median: exp(mu), sigma: sigma)
        case let .gamma(k, theta): return try? .gamma(mean: k * theta, sd: k.squareRoot() * theta)
        case let .weibull(k, lambda): return try? .weibull(shape: k, scale: lambda)
        case .logLogistic: return nil
        case let .lognormalMixture(parts):
            var components: [(weight: Double, distribution: Distribution)] = []
            for part in parts {
                guard let single = try? Distribution.lognormal(median: exp(part.mu), sigma: part.sigma) else { return nil }
                components.append((part.weight, single))
            }
            return try? .mixture(components)
        }
    }
}
