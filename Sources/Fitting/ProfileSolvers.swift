import CGSLFit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gamma shape's likelihood equation ln k − ψ(k) = s (s = ln x̄ − mean ln x > 0).
enum GammaShape {
    /// Solves by Newton's method from Minka's (2002) closed-form approximation; `nil` if it
    /// does not converge.
    static func solve(_ s: Double) -> Double? {
        var k = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<100 {
            let f = log(k) - gsl_sf_psi(k) - s
            let slope = 1 / k - gsl_sf_psi_1(k)
            var next = k - f / slope
            if !(next > 0) { next = k / 2 }
            if abs(next - k) <= 1e-12 * k { return next }
            k = next
        }
        return nil
    }
}

/// The Weibull likelihood profiled to its shape k, censoring included.
///
/// With d exact values, the scale's equation gives λᵏ = Σ xᵏ / d (sum over exact and censored),
/// and k solves g(k) = Σ xᵏ ln x / Σ xᵏ − 1/k − mean(ln x over exact) = 0, where g increases in k.
/// Powers are taken relative to the largest value so they never overflow.
struct WeibullProfile {
    /// ln x of every observation minus the largest, exact and censored.
    private let shifted: [Double]
    private let largestLog: Double
    private let meanLogExact: Double
    private let exactCount: Double
    private let startShape: Double

    init(_ sample: Observations) {
        let top = max(sample.logExact.last ?? -.infinity, sample.logCensored.last ?? -.infinity)
        largestLog = top
        shifted = (sample.logExact + sample.logCensored).map { $0 - top }
        meanLogExact = sample.meanLogExact
        exactCount = Double(sample.exact.count)
        startShape = Double.pi / (6.0.squareRoot() * sample.varianceLogExact.squareRoot())
    }

    /// The maximum-likelihood Weibull law.
    func solve() throws(FittingError) -> FittedLaw {
        guard largestLog > meanLogExact, let k = shape() else { throw .noMaximum(family: .weibull) }
        let logScale = largestLog + log(weightedMoments(k).weight / exactCount) / k
        return .weibull(shape: k, scale: exp(logScale))
    }

    /// Newton's method on g, safeguarded by a bracket [low, high] with g(low) < 0 < g(high).
    private func shape() -> Double? {
        var k = min(max(startShape, 0.02), 1_000), low = 0.0, high = Double.infinity
        for _ in 0..<200 {
            let m = weightedMoments(k)
            let g = m.meanY + largestLog - 1 / k - meanLogExact
            if g < 0 { low = k } else { high = k }
            var next = k - g / (m.varianceY + 1 / (k * k))
            if !(next > low && next < high) { next = high.isFinite ? (low + high) / 2 : 2 * k }
            if abs(next - k) <= 1e-11 * k { return next }
            k = next
        }
        return nil
    }

    /// Σ w, and the w-weighted mean and variance of y, for w = e^(k y).
    private func weightedMoments(_ k: Double) -> (weight: Double, meanY: Double, varianceY: Double) {
        var w = 0.0, wy = 0.0, wyy = 0.0
        for y in shifted {
            let e = exp(k * y)
            w += e; wy += e * y; wyy += e * y * y
        }
        let mean = wy / w
        return (w, mean, max(wyy / w - mean * mean, 0))
    }
}
