import Foundation
import SimRandom
import Testing
@testable import Fitting

/// The fast part of a two-part mixture whose weight and slow part are known, fitted back.
@Suite struct KnownPartMixtureTests {
    /// 2,000 values: 70 % remote fixes lognormal(median 15, σ 0.5), 30 % on-site lognormal(median
    /// 60, σ 0.5), each drawn here from its own stream (the mixture's draw, then the part's).
    static func mixed(seed: UInt64) throws -> [Double] {
        let fast = try Distribution.lognormal(median: 15, sigma: 0.5), slow = try Distribution.lognormal(median: 60, sigma: 0.5)
        let pick = RandomStream(masterSeed: seed, replication: 0, name: "fit/known-part/pick")
        let remote = RandomStream(masterSeed: seed, replication: 0, name: "fit/known-part/remote")
        let onSite = RandomStream(masterSeed: seed, replication: 0, name: "fit/known-part/on-site")
        return (0..<2_000).map { _ in
            pick.uniform() < 0.7 ? fast.sample(remote) : slow.sample(onSite)
        }
    }

    @Test("the fast part's μ and σ come back within about four standard errors; fitting the whole sample instead is far off")
    func recoversTheFastPart() throws {
        let sample = try Observations(exact: Self.mixed(seed: 41))
        let fit = try KnownPartMixture.fitLognormal(sample, weight: 0.7, known: .lognormal(mu: log(60), sigma: 0.5))
        guard case let .lognormal(mu, sigma) = fit.law else { Issue.record("not a lognormal: \(fit.law)"); return }
        // σ/√(0.7 n) ≈ 0.013 for μ; σ/√(2 · 0.7 n) ≈ 0.009 for σ; the overlap with the known part widens both.
        #expect(abs(mu - log(15)) < 0.06, "mu \(mu)")
        #expect(abs(sigma - 0.5) < 0.05, "sigma \(sigma)")
        let whole = try MaximumLikelihood.fit(.lognormal, to: sample)
        #expect(whole.mean > fit.law.mean * 1.5, "the mixture's mean \(whole.mean) against the fast part's \(fit.law.mean)")
    }

    @Test("with weight 1 the fit is the plain lognormal fit; too few values are refused")
    func weightOneAndTooFew() throws {
        let sample = try Observations(exact: Self.mixed(seed: 42))
        let fit = try KnownPartMixture.fitLognormal(sample, weight: 1, known: .lognormal(mu: 0, sigma: 1))
        let plain = try MaximumLikelihood.fit(.lognormal, to: sample)
        #expect(abs(fit.logLikelihood - plain.logLikelihood) < 1e-6 * abs(plain.logLikelihood))
        #expect(throws: FittingError.self) {
            try KnownPartMixture.fitLognormal(try Observations(exact: [10, 20, 30]), weight: 0.5, known: .lognormal(mu: 4, sigma: 0.5))
        }
    }
}
