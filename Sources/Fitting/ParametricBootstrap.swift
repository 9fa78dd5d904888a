import SimCore
import SimRandom

/// Parametric-bootstrap p-values for the KS and AD statistics of a fitted law.
///
/// Sample b (0-based) draws from the named stream `fit/bootstrap/<family>` of replication b under
/// the given master seed, so the p-values depend on the seed and B only, never on thread count.
public enum ParametricBootstrap {
    /// The default number of bootstrap samples, B.
    public static let defaultSamples = 199

    /// The statistics of `fit` on `sample` and their bootstrap p-values.
    ///
    /// Each bootstrap sample has the sample's size, is refitted within the same family (closed
    /// forms or one-dimensional solves where the family has them), and is scored against its own
    /// refit. A refit that fails counts as exceeding the observed statistics (conservative).
    /// - Throws: ``FittingError/invalidBootstrapSamples(_:)`` for fewer than 1 sample;
    ///   ``FittingError/censoringNotSupported(method:)`` for a censored sample.
    /// - Complexity: B refits and sorts of n values, spread over `threads` threads.
    public static func goodnessOfFit(
        of fit: DistributionFit, to sample: Observations, samples: Int = defaultSamples, seed: UInt64, threads: Int? = nil
    ) throws(FittingError) -> GoodnessOfFit {
        GSLErrorHandling.abortDisabled
        guard samples >= 1 else { throw .invalidBootstrapSamples(samples) }
        guard !sample.isCensored else { throw .censoringNotSupported(method: "the goodness-of-fit bootstrap") }
        let observed = EDFStatistics(fit.law, sorted: sample.exact)
        let law = fit.law, n = sample.exact.count
        let replicates = Replications.run(samples, threads: threads) { b in replicate(law, n: n, seed: seed, index: b) }
        let ksExceed = replicates.filter { $0.kolmogorovSmirnov >= observed.kolmogorovSmirnov }.count
        let adExceed = replicates.filter { $0.andersonDarling >= observed.andersonDarling }.count
        return GoodnessOfFit(
            kolmogorovSmirnov: observed.kolmogorovSmirnov, andersonDarling: observed.andersonDarling,
            kolmogorovSmirnovP: Double(1 + ksExceed) / Double(samples + 1),
            andersonDarlingP: Double(1 + adExceed) / Double(samples + 1),
            bootstrapSamples: samples, seed: seed
        )
    }

    /// One bootstrap replicate's statistics.
    static func replicate(_ law: FittedLaw, n: Int, seed: UInt64, index: Int) -> EDFStatistics {
        let stream = RandomStream(masterSeed: seed, replication: index, name: "fit/bootstrap/\(law.family.rawValue)")
        let values = law.sortedSample(n, from: stream)
        guard values.allSatisfy({ $0 > 0 && $0.isFinite }),
              let refit = try? MaximumLikelihood.law(law.family, Observations(sortedExact: values))
        else { return EDFStatistics(kolmogorovSmirnov: .infinity, andersonDarling: .infinity) }
        return EDFStatistics(refit, sorted: values)
    }
}
