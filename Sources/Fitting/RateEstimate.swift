import CGSLFit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Events over exposure (e.g. faults per circuit-year) with a confidence interval, and whether the
/// estimate is the class's own or pooled toward its group.
public struct RateEstimate: Sendable, Equatable, Encodable {
    /// The class's name (e.g. `leased-line/gold/north`).
    public let name: String
    /// The group it may be pooled toward (e.g. its product).
    public let group: String
    /// Events observed in the class.
    public let events: Int
    /// Exposure, in the caller's unit (circuit-years).
    public let exposure: Double
    /// The rate used: events / exposure for an own estimate, the posterior mean when pooled.
    public let rate: Double
    /// Lower end of the interval.
    public let lower: Double
    /// Upper end of the interval.
    public let upper: Double
    /// Whether the rate was pooled toward the group (``rule`` says how).
    public let pooled: Bool
    /// The rule that produced this estimate.
    public let rule: PoolingRule
}

/// How a class's rate was estimated.
public enum PoolingRule: String, Sendable, Equatable, Encodable {
    /// Enough events: the class's own rate, with the exact (Garwood) Poisson interval.
    case own
    /// Too few events: the empirical-Bayes gamma–Poisson posterior mean, shrunk toward the
    /// group's rate; the interval is the posterior's equal-tailed interval.
    case shrunkTowardGroup = "shrunk-toward-group"
    /// Too few events and no detectable spread between the group's classes: the group's own rate
    /// and its exact interval, scaled to the class (the prior is a point).
    case groupRate = "group-rate"
}

/// The exact Poisson confidence interval for a count.
public enum PoissonInterval {
    /// Garwood's (1936) exact interval for the mean of a Poisson count k:
    /// [χ²(α/2; 2k) / 2, χ²(1 − α/2; 2k + 2) / 2], with the lower end 0 when k = 0.
    /// - Parameters:
    ///   - events: k ≥ 0.
    ///   - confidence: 1 − α, e.g. 0.95.
    /// - Returns: the interval for the expected count (divide by exposure for a rate).
    public static func garwood(events: Int, confidence: Double = 0.95) throws(FittingError) -> (lower: Double, upper: Double) {
        GSLErrorHandling.abortDisabled
        guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
        let alpha = 1 - confidence, k = Double(events)
        let lower = events == 0 ? 0 : chiSquareQuantile(alpha / 2, degrees: 2 * k) / 2
        return (lower, chiSquareQuantile(1 - alpha / 2, degrees: 2 * k + 2) / 2)
    }

    /// GSL's χ² quantile; for the hundreds of thousands of degrees of freedom of a large log,
    /// where GSL's inversion does not converge (it returns NaN), the Wilson–Hilferty
    /// approximation ν (1 − 2/(9ν) + z √(2/(9ν)))³, whose relative error there is below 10⁻⁶.
    static func chiSquareQuantile(_ p: Double, degrees nu: Double) -> Double {
        let exact = gsl_cdf_chisq_Pinv(p, nu)
        if exact.isFinite { return exact }
        let c = 2 / (9 * nu), z = gsl_cdf_ugaussian_Pinv(p)
        return nu * pow(1 - c + z * c.squareRoot(), 3)
    }

    /// The class's own rate, events / exposure, with Garwood's interval.
    public static func rate(
        name: String, group: String = "", events: Int, exposure: Double, confidence: Double = 0.95
    ) throws(FittingError) -> RateEstimate {
        guard events >= 0, exposure > 0, exposure.isFinite else {
            throw .invalidExposure(name: name, events: events, exposure: exposure)
        }
        let interval = try garwood(events: events, confidence: confidence)
        return RateEstimate(
            name: name, group: group, events: events, exposure: exposure, rate: Double(events) / exposure,
            lower: interval.lower / exposure, upper: interval.upper / exposure, pooled: false, rule: .own
        )
    }
}
