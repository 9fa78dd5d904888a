#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One family's maximum-likelihood fit to one sample: a plain value, encodable for reports.
public struct DistributionFit: Sendable, Encodable {
    /// The family fitted.
    public let family: FittedFamily
    /// The fitted law (its density, CDF, moments and scenario form).
    public let law: FittedLaw
    /// The estimates by name, in the order reports write them.
    public let parameters: [FitParameter]
    /// ln L at the estimates (censored observations contribute ln S(c)).
    public let logLikelihood: Double
    /// Akaike's criterion, 2k − 2 ln L (k free parameters); smaller is better.
    public let aic: Double
    /// Schwarz's criterion, k ln n − 2 ln L, with n all observations; smaller is better.
    public let bic: Double
    /// All observations, exact and censored.
    public let n: Int
    /// How many of them were censored.
    public let censored: Int
    /// The fitted law's mean (infinite when it has none).
    public let mean: Double
    /// The fitted law's standard deviation (infinite when it has none).
    public let sd: Double

    /// Scores `law` on `sample`.
    init(law: FittedLaw, sample: Observations) {
        let k = Double(law.family.parameterCount)
        self.law = law
        family = law.family
        parameters = law.namedParameters
        logLikelihood = MaximumLikelihood.logLikelihood(law, sample)
        aic = 2 * k - 2 * logLikelihood
        bic = k * log(Double(sample.count)) - 2 * logLikelihood
        n = sample.count
        censored = sample.censoredCount
        mean = law.mean
        sd = law.standardDeviation
    }

    /// The scenario format's text for this law with durations in units (`lognormal(median: 1h 30m,
    /// sigma: 0.6)`), valid when the observations were minutes; `nil` for a family the format
    /// cannot write (log-logistic) or values outside its limits.
    public var scenarioText: String? { law.scenarioDistribution?.durationDescription }

    private enum CodingKeys: String, CodingKey {
        case family, parameters, logLikelihood, aic, bic, n, censored, mean, sd, scenarioText
    }

    /// Encodes the fields above; an infinite mean or sd is written as null (JSON has no infinity).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(family, forKey: .family)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(logLikelihood, forKey: .logLikelihood)
        try c.encode(aic, forKey: .aic)
        try c.encode(bic, forKey: .bic)
        try c.encode(n, forKey: .n)
        try c.encode(censored, forKey: .censored)
        try c.encode(mean.isFinite ? mean : nil, forKey: .mean)
        try c.encode(sd.isFinite ? sd : nil, forKey: .sd)
        try c.encodeIfPresent(scenarioText, forKey: .scenarioText)
    }
}
