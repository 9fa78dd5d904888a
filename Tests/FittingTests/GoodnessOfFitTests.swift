import Foundation
import SimRandom
import Testing
@testable import Fitting

/// KS and AD statistics and their parametric-bootstrap p-values.
@Suite struct GoodnessOfFitTests {
    /// Sample 1, 2, 3 against exponential(mean 2): KS = F(1) = 1 − e^(−1/2) = 0.393469; A² = 0.523730
    /// (from the integral n ∫ (Fₙ − F)² / (F(1 − F)) dF, evaluated numerically with SciPy).
    @Test func statisticsByHand() {
        let statistics = EDFStatistics(.exponential(mean: 2), sorted: [1, 2, 3])
        #expect(abs(statistics.kolmogorovSmirnov - (1 - exp(-0.5))) < 1e-12)
        #expect(abs(statistics.andersonDarling - 0.5237299535) < 1e-9)
    }

    /// The textbook (Kolmogorov) p-value for a fully specified law, written here as the test's own
    /// derivation: Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), λ = (√n + 0.12 + 0.11/√n) D (Stephens 1970).
    private func textbookKolmogorovP(_ d: Double, n: Int) -> Double {
        let root = Double(n).squareRoot(), lambda = (root + 0.12 + 0.11 / root) * d
        var sum = 0.0
        for k in 1...100 {
            let sign: Double = k % 2 == 1 ? 1 : -1
            let kk = Double(k * k)
            sum += sign * exp(-2 * kk * lambda * lambda)
        }
        return min(max(2 * sum, 0), 1)
    }

    /// Under the null the bootstrap p-value is about uniform: over 40 exponential samples of 100
    /// (B = 39), the mean p is near ½ and few fall under 0.1. The textbook p-value on the same
    /// statistics is larger in nearly every sample (SciPy, 2,000 such samples: mean 0.66, 1.6 %
    /// under 0.1 where a valid test has 10 %): the reason for the bootstrap.
    @Test func bootstrapPValuesAreRoughlyUniformUnderTheNull() throws {
        var pValues: [Double] = [], textbook: [Double] = []
        for seed in 0..<40 {
            let stream = RandomStream(masterSeed: 15, replication: seed, name: "fit/null")
            let sample = try Observations(exact: (0..<100).map { _ in stream.exponential(mean: 30) })
            let fit = try MaximumLikelihood.fit(.exponential, to: sample)
            let gof = try ParametricBootstrap.goodnessOfFit(of: fit, to: sample, samples: 39, seed: UInt64(seed))
            pValues.append(gof.kolmogorovSmirnovP)
            textbook.append(textbookKolmogorovP(gof.kolmogorovSmirnov, n: 100))
        }
        let mean = pValues.reduce(0, +) / Double(pValues.count)
        #expect(mean > 0.38 && mean < 0.62, "mean p \(mean)")
        #expect(pValues.filter { $0 < 0.1 }.count <= 10)
        #expect(pValues.filter { $0 > 0.5 }.count >= 10)
        let larger = zip(textbook, pValues).filter { $0.0 > $0.1 }.count
        #expect(larger >= 32, "textbook p above the bootstrap's in \(larger) of 40")
    }

    @Test func theWrongFamilyGetsASmallPValue() throws {
        let stream = RandomStream(masterSeed: 16, replication: 0, name: "fit/wrong")
        let lognormal = try Distribution.lognormal(median: 60, sigma: 1)
        let sample = try Observations(exact: (0..<500).map { _ in lognormal.sample(stream) })
        let wrong = try ParametricBootstrap.goodnessOfFit(
            of: try MaximumLikelihood.fit(.exponential, to: sample), to: sample, samples: 99, seed: 1)
        #expect(wrong.kolmogorovSmirnovP <= 0.02 && wrong.andersonDarlingP <= 0.02)
        let right = try ParametricBootstrap.goodnessOfFit(
            of: try MaximumLikelihood.fit(.lognormal, to: sample), to: sample, samples: 99, seed: 1)
        #expect(right.kolmogorovSmirnovP > 0.05)
    }

    /// The same seed gives the same p-values on one thread or several; a censored sample is refused.
    @Test func bootstrapIsDeterministicAcrossThreadCounts() throws {
        let sample = try Observations(exact: FixedSampleTests.data)
        let fit = try MaximumLikelihood.fit(.weibull, to: sample)
        let one = try ParametricBootstrap.goodnessOfFit(of: fit, to: sample, samples: 50, seed: 3, threads: 1)
        let four = try ParametricBootstrap.goodnessOfFit(of: fit, to: sample, samples: 50, seed: 3, threads: 4)
        #expect(one.kolmogorovSmirnovP == four.kolmogorovSmirnovP && one.andersonDarlingP == four.andersonDarlingP)
        let censored = try Observations(exact: FixedSampleTests.data, censoredAbove: [400])
        #expect(throws: FittingError.censoringNotSupported(method: "the goodness-of-fit bootstrap")) {
            try ParametricBootstrap.goodnessOfFit(of: fit, to: censored, samples: 9, seed: 1)
        }
        #expect(throws: FittingError.invalidBootstrapSamples(0)) {
            try ParametricBootstrap.goodnessOfFit(of: fit, to: sample, samples: 0, seed: 1)
        }
        #expect(throws: FittingError.invalidBootstrapSamples(-5)) { try FitComparison.compare(sample, bootstrapSamples: -5) }
        let comparison = try FitComparison.compare(censored, bootstrapSamples: 9)
        #expect(comparison.goodnessOfFit == nil)
        #expect(comparison.notFitted.map(\.family) == [.lognormalMixture2, .lognormalMixture3])
    }
}
