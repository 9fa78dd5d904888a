/// Validating factories, one per family. Each throws ``DistributionError`` naming the parameter.
extension Distribution {
    /// Exponential with the given mean (not rate).
    /// - Throws: if `mean` is not a positive scale within ``DistributionLimits`` (1e-12…1e12).
    public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
        try requireScale("mean", mean)
        return Distribution(validated: .exponential(mean: mean))
    }

    /// Lognormal given by the mean and standard deviation of the values themselves.
    /// - Throws: if `mean` or `sd` is outside ``DistributionLimits`` (positive scales, sd/mean ≤ 1000).
    public static func lognormal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try requireScale("mean", mean)
        try requireScale("sd", sd)
        try requireVariation("lognormal", mean: mean, sd: sd)
        return Distribution(validated: .lognormal(mean: mean, sd: sd))
    }

    /// Lognormal given by its median (`exp(μ)`) and the standard deviation `sigma` of `log X`.
    /// - Throws: if `median` is not a positive scale or `sigma` is not in (0, 10].
    public static func lognormal(median: Double, sigma: Double) throws(DistributionError) -> Distribution {
        try requireScale("median", median)
        try requirePositive("sigma", sigma)
        guard sigma <= DistributionLimits.largestLognormalSigma else {
            throw .invalid("sigma", sigma, "at most \(DistributionLimits.text(DistributionLimits.largestLognormalSigma)) "
                           + "in lognormal(median:, sigma:), whose variance overflows beyond it")
        }
        return Distribution(validated: .lognormalMedian(median: median, sigma: sigma))
    }

    /// Gamma given by mean and standard deviation (shape = (mean/sd)², scale = sd²/mean).
    /// - Throws: if `mean` or `sd` is outside ``DistributionLimits`` (positive scales, sd/mean ≤ 1000).
    public static func gamma(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try requireScale("mean", mean)
        try requireScale("sd", sd)
        try requireVariation("gamma", mean: mean, sd: sd)
        return Distribution(validated: .gamma(mean: mean, sd: sd))
    }

    /// Weibull with shape k and scale λ; mean λ·Γ(1 + 1/k).
    /// - Throws: if `shape` is outside 0.02…1000 or `scale` is not a positive scale.
    public static func weibull(shape: Double, scale: Double) throws(DistributionError) -> Distribution {
        try requireShape("weibull", shape, within: DistributionLimits.weibullShape)
        try requireScale("scale", scale)
        return Distribution(validated: .weibull(shape: shape, scale: scale))
    }

    /// Normal N(mean, sd²) truncated at 0: samples are drawn conditioned on x ≥ 0.
    ///
    /// `mean` and `sd` are those of the parent normal; ``mean`` and ``variance`` of the result are
    /// those of the truncated distribution (larger mean, smaller variance).
    /// - Throws: if `mean` is negative or above 1e12, or `sd` is not a positive scale within
    ///   ``DistributionLimits``.
    public static func normal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        guard mean.isFinite, mean >= 0 else { throw .invalid("mean", mean, "finite and ≥ 0") }
        try requireValue("mean", mean)
        try requireScale("sd", sd)
        return Distribution(validated: .normal(mean: mean, sd: sd))
    }

    /// Continuous uniform on [min, max].
    /// - Throws: if a bound is not finite or larger than 1e12 in size, or `min >= max`.
    public static func uniform(min: Double, max: Double) throws(DistributionError) -> Distribution {
        try requireValue("min", min)
        try requireValue("max", max)
        guard min < max else { throw .invalid("max", max, "greater than min (\(min))") }
        return Distribution(validated: .uniform(min: min, max: max))
    }

    /// Triangular on [min, max] peaking at `mode`.
    /// - Throws: if a value is not finite, `min >= max`, or `mode` is outside [min, max].
    public static func triangular(min: Double, mode: Double, max: Double) throws(DistributionError) -> Distribution {
        try requireValue("min", min)
        try requireValue("mode", mode)
        try requireValue("max", max)
        guard min < max else { throw .invalid("max", max, "greater than min (\(min))") }
        guard min <= mode, mode <= max else { throw .invalid("mode", mode, "within [\(min), \(max)]") }
        return Distribution(validated: .triangular(min: min, mode: mode, max: max))
    }

    /// Always `value`.
    /// - Throws: if `value` is not finite or larger than 1e12 in size.
    public static func deterministic(_ value: Double) throws(DistributionError) -> Distribution {
        try requireValue("value", value)
        return Distribution(validated: .deterministic(value))
    }

    /// Resamples `observations` with equal weight; mean and variance are the population moments.
    /// - Throws: if there are no observations or one is not finite or larger than 1e12 in size.
    public static func empirical(observations: [Double]) throws(DistributionError) -> Distribution {
        guard !observations.isEmpty else {
            throw DistributionError(.invalidParameter, "observations must not be empty")
        }
        for (index, x) in observations.enumerated() {
            try requireValue("observation \(index + 1)", x)
        }
        return Distribution(validated: .empirical(observations))
    }

    /// Pareto with shape α and scale x_m (the minimum value).
    ///
    /// The mean is finite only for α > 1 and the variance only for α > 2; otherwise ``mean`` or
    /// ``variance`` is `Double.infinity`.
    /// - Throws: if `shape` is outside 0.1…1000 or `scale` is not a positive scale.
    public static func pareto(shape: Double, scale: Double) throws(DistributionError) -> Distribution {
        try requireShape("pareto", shape, within: DistributionLimits.paretoShape)
        try requireScale("scale", scale)
        return Distribution(validated: .pareto(shape: shape, scale: scale))
    }

    /// A mixture: with probability `weight` draw from that part.
    ///
    /// Mean and variance follow the law of total variance.
    /// - Throws: if there are no parts, a weight is not positive, or the weights do not sum to 1
    ///   within 1e-9.
    public static func mixture(_ parts: [(weight: Double, distribution: Distribution)]) throws(DistributionError) -> Distribution {
        try mixture(components: parts.map { MixtureComponent(weight: $0.weight, distribution: $0.distribution) })
    }

    /// A mixture from components; see ``mixture(_:)``.
    public static func mixture(components: [MixtureComponent]) throws(DistributionError) -> Distribution {
        guard !components.isEmpty else {
            throw DistributionError(.invalidParameter, "a mixture needs at least one component")
        }
        for (index, part) in components.enumerated() {
            try requirePositive("weight of component \(index + 1)", part.weight)
        }
        let total = components.reduce(0) { $0 + $1.weight }
        guard abs(total - 1) <= 1e-9 else { throw .invalid("the sum of the mixture weights", total, "1") }
        return Distribution(validated: .mixture(components))
    }

    /// Rebuilds a distribution from parameters, validating them as the factories do.
    public init(_ parameters: Parameters) throws(DistributionError) {
        switch parameters {
        case let .exponential(mean): self = try .exponential(mean: mean)
        case let .lognormal(mean, sd): self = try .lognormal(mean: mean, sd: sd)
        case let .lognormalMedian(median, sigma): self = try .lognormal(median: median, sigma: sigma)
        case let .gamma(mean, sd): self = try .gamma(mean: mean, sd: sd)
        case let .weibull(shape, scale): self = try .weibull(shape: shape, scale: scale)
        case let .normal(mean, sd): self = try .normal(mean: mean, sd: sd)
        case let .uniform(min, max): self = try .uniform(min: min, max: max)
        case let .triangular(min, mode, max): self = try .triangular(min: min, mode: mode, max: max)
        case let .deterministic(value): self = try .deterministic(value)
        case let .empirical(observations): self = try .empirical(observations: observations)
        case let .pareto(shape, scale): self = try .pareto(shape: shape, scale: scale)
        case let .mixture(components): self = try .mixture(components: components)
        }
    }

    private static func requirePositive(_ name: String, _ value: Double) throws(DistributionError) {
        guard value.isFinite, value > 0 else { throw .invalid(name, value, "finite and > 0") }
    }
}
