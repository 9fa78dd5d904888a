#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A two-part mixture w · R + (1 − w) · S whose weight w and second part S are known: the
/// lognormal R fitted by maximum likelihood, the rest held fixed.
///
/// `faultline fit` uses it for remote fixes: the tickets a crew accepted the moment they were
/// dispatched are remote fixes (law R) and on-site jobs that found a crew free (law S, fitted
/// on the tickets that waited for a crew); w is the share of remote fixes among them, from the
/// base scenario's remote share. ln L = Σ ln(w f_R(x) + (1 − w) f_S(x)) over the exact values
/// plus Σ ln(w S_R(c) + (1 − w) S_S(c)) over the censoring times; Nelder–Mead on (μ, ln σ) from
/// the lognormal of the sample's lowest w-fraction, restarted once.
public enum KnownPartMixture {
    /// The fitted lognormal R and ln L of the whole mixture at it.
    public struct Fit: Sendable, Equatable {
        /// The fitted part, `.lognormal`.
        public let law: FittedLaw
        /// ln L of the mixture (R with the known part) at the estimate.
        public let logLikelihood: Double
    }

    /// Fits R.
    /// - Parameters:
    ///   - sample: the mixed sample.
    ///   - weight: R's weight w, in (0, 1].
    ///   - known: the law S of the other part.
    /// - Throws: ``FittingError/tooFewObservations(needed:got:)`` when fewer than
    ///   ``MaximumLikelihood/minimumExactObservations`` of the sample are exact, ×1/w;
    ///   ``FittingError/noMaximum(family:)`` when the simplex finds none.
    public static func fitLognormal(_ sample: Observations, weight: Double, known: FittedLaw) throws(FittingError) -> Fit {
        precondition(weight > 0 && weight <= 1, "the fitted part's weight lies in (0, 1]")
        let needed = Int((Double(MaximumLikelihood.minimumExactObservations) / weight).rounded(.up))
        guard sample.exact.count >= needed else { throw .tooFewObservations(needed: needed, got: sample.exact.count) }
        let knownDensity = sample.exact.map { known.logDensity($0) }
        let knownSurvival = sample.censored.map { known.logSurvival($0) }
        let logW = log(weight), logRest = weight < 1 ? log1p(-weight) : -Double.infinity
        let objective: ([Double]) -> Double = { point in
            let law = FittedLaw.lognormal(mu: point[0], sigma: exp(point[1]))
            var total = 0.0
            for i in sample.exact.indices {
                total += logSum(logW + law.logDensity(sample.exact[i], logX: sample.logExact[i]), logRest + knownDensity[i])
            }
            for i in sample.censored.indices {
                total += logSum(logW + law.logSurvival(sample.censored[i], logX: sample.logCensored[i]), logRest + knownSurvival[i])
            }
            return -total
        }
        let lowest = Array(sample.logExact.prefix(max(2, Int(Double(sample.exact.count) * weight))))
        let mean = lowest.reduce(0, +) / Double(lowest.count)
        let sd = (lowest.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(lowest.count)).squareRoot()
        let simplex = SimplexMinimiser()
        guard let first = simplex.minimise(from: [mean, log(max(sd, 0.05))], step: [0.3, 0.3], objective),
              let second = simplex.minimise(from: first.point, step: [0.05, 0.05], objective)
        else { throw .noMaximum(family: .lognormal) }
        return Fit(law: .lognormal(mu: second.point[0], sigma: exp(second.point[1])), logLikelihood: -second.value)
    }

    /// ln(eᵃ + eᵇ) without overflow; −∞ when both are.
    private static func logSum(_ a: Double, _ b: Double) -> Double {
        let high = max(a, b), low = min(a, b)
        guard high > -Double.infinity else { return -Double.infinity }
        return high + log1p(exp(low - high))
    }
}
