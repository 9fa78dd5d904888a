import Foundation
import SimRandom
import Testing
@testable import Fitting

/// Samples of n = 2,000 drawn with SimRandom's GSL samplers from laws chosen here are fitted back.
///
/// Tolerances are about four asymptotic standard errors at n = 2,000 (e.g. the lognormal's μ:
/// σ/√n ≈ 0.013; a gamma shape of 2: ≈ 3 %; a Weibull shape: ≈ 1.7 %), so a correct fitter
/// passes for any seed with high probability and a wrong one (a moment estimator for the gamma, a
/// censored value taken as exact) fails.
@Suite struct RoundTripTests {
    static let n = 2_000

    static func draw(_ distribution: Distribution, seed: UInt64, n: Int = n) -> [Double] {
        let stream = RandomStream(masterSeed: seed, replication: 0, name: "fit/round-trip")
        return (0..<n).map { _ in distribution.sample(stream) }
    }

    /// Log-logistic draws by inversion, written here: X = α (U / (1 − U))^(1/β).
    static func logLogistic(scale: Double, shape: Double, seed: UInt64) -> [Double] {
        let stream = RandomStream(masterSeed: seed, replication: 0, name: "fit/round-trip")
        return (0..<n).map { _ in
            let u = stream.uniform()
            return scale * pow(u / (1 - u), 1 / shape)
        }
    }

    private func parameter(_ fit: DistributionFit, _ name: String) -> Double {
        fit.parameters.first { $0.name == name }!.value
    }

    private func within(_ estimate: Double, _ truth: Double, _ relative: Double) -> Bool {
        abs(estimate - truth) <= relative * abs(truth)
    }

    @Test func everySingleFamilyIsRecovered() throws {
        let exponential = try MaximumLikelihood.fit(.exponential, to: Observations(exact: Self.draw(.exponential(mean: 45), seed: 1)))
        #expect(within(parameter(exponential, "mean"), 45, 0.09))
        let lognormal = try MaximumLikelihood.fit(.lognormal, to: Observations(exact: Self.draw(.lognormal(median: 60, sigma: 0.6), seed: 2)))
        #expect(abs(parameter(lognormal, "mu") - log(60)) < 0.054)
        #expect(within(parameter(lognormal, "sigma"), 0.6, 0.063))
        let gamma = try MaximumLikelihood.fit(.gamma, to: Observations(exact: Self.draw(.gamma(mean: 120, sd: 120 / 2.0.squareRoot()), seed: 3)))
        #expect(within(parameter(gamma, "shape"), 2, 0.12))
        #expect(within(gamma.mean, 120, 0.07))
        let weibull = try MaximumLikelihood.fit(.weibull, to: Observations(exact: Self.draw(.weibull(shape: 1.5, scale: 90), seed: 4)))
        #expect(within(parameter(weibull, "shape"), 1.5, 0.07))
        #expect(within(parameter(weibull, "scale"), 90, 0.06))
        let logLogistic = try MaximumLikelihood.fit(.logLogistic, to: Observations(exact: Self.logLogistic(scale: 30, shape: 3, seed: 5)))
        #expect(within(parameter(logLogistic, "shape"), 3, 0.08))
        #expect(within(parameter(logLogistic, "scale"), 30, 0.06))
    }

    /// Fitted moments agree with the law's own: a second derivation of the mean and sd from
    /// SimRandom's Distribution of the same parameters.
    @Test func fittedMomentsAgreeWithTheScenarioLaw() throws {
        let sample = try Observations(exact: Self.draw(.gamma(mean: 50, sd: 30), seed: 6))
        for family in [FittedFamily.exponential, .lognormal, .gamma, .weibull] {
            let fit = try MaximumLikelihood.fit(family, to: sample)
            let law = try #require(fit.law.scenarioDistribution)
            #expect(within(fit.mean, law.mean, 1e-9), "\(family)")
            #expect(within(fit.sd, law.standardDeviation, 1e-9), "\(family)")
            let reparsed = try Distribution(parsing: try #require(fit.scenarioText))
            #expect(within(reparsed.mean, fit.mean, 1e-3), "\(family) text")
        }
    }

    @Test func lognormalIsChosenOverExponentialAndBack() throws {
        let lognormal = try FitComparison.compare(
            Observations(exact: Self.draw(.lognormal(mean: 90, sd: 60), seed: 7)), bootstrapSamples: 0)
        #expect(lognormal.chosen.family == .lognormal)
        let exponentialAIC = try #require(lognormal.candidates.first { $0.family == .exponential }).aic
        #expect(exponentialAIC - lognormal.chosen.aic > 100)
        #expect(lognormal.candidates.map(\.aic) == lognormal.candidates.map(\.aic).sorted())
        let exponential = try FitComparison.compare(
            Observations(exact: Self.draw(.exponential(mean: 90), seed: 8)), bootstrapSamples: 0)
        #expect(exponential.chosen.family != .lognormal)
        let lognormalAIC = try #require(exponential.candidates.first { $0.family == .lognormal }).aic
        #expect(lognormalAIC - exponential.chosen.aic > 10)
    }

    /// A fast proactive part and a slow customer part, as detection delays look.
    @Test func aTwoPartMixtureIsFoundAndASingleLognormalKeepsItsPlace() throws {
        let mixed = try Distribution.mixture([
            (0.3, try .lognormal(median: 5, sigma: 0.4)), (0.7, try .lognormal(median: 120, sigma: 0.5)),
        ])
        let comparison = try FitComparison.compare(Observations(exact: Self.draw(mixed, seed: 9)), bootstrapSamples: 0)
        #expect(comparison.chosen.family == .lognormalMixture2 || comparison.chosen.family == .lognormalMixture3)
        let two = try #require(comparison.candidates.first { $0.family == .lognormalMixture2 })
        guard case let .lognormalMixture(parts) = two.law else { Issue.record("not a mixture"); return }
        #expect(abs(parts[0].weight - 0.3) < 0.04)
        #expect(abs(parts[0].mu - log(5)) < 0.06 && abs(parts[1].mu - log(120)) < 0.06)
        let single = try FitComparison.compare(
            Observations(exact: Self.draw(.lognormal(median: 60, sigma: 0.7), seed: 10)), bootstrapSamples: 0)
        #expect(single.chosen.family == .lognormal)
        // A mixture contains the lognormal, so EM run to convergence is at least as likely.
        let lognormalFit = try #require(single.candidates.first { $0.family == .lognormal })
        for mixture in single.candidates where mixture.family.isMixture {
            #expect(mixture.logLikelihood >= lognormalFit.logLikelihood - 0.5, "\(mixture.family)")
        }
    }

    /// Above LognormalMixtureEM.binCount values EM runs on binned ln x; the parts are still found,
    /// closer than at n = 2,000.
    @Test func binnedEMRecoversTheParts() throws {
        let mixed = try Distribution.mixture([
            (0.3, try .lognormal(median: 5, sigma: 0.4)), (0.7, try .lognormal(median: 120, sigma: 0.5)),
        ])
        let n = 4 * LognormalMixtureEM.binCount
        let fit = try MaximumLikelihood.fit(.lognormalMixture2, to: Observations(exact: Self.draw(mixed, seed: 17, n: n)))
        guard case let .lognormalMixture(parts) = fit.law else { Issue.record("not a mixture"); return }
        #expect(abs(parts[0].weight - 0.3) < 0.015)
        #expect(abs(parts[0].mu - log(5)) < 0.02 && abs(parts[1].mu - log(120)) < 0.02)
        #expect(abs(parts[0].sigma - 0.4) < 0.02 && abs(parts[1].sigma - 0.5) < 0.02)
        #expect(fit.n == n)
    }

    /// Censor 30 % of a lognormal sample at its 70th percentile: the censored fit recovers μ and σ;
    /// dropping the censored values, or taking them as ending at the cut, biases both far beyond
    /// the tolerance.
    @Test func censoringRecoversWhatTheNaiveFitsMiss() throws {
        let mu = log(60.0), sigma = 0.8
        let cut = exp(mu + 0.5244 * sigma)
        let values = Self.draw(try .lognormal(median: 60, sigma: sigma), seed: 11)
        let exact = values.filter { $0 <= cut }, open = values.filter { $0 > cut }
        #expect(abs(Double(open.count) / Double(Self.n) - 0.3) < 0.03)
        let censored = try MaximumLikelihood.fit(.lognormal, to: Observations(exact: exact, censoredAbove: open.map { _ in cut }))
        #expect(abs(parameter(censored, "mu") - mu) < 0.08)
        #expect(within(parameter(censored, "sigma"), sigma, 0.07))
        let dropped = try MaximumLikelihood.fit(.lognormal, to: Observations(exact: exact))
        #expect(mu - parameter(dropped, "mu") > 0.3)
        let truncated = try MaximumLikelihood.fit(.lognormal, to: Observations(exact: exact + open.map { _ in cut }))
        #expect(sigma - parameter(truncated, "sigma") > 0.1)
        for (family, truth) in [(FittedFamily.weibull, 1.5), (.gamma, 2.0)] {
            let law: Distribution = family == .weibull ? try .weibull(shape: 1.5, scale: 90) : try .gamma(mean: 90, sd: 90 / 2.0.squareRoot())
            let draws = Self.draw(law, seed: 12)
            let limit = draws.sorted()[Self.n * 7 / 10]
            let fit = try MaximumLikelihood.fit(family, to: Observations(
                exact: draws.filter { $0 <= limit }, censoredAbove: draws.filter { $0 > limit }.map { _ in limit }))
            #expect(within(parameter(fit, "shape"), truth, 0.14), "\(family)")
            #expect(within(fit.mean, law.mean, 0.08), "\(family)")
        }
    }
}
