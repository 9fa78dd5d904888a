import CGSL
import Foundation
import SimRandom

/// One distribution under test, with an independent statement of its CDF (from GSL or written out).
struct CatalogueEntry: Sendable, CustomStringConvertible {
    let distribution: SimRandom.Distribution
    /// The CDF, for continuous distributions (nil for discrete ones: no KS test).
    let cdf: (@Sendable (Double) -> Double)?
    /// Whether E[X⁴] is finite, so that SE(s²) ≈ sqrt((m4 − s⁴)/n) is meaningful.
    let finiteFourthMoment: Bool

    var description: String { distribution.description }
}

/// Every family, with parameters chosen to exercise different shapes (small gamma shape,
/// heavy truncation, mode at an end, heavy Pareto tail).
enum DistributionCatalogue {
    static let all: [CatalogueEntry] = [
        entry(try! .exponential(mean: 120)) { gsl_cdf_exponential_P($0, 120) },
        entry(try! .lognormal(mean: 90, sd: 60)) { x in
            let s2 = log(1 + 3600.0 / 8100.0)
            return gsl_cdf_lognormal_P(x, log(90) - s2 / 2, s2.squareRoot())
        },
        entry(try! .lognormal(median: 40, sigma: 0.8)) { gsl_cdf_lognormal_P($0, log(40), 0.8) },
        entry(try! .gamma(mean: 180, sd: 60)) { gsl_cdf_gamma_P($0, 9, 20) },
        entry(try! .gamma(mean: 10, sd: 20)) { gsl_cdf_gamma_P($0, 0.25, 40) },
        entry(try! .weibull(shape: 1.5, scale: 120)) { gsl_cdf_weibull_P($0, 120, 1.5) },
        entry(try! .weibull(shape: 0.7, scale: 60)) { gsl_cdf_weibull_P($0, 60, 0.7) },
        entry(try! .normal(mean: 30, sd: 10)) { truncatedNormalCDF($0, mean: 30, sd: 10) },
        entry(try! .normal(mean: 5, sd: 10)) { truncatedNormalCDF($0, mean: 5, sd: 10) },
        entry(try! .normal(mean: 0, sd: 10)) { truncatedNormalCDF($0, mean: 0, sd: 10) },
        entry(try! .uniform(min: 10, max: 20)) { gsl_cdf_flat_P($0, 10, 20) },
        entry(try! .triangular(min: 60, mode: 120, max: 240)) { triangularCDF($0, 60, 120, 240) },
        entry(try! .triangular(min: 0, mode: 0, max: 1)) { triangularCDF($0, 0, 0, 1) },
        entry(try! .pareto(shape: 5, scale: 240)) { gsl_cdf_pareto_P($0, 5, 240) },
        entry(try! .pareto(shape: 2.5, scale: 240), finiteFourthMoment: false) { gsl_cdf_pareto_P($0, 2.5, 240) },
        entry(try! .pareto(shape: 1.8, scale: 240), finiteFourthMoment: false) { gsl_cdf_pareto_P($0, 1.8, 240) },
        CatalogueEntry(distribution: try! .deterministic(45), cdf: nil, finiteFourthMoment: true),
        CatalogueEntry(distribution: try! .empirical(observations: [12, 30, 45, 45, 90]), cdf: nil, finiteFourthMoment: true),
        entry(handMixture) { 0.4 * lognormalCDF($0, mean: 30, sd: 15) + 0.6 * gsl_cdf_gamma_P($0, 4, 30) },
    ]

    /// 0.4 × lognormal(mean 30, sd 15) + 0.6 × gamma(mean 120, sd 60): mean 84, variance 4194.
    static let handMixture = try! SimRandom.Distribution.mixture([
        (0.4, try! .lognormal(mean: 30, sd: 15)),
        (0.6, try! .gamma(mean: 120, sd: 60)),
    ])

    private static func entry(
        _ distribution: SimRandom.Distribution, finiteFourthMoment: Bool = true,
        cdf: @escaping @Sendable (Double) -> Double
    ) -> CatalogueEntry {
        CatalogueEntry(distribution: distribution, cdf: cdf, finiteFourthMoment: finiteFourthMoment)
    }

    /// P(X ≤ x | X ≥ 0) for X ~ N(mean, sd²).
    static func truncatedNormalCDF(_ x: Double, mean: Double, sd: Double) -> Double {
        guard x > 0 else { return 0 }
        let below = gsl_cdf_gaussian_P(-mean, sd)
        return (gsl_cdf_gaussian_P(x - mean, sd) - below) / (1 - below)
    }

    static func lognormalCDF(_ x: Double, mean: Double, sd: Double) -> Double {
        let s2 = log(1 + sd * sd / (mean * mean))
        return gsl_cdf_lognormal_P(x, log(mean) - s2 / 2, s2.squareRoot())
    }

    /// The triangular CDF, written out.
    static func triangularCDF(_ x: Double, _ a: Double, _ c: Double, _ b: Double) -> Double {
        if x <= a { return 0 }
        if x >= b { return 1 }
        if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
        return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
    }
}
