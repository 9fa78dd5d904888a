/// A validated probability distribution, parameterised the way planners speak.
///
/// Build one with a factory (``exponential(mean:)``, ``lognormal(mean:sd:)``, …) or from text with
/// ``init(parsing:)``; every factory validates and throws ``DistributionError``. Values are in the
/// caller's unit; durations written with units in text are converted to minutes.
///
/// A distribution knows its own theory — ``mean`` and ``variance`` — so one table-driven test
/// checks them all. Infinite moments (Pareto with shape ≤ 1 or ≤ 2) are `Double.infinity`.
///
/// Equality compares the parameters as given: `lognormal(mean:sd:)` and the equivalent
/// `lognormal(median:sigma:)` are different values even when they describe the same law.
public struct Distribution: Sendable, Equatable {
    /// The parameters as the planner gave them.
    public let parameters: Parameters
    /// The theoretical mean (`Double.infinity` if it does not exist).
    public let mean: Double
    /// The theoretical variance (`Double.infinity` if it does not exist).
    public let variance: Double
    /// GSL-ready parameters, computed once at construction.
    @usableFromInline let sampler: Sampler

    /// The planner-facing parameterisation of a ``Distribution``.
    public enum Parameters: Sendable, Equatable {
        /// Exponential with the given mean.
        case exponential(mean: Double)
        /// Lognormal given by its own mean and standard deviation.
        case lognormal(mean: Double, sd: Double)
        /// Lognormal given by its median and the standard deviation of its logarithm.
        case lognormalMedian(median: Double, sigma: Double)
        /// Gamma given by mean and standard deviation.
        case gamma(mean: Double, sd: Double)
        /// Weibull with shape k and scale λ: P(X > x) = exp(−(x/λ)^k).
        case weibull(shape: Double, scale: Double)
        /// Normal N(mean, sd²) conditioned on x ≥ 0.
        case normal(mean: Double, sd: Double)
        /// Continuous uniform on [min, max].
        case uniform(min: Double, max: Double)
        /// Triangular on [min, max] with the given mode.
        case triangular(min: Double, mode: Double, max: Double)
        /// Always the same value.
        case deterministic(Double)
        /// Equal-weight resampling of observations.
        case empirical([Double])
        /// Pareto with shape α and scale (minimum) x_m.
        case pareto(shape: Double, scale: Double)
        /// A weighted mixture.
        case mixture([MixtureComponent])
    }

    /// One weighted part of a mixture.
    public struct MixtureComponent: Sendable, Equatable {
        /// The probability of drawing from this part (positive; weights sum to 1).
        public let weight: Double
        /// The part's distribution.
        public let distribution: Distribution

        /// Creates a component; validation happens in ``Distribution/mixture(_:)``.
        public init(weight: Double, distribution: Distribution) {
            self.weight = weight
            self.distribution = distribution
        }
    }

    /// Builds from parameters that the caller has already validated.
    init(validated parameters: Parameters) {
        self.parameters = parameters
        self.sampler = Sampler(parameters)
        (mean, variance) = Distribution.moments(of: parameters)
    }

    /// Two distributions are equal when their parameters are.
    public static func == (lhs: Distribution, rhs: Distribution) -> Bool {
        lhs.parameters == rhs.parameters
    }

    /// The standard deviation, `sqrt(variance)`.
    public var standardDeviation: Double { variance.squareRoot() }
}
