#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lognormal mixtures by expectation–maximisation: a Gaussian mixture fitted to ln x.
///
/// Uncensored samples only: a censored value's share among the components would need the
/// survival function inside the E-step, which this fitter does not do. Detection delays and
/// field-work times, where mixtures matter, are rarely censored; a censored sample is refused
/// with ``FittingError/censoringNotSupported(method:)``.
public enum LognormalMixtureEM {
    /// The fewest uncensored observations per component.
    public static let minimumPerComponent = 20
    /// Largest number of EM steps.
    static let maximumSteps = 2_000
    /// Stop when one step raises ln L by less than this times |ln L|.
    static let tolerance = 1e-10
    /// Above this many values, EM runs on ln x grouped into this many equal-width bins (each
    /// keeping its count, mean and second moment), so a step costs O(bins) however long the log;
    /// the reported ln L, AIC and BIC are then computed on every value.
    public static let binCount = 8_192

    /// Fits a `components`-part lognormal mixture; parts are returned in increasing median.
    static func fit(components k: Int, to sample: Observations) throws(FittingError) -> FittedLaw {
        let family: FittedFamily = k == 2 ? .lognormalMixture2 : .lognormalMixture3
        guard !sample.isCensored else { throw .censoringNotSupported(method: "the \(family.rawValue) fit") }
        guard sample.exact.count >= k * minimumPerComponent else {
            throw .tooFewObservations(needed: k * minimumPerComponent, got: sample.exact.count)
        }
        guard sample.varianceLogExact > 0 else { throw .noMaximum(family: family) }
        let points = WeightedLogs(sample.logExact, bins: binCount)
        var state = MixtureState(startingFrom: sample.logExact, components: k)
        var previous = -Double.infinity
        for _ in 0..<maximumSteps {
            let logLikelihood = state.step(points)
            guard logLikelihood.isFinite else { throw .noMaximum(family: family) }
            if logLikelihood - previous < tolerance * max(1, abs(logLikelihood)) { break }
            previous = logLikelihood
        }
        return .lognormalMixture(state.components.sorted { $0.mu < $1.mu })
    }
}

/// ln x as weighted points: each value alone when there are few, else equal-width bins with
/// their count, mean and mean square.
private struct WeightedLogs {
    var mean: [Double] = [], meanSquare: [Double] = [], count: [Double] = []
    let total: Double

    /// - Parameter sorted: ln x, ascending.
    init(_ sorted: [Double], bins: Int) {
        total = Double(sorted.count)
        guard sorted.count > bins, let low = sorted.first, let high = sorted.last, high > low else {
            mean = sorted; meanSquare = sorted.map { $0 * $0 }; count = Array(repeating: 1, count: sorted.count)
            return
        }
        let width = (high - low) / Double(bins)
        var sum = [Double](repeating: 0, count: bins), squares = sum, counts = sum
        for y in sorted {
            let bin = min(Int((y - low) / width), bins - 1)
            sum[bin] += y; squares[bin] += y * y; counts[bin] += 1
        }
        for bin in 0..<bins where counts[bin] > 0 {
            mean.append(sum[bin] / counts[bin]); meanSquare.append(squares[bin] / counts[bin]); count.append(counts[bin])
        }
    }
}

/// The EM iterate on y = ln x: weights, means and sds of the Gaussian parts.
private struct MixtureState {
    var weight: [Double], mu: [Double], sigma: [Double]
    /// A floor under each σ so that no part collapses onto one point.
    let smallestSigma: Double

    /// Starts from equal-count slices of the sorted y.
    init(startingFrom y: [Double], components k: Int) {
        let n = y.count
        let all = Self.moments(y[...])
        smallestSigma = 1e-3 * all.sd
        weight = Array(repeating: 1 / Double(k), count: k)
        mu = []; sigma = []
        for j in 0..<k {
            let slice = Self.moments(y[(j * n / k)..<((j + 1) * n / k)])
            mu.append(slice.mean)
            sigma.append(max(slice.sd, 0.1 * all.sd))
        }
    }

    /// One E-step and M-step; returns ln L (of ln x's bin means, for the stopping rule) at the
    /// parameters it started from. Responsibilities are taken at each point's mean; a bin's
    /// spread enters the variances through its mean square.
    mutating func step(_ points: WeightedLogs) -> Double {
        let k = weight.count
        var sumR = [Double](repeating: 0, count: k), sumRY = sumR, sumRYY = sumR, density = sumR
        let logWeight = weight.map(log), logSigma = sigma.map(log)
        var logLikelihood = 0.0
        for i in points.mean.indices {
            let value = points.mean[i], count = points.count[i]
            var top = -Double.infinity
            for j in 0..<k {
                let z = (value - mu[j]) / sigma[j]
                density[j] = logWeight[j] - logSigma[j] - 0.5 * z * z
                top = max(top, density[j])
            }
            var total = 0.0
            for j in 0..<k { density[j] = exp(density[j] - top); total += density[j] }
            logLikelihood += count * (top + log(total) - LogNormalMath.halfLogTwoPi - value)
            for j in 0..<k {
                let r = count * density[j] / total
                sumR[j] += r; sumRY[j] += r * value; sumRYY[j] += r * points.meanSquare[i]
            }
        }
        for j in 0..<k {
            weight[j] = sumR[j] / points.total
            mu[j] = sumRY[j] / sumR[j]
            sigma[j] = max((max(sumRYY[j] / sumR[j] - mu[j] * mu[j], 0)).squareRoot(), smallestSigma)
        }
        return logLikelihood
    }

    var components: [FittedLaw.LognormalComponent] {
        weight.indices.map { .init(weight: weight[$0], mu: mu[$0], sigma: sigma[$0]) }
    }

    static func moments(_ y: ArraySlice<Double>) -> (mean: Double, sd: Double) {
        let mean = y.reduce(0, +) / Double(y.count)
        let variance = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count)
        return (mean, variance.squareRoot())
    }
}
