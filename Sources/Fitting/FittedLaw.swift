import CGSLFit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fitted probability law in its natural (estimation) parameters, with the density, distribution
/// and survival functions the likelihood and the goodness-of-fit statistics need.
///
/// Values are in the unit of the observations (minutes for durations read from a ticket log).
public enum FittedLaw: Sendable, Equatable {
    /// P(X > x) = exp(−x / mean).
    case exponential(mean: Double)
    /// ln X ~ N(mu, sigma²).
    case lognormal(mu: Double, sigma: Double)
    /// Density x^(shape−1) e^(−x/scale) / (Γ(shape) scale^shape).
    case gamma(shape: Double, scale: Double)
    /// P(X > x) = exp(−(x/scale)^shape).
    case weibull(shape: Double, scale: Double)
    /// P(X > x) = 1 / (1 + (x/scale)^shape); `scale` is the median.
    case logLogistic(scale: Double, shape: Double)
    /// A weighted sum of lognormals (weights positive, summing to 1).
    case lognormalMixture([LognormalComponent])

    /// One part of a lognormal mixture.
    public struct LognormalComponent: Sendable, Equatable, Encodable {
        /// The part's probability.
        public let weight: Double
        /// Mean of ln X in this part.
        public let mu: Double
        /// Standard deviation of ln X in this part.
        public let sigma: Double
    }

    /// The family this law belongs to.
    public var family: FittedFamily {
        switch self {
        case .exponential: .exponential
        case .lognormal: .lognormal
        case .gamma: .gamma
        case .weibull: .weibull
        case .logLogistic: .logLogistic
        case let .lognormalMixture(parts): parts.count == 2 ? .lognormalMixture2 : .lognormalMixture3
        }
    }

    /// The parameters by name, in the order reports write them.
    public var namedParameters: [FitParameter] {
        switch self {
        case let .exponential(mean): [.init("mean", mean)]
        case let .lognormal(mu, sigma): [.init("mu", mu), .init("sigma", sigma)]
        case let .gamma(shape, scale): [.init("shape", shape), .init("scale", scale)]
        case let .weibull(shape, scale): [.init("shape", shape), .init("scale", scale)]
        case let .logLogistic(scale, shape): [.init("scale", scale), .init("shape", shape)]
        case let .lognormalMixture(parts):
            parts.enumerated().flatMap { i, part in
                [.init("weight\(i + 1)", part.weight), .init("mu\(i + 1)", part.mu), .init("sigma\(i + 1)", part.sigma)]
            }
        }
    }
}

/// One named parameter of a fitted law.
public struct FitParameter: Sendable, Equatable, Encodable {
    /// The parameter's name (`mean`, `mu`, `sigma`, `shape`, `scale`, `weight1`, …).
    public let name: String
    /// Its estimate.
    public let value: Double

    init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

extension FittedLaw {
    /// ln f(x) for x > 0.
    public func logDensity(_ x: Double) -> Double {
        logDensity(x, logX: log(x))
    }

    /// ln f(x), given ln x already computed (the likelihood loops keep ln x in a table).
    func logDensity(_ x: Double, logX: Double) -> Double {
        switch self {
        case let .exponential(mean): return -log(mean) - x / mean
        case let .lognormal(mu, sigma): return LogNormalMath.logDensity(logX: logX, mu: mu, sigma: sigma)
        case let .gamma(k, theta): return (k - 1) * logX - x / theta - gsl_sf_lngamma(k) - k * log(theta)
        case let .weibull(k, lambda):
            let z = logX - log(lambda)
            return log(k) - log(lambda) + (k - 1) * z - exp(k * z)
        case let .logLogistic(alpha, beta):
            let z = beta * (logX - log(alpha))
            return log(beta) - log(alpha) + (beta - 1) * (logX - log(alpha)) - 2 * LogNormalMath.log1pExp(z)
        case let .lognormalMixture(parts):
            return LogNormalMath.logSumExp(parts.map {
                log($0.weight) + LogNormalMath.logDensity(logX: logX, mu: $0.mu, sigma: $0.sigma)
            })
        }
    }

    /// ln S(x) = ln P(X > x), accurate far into the tail.
    public func logSurvival(_ x: Double) -> Double {
        logSurvival(x, logX: log(x))
    }

    /// ln S(x), given ln x.
    func logSurvival(_ x: Double, logX: Double) -> Double {
        switch self {
        case let .exponential(mean): return -x / mean
        case let .lognormal(mu, sigma): return LogNormalMath.logUpperTail((logX - mu) / sigma)
        case let .gamma(k, theta): return log(max(gsl_cdf_gamma_Q(x, k, theta), Double.leastNormalMagnitude))
        case let .weibull(k, lambda): return -exp(k * (logX - log(lambda)))
        case let .logLogistic(alpha, beta): return -LogNormalMath.log1pExp(beta * (logX - log(alpha)))
        case let .lognormalMixture(parts):
            return LogNormalMath.logSumExp(parts.map {
                log($0.weight) + LogNormalMath.logUpperTail((logX - $0.mu) / $0.sigma)
            })
        }
    }

    /// F(x) = P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        switch self {
        case let .exponential(mean): return -expm1(-x / mean)
        case let .lognormal(mu, sigma): return gsl_cdf_ugaussian_P((log(x) - mu) / sigma)
        case let .gamma(k, theta): return gsl_cdf_gamma_P(x, k, theta)
        case let .weibull(k, lambda): return -expm1(-pow(x / lambda, k))
        case let .logLogistic(alpha, beta): return 1 / (1 + pow(x / alpha, -beta))
        case let .lognormalMixture(parts):
            return parts.reduce(0) { $0 + $1.weight * gsl_cdf_ugaussian_P((log(x) - $1.mu) / $1.sigma) }
        }
    }

    /// F(x) and S(x) from one evaluation: the smaller of the two is computed, the other is its
    /// complement, so both keep their precision (the goodness-of-fit loop needs both per value).
    func cdfAndSurvival(_ x: Double) -> (cdf: Double, survival: Double) {
        switch self {
        case let .lognormal(mu, sigma):
            let z = (log(x) - mu) / sigma
            if z < 0 { let f = gsl_cdf_ugaussian_P(z); return (f, 1 - f) }
            let s = gsl_cdf_ugaussian_Q(z)
            return (1 - s, s)
        default:
            let f = cdf(x)
            if f < 0.5 { return (f, 1 - f) }
            let s = survival(x)
            return (1 - s, s)
        }
    }

    /// S(x) = 1 − F(x), computed directly so that it keeps its precision in the upper tail.
    public func survival(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        return exp(logSurvival(x))
    }
}

/// Small numeric helpers shared by the lognormal-based laws.
enum LogNormalMath {
    /// ½ ln 2π.
    static let halfLogTwoPi = 0.5 * log(2 * Double.pi)

    /// ln of the lognormal density at x, given ln x.
    static func logDensity(logX: Double, mu: Double, sigma: Double) -> Double {
        let z = (logX - mu) / sigma
        return -logX - log(sigma) - halfLogTwoPi - 0.5 * z * z
    }

    /// ln Q(z) = ln P(Z > z) for a standard normal Z, without underflow for large z.
    static func logUpperTail(_ z: Double) -> Double {
        gsl_sf_log_erfc(z / 2.0.squareRoot()) - log(2.0)
    }

    /// ln(1 + eᶻ) without overflow.
    static func log1pExp(_ z: Double) -> Double {
        z > 35 ? z : log1p(exp(z))
    }

    /// ln Σ e^(tᵢ), stable.
    static func logSumExp(_ terms: [Double]) -> Double {
        guard let top = terms.max(), top.isFinite else { return terms.max() ?? -.infinity }
        return top + log(terms.reduce(0) { $0 + exp($1 - top) })
    }
}
