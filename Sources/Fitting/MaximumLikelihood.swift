#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maximum-likelihood fitting of one family to a sample, right-censored observations included.
///
/// Closed forms where they exist (exponential always; lognormal without censoring), a
/// one-dimensional Newton solve where the likelihood profiles to one parameter (gamma without
/// censoring; Weibull always), a two-dimensional Newton with analytic derivatives for the
/// log-logistic, and GSL's Nelder–Mead simplex on log-parameters otherwise (gamma and lognormal
/// with censoring; the log-logistic if Newton stalls), started from moment estimates.
public enum MaximumLikelihood {
    /// The fewest uncensored observations a single family is fitted from.
    public static let minimumExactObservations = 3

    /// Fits `family` to `sample`.
    /// - Throws: ``FittingError/tooFewObservations(needed:got:)`` below the minimum (mixtures need
    ///   ``LognormalMixtureEM/minimumPerComponent`` per component and no censoring);
    ///   ``FittingError/noMaximum(family:)`` when the sample has no spread or the search fails.
    public static func fit(_ family: FittedFamily, to sample: Observations) throws(FittingError) -> DistributionFit {
        GSLErrorHandling.abortDisabled
        return DistributionFit(law: try law(family, sample), sample: sample)
    }

    /// The maximum-likelihood law of `family` for `sample`.
    static func law(_ family: FittedFamily, _ sample: Observations) throws(FittingError) -> FittedLaw {
        if family.isMixture { return try LognormalMixtureEM.fit(components: family.parameterCount == 5 ? 2 : 3, to: sample) }
        guard sample.exact.count >= minimumExactObservations else {
            throw .tooFewObservations(needed: minimumExactObservations, got: sample.exact.count)
        }
        guard sample.varianceLogExact > 0 || family == .exponential else { throw .noMaximum(family: family) }
        switch family {
        case .exponential: return .exponential(mean: (sample.sumExact + sample.sumCensored) / Double(sample.exact.count))
        case .lognormal: return try sample.isCensored ? numericLognormal(sample) : closedLognormal(sample)
        case .gamma: return try sample.isCensored ? numericGamma(sample) : profileGamma(sample)
        case .weibull: return try WeibullProfile(sample).solve()
        case .logLogistic: return try numericLogLogistic(sample)
        case .lognormalMixture2, .lognormalMixture3: preconditionFailure("mixtures are handled above")
        }
    }

    /// ln L: Σ ln f(x) over the exact values plus Σ ln S(c) over the censoring times.
    /// - Complexity: O(1) for the exact part of exponential, lognormal and gamma (sufficient
    ///   statistics); O(n) otherwise.
    static func logLikelihood(_ law: FittedLaw, _ sample: Observations) -> Double {
        var total = exactLogLikelihood(law, sample)
        for i in sample.censored.indices {
            total += law.logSurvival(sample.censored[i], logX: sample.logCensored[i])
        }
        return total
    }

    /// The exact (uncensored) observations' part of ln L.
    private static func exactLogLikelihood(_ law: FittedLaw, _ sample: Observations) -> Double {
        let d = Double(sample.exact.count)
        switch law {
        case let .exponential(mean):
            return -d * log(mean) - sample.sumExact / mean
        case let .lognormal(mu, sigma):
            let squares = sample.sumLogSquaredExact - 2 * mu * sample.sumLogExact + d * mu * mu
            return -sample.sumLogExact - d * (log(sigma) + LogNormalMath.halfLogTwoPi) - squares / (2 * sigma * sigma)
        case let .gamma(k, theta):
            return (k - 1) * sample.sumLogExact - sample.sumExact / theta - d * (lgamma(k) + k * log(theta))
        default:
            var total = 0.0
            for i in sample.exact.indices { total += law.logDensity(sample.exact[i], logX: sample.logExact[i]) }
            return total
        }
    }

    /// Lognormal without censoring: μ and σ are the mean and (divisor n) sd of ln x.
    private static func closedLognormal(_ sample: Observations) throws(FittingError) -> FittedLaw {
        .lognormal(mu: sample.meanLogExact, sigma: sample.varianceLogExact.squareRoot())
    }

    /// Lognormal with censoring: simplex on (μ, ln σ) from the uncensored estimate.
    private static func numericLognormal(_ sample: Observations) throws(FittingError) -> FittedLaw {
        let start = [sample.meanLogExact, 0.5 * log(sample.varianceLogExact)]
        let best = try maximise(.lognormal, sample, from: start) { .lognormal(mu: $0[0], sigma: exp($0[1])) }
        return .lognormal(mu: best[0], sigma: exp(best[1]))
    }

    /// Gamma without censoring: solves ln k − ψ(k) = ln x̄ − mean(ln x) by Newton, then θ = x̄ / k.
    private static func profileGamma(_ sample: Observations) throws(FittingError) -> FittedLaw {
        let mean = sample.sumExact / Double(sample.exact.count)
        let s = log(mean) - sample.meanLogExact
        guard s > 0, s.isFinite, let k = GammaShape.solve(s) else { throw .noMaximum(family: .gamma) }
        return .gamma(shape: k, scale: mean / k)
    }

    /// Gamma with censoring: simplex on (ln k, ln θ) from the uncensored estimate.
    private static func numericGamma(_ sample: Observations) throws(FittingError) -> FittedLaw {
        let uncensored = Observations(sortedExact: sample.exact)
        guard case let .gamma(k0, theta0) = try profileGamma(uncensored) else { throw .noMaximum(family: .gamma) }
        let best = try maximise(.gamma, sample, from: [log(k0), log(theta0)]) { .gamma(shape: exp($0[0]), scale: exp($0[1])) }
        return .gamma(shape: exp(best[0]), scale: exp(best[1]))
    }

    /// Log-logistic: Newton with analytic derivatives from the median and the logistic's sd of
    /// ln x; the simplex on (ln α, ln β) if Newton stalls.
    private static func numericLogLogistic(_ sample: Observations) throws(FittingError) -> FittedLaw {
        let logMedian = sample.logExact[sample.logExact.count / 2]
        let beta0 = Double.pi / (3.0.squareRoot() * sample.varianceLogExact.squareRoot())
        if let law = LogLogisticNewton(sample: sample).solve(scale: exp(logMedian), shape: beta0) { return law }
        let best = try maximise(.logLogistic, sample, from: [logMedian, log(beta0)]) {
            .logLogistic(scale: exp($0[0]), shape: exp($0[1]))
        }
        return .logLogistic(scale: exp(best[0]), shape: exp(best[1]))
    }

    /// Minimises −ln L over unconstrained coordinates mapped to a law by `law`; restarts once
    /// from the first optimum (Nelder–Mead can stall on a ridge).
    private static func maximise(
        _ family: FittedFamily, _ sample: Observations, from start: [Double], _ law: @escaping ([Double]) -> FittedLaw
    ) throws(FittingError) -> [Double] {
        let objective: ([Double]) -> Double = { -logLikelihood(law($0), sample) }
        let simplex = SimplexMinimiser()
        guard let first = simplex.minimise(from: start, step: [0.3, 0.3], objective),
              let second = simplex.minimise(from: first.point, step: [0.05, 0.05], objective)
        else { throw .noMaximum(family: family) }
        return second.point
    }
}
