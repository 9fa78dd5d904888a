import CGSL
import Foundation
import Testing
@testable import SimRandom

/// Sampled shapes match GSL's CDFs, and parameters mean what planners think they mean.
@Suite struct DistributionShapeTests {
    /// The 0.1 % critical value of √n·D for large n.
    static let ksCritical = 1.95

    @Test(arguments: DistributionCatalogue.all.filter { $0.cdf != nil })
    func kolmogorovSmirnovAgainstGSL(_ entry: CatalogueEntry) throws {
        let cdf = try #require(entry.cdf)
        let n = 200_000
        let stream = RandomStream(masterSeed: 77, replication: 0, name: "ks \(entry.distribution)")
        let d = kolmogorovSmirnov(draw(n, from: entry.distribution, stream), cdf: cdf)
        #expect(d * Double(n).squareRoot() < Self.ksCritical, "\(entry.distribution): √n·D = \(d * Double(n).squareRoot())")
    }

    /// Guards the KS test itself: a wrong parameter convention must be caught.
    @Test func kolmogorovSmirnovRejectsSwappedWeibullParameters() throws {
        let n = 200_000
        let weibull = try Distribution.weibull(shape: 1.5, scale: 120)
        let samples = draw(n, from: weibull, RandomStream(seed: 5))
        let swapped = kolmogorovSmirnov(samples) { gsl_cdf_weibull_P($0, 1.5, 120) }
        #expect(swapped * Double(n).squareRoot() > Self.ksCritical)
    }

    @Test func weibullShapeAndScaleFollowThePlannerConvention() throws {
        let weibull = try Distribution.weibull(shape: 2, scale: 3)
        #expect(abs(weibull.mean - 3 * gsl_sf_gamma(1.5)) < 1e-12)
        #expect(abs(weibull.mean - 3 * Double.pi.squareRoot() / 2) < 1e-12)
        let stats = SampleStatistics(draw(200_000, from: weibull, RandomStream(seed: 11)))
        #expect(abs(stats.mean - weibull.mean) < 4.5 * (weibull.variance / 200_000).squareRoot())
    }

    @Test func lognormalMedianIsTheSampleMedian() throws {
        let (median, sigma, n) = (40.0, 0.8, 200_001)
        let samples = draw(n, from: try .lognormal(median: median, sigma: sigma), RandomStream(seed: 12)).sorted()
        // SE of a sample median is 1 / (2 f(m) √n), with f(m) = 1 / (m σ √(2π)) for a lognormal.
        let standardError = median * sigma * (2 * Double.pi).squareRoot() / (2 * Double(n).squareRoot())
        #expect(abs(samples[n / 2] - median) < 4.5 * standardError)
    }

    @Test func lognormalMeanAndSDAreThoseOfTheValues() throws {
        let lognormal = try Distribution.lognormal(mean: 90, sd: 60)
        #expect(lognormal.mean == 90)
        #expect(lognormal.variance == 3600)
        let median = try Distribution.lognormal(median: 40, sigma: 0.8)
        #expect(abs(median.mean - 40 * exp(0.32)) < 1e-12)
    }

    @Test func gammaMeanAndSDGiveShapeAndScale() throws {
        let gamma = try Distribution.gamma(mean: 180, sd: 60)
        guard case let .gamma(shape, scale) = gamma.sampler else {
            Issue.record("gamma should sample with GSL's gamma")
            return
        }
        #expect(abs(shape - 9) < 1e-12)
        #expect(abs(scale - 20) < 1e-12)
    }

    @Test func truncatedNormalReportsTruncatedMoments() throws {
        let half = try Distribution.normal(mean: 0, sd: 10)
        #expect(abs(half.mean - 10 * (2 / Double.pi).squareRoot()) < 1e-12)
        #expect(abs(half.variance - 100 * (1 - 2 / Double.pi)) < 1e-10)
        let samples = draw(50_000, from: try .normal(mean: 5, sd: 10), RandomStream(seed: 3))
        #expect(samples.allSatisfy { $0 >= 0 })
    }

    @Test func mixtureMomentsFollowTheLawOfTotalVariance() {
        // 0.4 × (mean 30, var 225) + 0.6 × (mean 120, var 3600):
        // mean = 12 + 72 = 84; E[X²] = 0.4·1125 + 0.6·18000 = 11250; var = 11250 − 84² = 4194.
        let mixture = DistributionCatalogue.handMixture
        #expect(abs(mixture.mean - 84) < 1e-12)
        #expect(abs(mixture.variance - 4194) < 1e-9)
    }

    @Test func empiricalResamplesObservationsWithEqualWeight() throws {
        let observations = [12.0, 30, 45, 45, 90]
        let empirical = try Distribution.empirical(observations: observations)
        #expect(empirical.mean == 44.4)
        let n = 100_000
        let samples = draw(n, from: empirical, RandomStream(seed: 4))
        #expect(Set(samples) == Set(observations))
        let share45 = Double(samples.filter { $0 == 45 }.count) / Double(n)
        #expect(abs(share45 - 0.4) < 4.5 * (0.4 * 0.6 / Double(n)).squareRoot())
    }

    @Test func deterministicAlwaysGivesItsValue() throws {
        let fixed = try Distribution.deterministic(45)
        #expect(draw(1_000, from: fixed, RandomStream(seed: 1)).allSatisfy { $0 == 45 })
        #expect(fixed.variance == 0)
    }

    @Test func factoriesRejectBadParametersNamingThem() {
        #expect(throws: DistributionError(.invalidParameter, "sd must be finite and > 0, got -1.0")) {
            try Distribution.lognormal(mean: 1, sd: -1)
        }
        #expect(throws: DistributionError(.invalidParameter, "mode must be within [1.0, 2.0], got 3.0")) {
            try Distribution.triangular(min: 1, mode: 3, max: 2)
        }
        #expect(throws: DistributionError(.invalidParameter, "the sum of the mixture weights must be 1, got 0.9")) {
            try Distribution.mixture([(0.5, .deterministic(1)), (0.4, .deterministic(2))])
        }
        #expect(throws: DistributionError(.invalidParameter, "weight of component 2 must be finite and > 0, got 0.0")) {
            try Distribution.mixture([(1, .deterministic(1)), (0, .deterministic(2))])
        }
        #expect(throws: DistributionError.self) { try Distribution.empirical(observations: []) }
        #expect(throws: DistributionError.self) { try Distribution.uniform(min: 2, max: 2) }
        #expect(throws: DistributionError.self) { try Distribution.exponential(mean: .nan) }
    }
}
