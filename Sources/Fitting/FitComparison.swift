/// Every candidate family fitted to one sample, ranked by AIC, with the choice and its goodness of fit.
///
/// The choice: the single family (exponential, lognormal, gamma, Weibull, log-logistic) with the
/// lowest AIC, unless a lognormal mixture has both a lower AIC and a lower BIC than it — a mixture
/// must earn its extra parameters on both criteria. Exact AIC ties go to the family listed first
/// in ``FittedFamily``. Candidates within 2 AIC units of the choice are listed as near-ties: the
/// data do not really tell them apart.
public struct FitComparison: Sendable, Encodable {
    /// Every family that could be fitted, in increasing AIC.
    public let candidates: [DistributionFit]
    /// The chosen fit.
    public let chosen: DistributionFit
    /// Other families whose AIC is within 2 of the chosen one's.
    public let nearTies: [FittedFamily]
    /// Families that could not be fitted, with the reason (a mixture on a censored or small sample, …).
    public let notFitted: [NotFitted]
    /// The chosen fit's KS and AD statistics with bootstrap p-values; `nil` when B is 0 or the
    /// sample is censored.
    public let goodnessOfFit: GoodnessOfFit?

    /// A family left out, and why.
    public struct NotFitted: Sendable, Encodable {
        /// The family.
        public let family: FittedFamily
        /// The one-line reason.
        public let reason: String
    }

    /// The AIC difference under which two fits count as a near-tie.
    public static let nearTieAIC = 2.0

    /// Fits `families` to `sample`, chooses, and tests the choice with a B-sample bootstrap.
    /// - Parameters:
    ///   - families: the candidates; all of ``FittedFamily`` by default.
    ///   - bootstrapSamples: B; 0 skips the goodness-of-fit bootstrap.
    ///   - seed: the bootstrap's master seed.
    /// - Throws: the first family's error when no family can be fitted.
    public static func compare(
        _ sample: Observations, families: [FittedFamily] = FittedFamily.allCases,
        bootstrapSamples: Int = ParametricBootstrap.defaultSamples, seed: UInt64 = 1, threads: Int? = nil
    ) throws(FittingError) -> FitComparison {
        guard bootstrapSamples >= 0 else { throw .invalidBootstrapSamples(bootstrapSamples) }
        var fits: [DistributionFit] = [], failures: [(FittedFamily, FittingError)] = []
        for family in families {
            do { fits.append(try MaximumLikelihood.fit(family, to: sample)) }
            catch { failures.append((family, error)) }
        }
        guard let chosen = choose(fits) else { throw failures.first?.1 ?? .tooFewObservations(needed: 1, got: 0) }
        let gof = bootstrapSamples > 0 && !sample.isCensored
            ? try ParametricBootstrap.goodnessOfFit(of: chosen, to: sample, samples: bootstrapSamples, seed: seed, threads: threads)
            : nil
        return FitComparison(
            candidates: fits.sorted { $0.aic < $1.aic }, chosen: chosen,
            nearTies: fits.filter { $0.family != chosen.family && abs($0.aic - chosen.aic) < nearTieAIC }.map(\.family),
            notFitted: failures.map { NotFitted(family: $0.0, reason: $0.1.message) }, goodnessOfFit: gof
        )
    }

    /// The rule in the type's documentation.
    static func choose(_ fits: [DistributionFit]) -> DistributionFit? {
        let best = { (list: [DistributionFit]) in list.min { $0.aic < $1.aic } }
        let single = best(fits.filter { !$0.family.isMixture })
        guard let mixture = best(fits.filter(\.family.isMixture)) else { return single }
        guard let single else { return mixture }
        return mixture.aic < single.aic && mixture.bic < single.bic ? mixture : single
    }
}
