import Foundation
import Testing
@testable import Fitting

/// Maximum-likelihood estimates on one fixed sample against values computed independently with
/// SciPy 1.17 (`scipy.stats.<family>.fit(data, floc=0)`, and with `scipy.stats.CensoredData` for the
/// censored case); numbers written here, not produced by this code.
@Suite struct FixedSampleTests {
    static let data: [Double] = [
        3.1, 7.4, 12.0, 15.5, 22.8, 30.1, 41.7, 55.0, 62.3, 80.9,
        95.2, 120.4, 150.0, 180.3, 240.7, 300.2, 9.9, 18.6, 27.3, 66.6,
    ]
    static let censoredAt: [Double] = [200, 250, 350]

    private func value(_ fit: DistributionFit, _ name: String) -> Double {
        fit.parameters.first { $0.name == name }!.value
    }

    private func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
        abs(a - b) <= relative * abs(b)
    }

    @Test func uncensoredFitsMatchSciPy() throws {
        let sample = try Observations(exact: Self.data)
        let gamma = try MaximumLikelihood.fit(.gamma, to: sample)
        #expect(close(value(gamma, "shape"), 0.947544770, relative: 1e-6))
        #expect(close(value(gamma, "scale"), 81.262651010, relative: 1e-6))
        #expect(abs(gamma.logLikelihood - -106.856921318) < 1e-6)
        let weibull = try MaximumLikelihood.fit(.weibull, to: sample)
        #expect(close(value(weibull, "shape"), 0.946743761, relative: 1e-5))
        #expect(close(value(weibull, "scale"), 75.022211102, relative: 1e-5))
        #expect(abs(weibull.logLikelihood - -106.824910922) < 1e-6)
        let logLogistic = try MaximumLikelihood.fit(.logLogistic, to: sample)
        #expect(close(value(logLogistic, "shape"), 1.401026738, relative: 1e-4))
        #expect(close(value(logLogistic, "scale"), 43.128567275, relative: 1e-4))
        #expect(abs(logLogistic.logLikelihood - -107.335740957) < 1e-6)
        let lognormal = try MaximumLikelihood.fit(.lognormal, to: sample)
        #expect(abs(lognormal.logLikelihood - -106.742915782) < 1e-6)
    }

    /// SciPy's censored fits stop at its optimiser's tolerance, so ours must be at least as likely
    /// and near its estimates.
    @Test func censoredFitsMatchSciPy() throws {
        let sample = try Observations(exact: Self.data, censoredAbove: Self.censoredAt)
        let expected: [(FittedFamily, String, Double, String, Double, Double)] = [
            (.gamma, "shape", 0.771722848, "scale", 156.488312661, -114.749428559),
            (.weibull, "shape", 0.811535432, "scale", 109.910621088, -114.517626635),
            (.logLogistic, "shape", 1.162091261, "scale", 58.392391276, -113.982768585),
            (.lognormal, "sigma", 1.440839693, "mu", log(58.373105019), -113.569408021),
        ]
        for (family, first, a, second, b, logLikelihood) in expected {
            let fit = try MaximumLikelihood.fit(family, to: sample)
            #expect(close(value(fit, first), a, relative: 1e-3), "\(family) \(first)")
            #expect(close(value(fit, second), b, relative: 1e-3), "\(family) \(second)")
            #expect(fit.logLikelihood >= logLikelihood - 1e-7, "\(family) ln L")
            #expect(fit.logLikelihood <= logLikelihood + 1e-4, "\(family) ln L")
            #expect(fit.censored == 3 && fit.n == 23)
        }
    }

    /// Exponential with censoring by hand: mean = total time / events = (1+2+3+4) / 3,
    /// ln L = −3 ln(10/3) − 3, AIC = 2 − 2 ln L, BIC = ln 4 − 2 ln L.
    @Test func censoredExponentialByHand() throws {
        let fit = try MaximumLikelihood.fit(.exponential, to: Observations(exact: [3, 1, 2], censoredAbove: [4]))
        let logLikelihood = -3 * log(10.0 / 3) - 3
        #expect(abs(value(fit, "mean") - 10.0 / 3) < 1e-12)
        #expect(abs(fit.logLikelihood - logLikelihood) < 1e-12)
        #expect(abs(fit.aic - (2 - 2 * logLikelihood)) < 1e-12)
        #expect(abs(fit.bic - (log(4.0) - 2 * logLikelihood)) < 1e-12)
    }

    @Test func badSamplesAreRefusedWithTheirPlace() throws {
        #expect(throws: FittingError.notPositive(index: 2, value: 0)) { try Observations(exact: [1, 2, 0]) }
        #expect(throws: FittingError.notPositive(index: 3, value: .infinity)) {
            try Observations(exact: [1, 2, 3], censoredAbove: [.infinity])
        }
        #expect(throws: FittingError.tooFewObservations(needed: 3, got: 2)) {
            try MaximumLikelihood.fit(.gamma, to: Observations(exact: [1, 2], censoredAbove: [5]))
        }
        #expect(throws: FittingError.noMaximum(family: .weibull)) {
            try MaximumLikelihood.fit(.weibull, to: Observations(exact: [4, 4, 4, 4]))
        }
        #expect(throws: FittingError.censoringNotSupported(method: "the lognormal-mixture-2 fit")) {
            try MaximumLikelihood.fit(.lognormalMixture2, to: Observations(exact: Self.data + Self.data, censoredAbove: [9]))
        }
    }

    @Test func scenarioTextIsWrittenForEveryFamilyTheFormatHas() throws {
        let sample = try Observations(exact: Self.data)
        let lognormal = try MaximumLikelihood.fit(.lognormal, to: sample)
        let text = try #require(lognormal.scenarioText)
        #expect(text.hasPrefix("lognormal(median: "))
        for family in [FittedFamily.exponential, .gamma, .weibull] {
            #expect(try MaximumLikelihood.fit(family, to: sample).scenarioText?.hasPrefix(family.rawValue) == true)
        }
        #expect(try MaximumLikelihood.fit(.logLogistic, to: sample).scenarioText == nil)
        #expect(!FittedFamily.logLogistic.isWritableToScenario)
    }

    @Test func fitsEncodeWithInfiniteMomentsAsNull() throws {
        let fit = DistributionFit(law: .logLogistic(scale: 10, shape: 0.8), sample: try Observations(exact: Self.data))
        let json = String(decoding: try JSONEncoder().encode(fit), as: UTF8.self)
        #expect(json.contains("\"mean\":null"))
        #expect(json.contains("\"family\":\"log-logistic\""))
    }
}
