#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parameter ranges inside which every family draws finite values from GSL and has a finite,
/// correctly computed mean and variance. The factories refuse anything outside them, so a
/// validated ``Distribution`` can be sampled without GSL aborting, overflowing or looping.
///
/// Why each bound (durations are in minutes):
/// - location and scale values at most 1e12 (1.9 million years): their 60 000-fold in
///   milliseconds still fits `SimTime`'s Int64, and squares stay finite for the variance;
/// - positive scales at least 1e-12, so ratios such as sd/mean cannot overflow;
/// - sd/mean at most 1000 for `gamma` and `lognormal(mean:, sd:)`: beyond it GSL's gamma draws
///   underflow to 0 for almost every sample and the sample no longer has the stated mean;
/// - `lognormal(median:, sigma:)` sigma at most 10: beyond it the variance `exp(σ²)` overflows;
/// - `weibull` shape in 0.02…1000: below it Γ(1 + 2/k) overflows (GSL aborts computing it) and
///   draws `(−ln U)^(1/k)` overflow; above it the variance is lost to rounding;
/// - `pareto` shape in 0.1…1000: below it draws `U^(−1/α)` overflow to infinity;
/// - mixtures nested at most 8 deep (the parser recurses once per level).
public enum DistributionLimits {
    /// The largest magnitude of any value or scale parameter.
    public static let largestValue = 1e12
    /// The smallest positive scale parameter (mean, sd, median, scale).
    public static let smallestScale = 1e-12
    /// The largest coefficient of variation sd/mean of `gamma` and `lognormal(mean:, sd:)`.
    public static let largestVariation = 1_000.0
    /// The largest `sigma` of `lognormal(median:, sigma:)`.
    public static let largestLognormalSigma = 10.0
    /// The accepted `weibull` shapes.
    public static let weibullShape = 0.02...1_000.0
    /// The accepted `pareto` shapes.
    public static let paretoShape = 0.1...1_000.0
    /// How deeply mixtures may nest.
    public static let mixtureDepth = 8

    /// A bound as people write it: `1e12`, `1e-12`, `0.02`, `1000`.
    static func text(_ bound: Double) -> String {
        let exponent = log10(bound).rounded()
        guard abs(exponent) >= 6, bound == Double("1e\(Int(exponent))") else { return NumberText.text(bound) }
        return "1e\(Int(exponent))"
    }
}

extension Distribution {
    /// The smallest value a draw can take; a distribution of durations must not go below 0.
    public var smallestValue: Double {
        switch parameters {
        case .exponential, .lognormal, .lognormalMedian, .gamma, .weibull, .normal: 0
        case let .uniform(min, _), let .triangular(min, _, _): min
        case let .deterministic(value): value
        case let .empirical(xs): xs.min() ?? 0
        case let .pareto(_, scale): scale
        case let .mixture(parts): parts.map(\.distribution.smallestValue).min() ?? 0
        }
    }

    static func requireValue(_ name: String, _ value: Double) throws(DistributionError) {
        guard value.isFinite, abs(value) <= DistributionLimits.largestValue else {
            throw .invalid(name, value, "finite and at most \(DistributionLimits.text(DistributionLimits.largestValue)) in size")
        }
    }

    static func requireScale(_ name: String, _ value: Double) throws(DistributionError) {
        guard value.isFinite, value > 0 else { throw .invalid(name, value, "finite and > 0") }
        guard value >= DistributionLimits.smallestScale, value <= DistributionLimits.largestValue else {
            throw .invalid(name, value, "between \(DistributionLimits.text(DistributionLimits.smallestScale)) and "
                           + "\(DistributionLimits.text(DistributionLimits.largestValue))")
        }
    }

    static func requireVariation(_ family: String, mean: Double, sd: Double) throws(DistributionError) {
        guard sd / mean <= DistributionLimits.largestVariation else {
            throw .invalid("sd", sd, "at most \(DistributionLimits.text(DistributionLimits.largestVariation)) × the mean "
                           + "in \(family)(mean:, sd:), whose draws degenerate beyond it")
        }
    }

    static func requireShape(_ family: String, _ value: Double, within range: ClosedRange<Double>) throws(DistributionError) {
        guard value.isFinite, value > 0 else { throw .invalid("shape", value, "finite and > 0") }
        guard range.contains(value) else {
            throw .invalid("shape", value, "between \(DistributionLimits.text(range.lowerBound)) and \(DistributionLimits.text(range.upperBound)) "
                           + "in \(family)(shape:, scale:), whose draws or variance overflow outside it")
        }
    }
}
