#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The log-logistic likelihood maximised by Newton's method with analytic derivatives, censoring
/// included: ln X is logistic with location m = ln α and scale 1/β.
///
/// With z = β (ln x − m) and p = 1/(1 + e^(−z)), an exact value contributes
/// ln β − ln x + z − 2 ln(1 + eᶻ) and a censored one −ln(1 + eᶻ); each Newton step costs one pass.
/// Steps are halved until ln L rises and β stays positive; `nil` when no step helps (the caller
/// then falls back to the simplex).
struct LogLogisticNewton {
    let sample: Observations

    /// The estimates (α, β) from a starting point.
    func solve(scale: Double, shape: Double) -> FittedLaw? {
        var point = Point(m: log(scale), beta: shape, derivatives: derivatives(log(scale), shape))
        for _ in 0..<100 {
            guard let next = lineSearch(from: point) else {
                return point.derivatives.gradientIsSmall ? point.law : nil
            }
            let converged = abs(next.m - point.m) < 1e-10 && abs(next.beta - point.beta) < 1e-10 * point.beta
            point = next
            if converged { return point.law }
        }
        return nil
    }

    /// An iterate: (m, β) and the derivatives there.
    private struct Point {
        let m: Double, beta: Double
        let derivatives: Derivatives
        var law: FittedLaw { .logLogistic(scale: exp(m), shape: beta) }
    }

    /// The Newton step from `point`, halved until β stays positive and ln L does not fall;
    /// `nil` when even a tiny step fails.
    private func lineSearch(from point: Point) -> Point? {
        let (stepM, stepBeta) = newtonStep(point.derivatives)
        var factor = 1.0
        while factor > 1e-10 {
            let m = point.m + factor * stepM, beta = point.beta + factor * stepBeta
            if beta > 0 {
                let d = derivatives(m, beta)
                if d.logLikelihood >= point.derivatives.logLikelihood { return Point(m: m, beta: beta, derivatives: d) }
            }
            factor /= 2
        }
        return nil
    }

    /// ln L, its gradient and Hessian in (m, β).
    private struct Derivatives {
        var logLikelihood = 0.0, dm = 0.0, dBeta = 0.0, dmm = 0.0, dmBeta = 0.0, dBetaBeta = 0.0
        var gradientIsSmall: Bool { abs(dm) < 1e-6 && abs(dBeta) < 1e-6 }
    }

    /// The Newton direction −H⁻¹ g, or the gradient itself when H is not negative definite.
    private func newtonStep(_ d: Derivatives) -> (Double, Double) {
        let determinant = d.dmm * d.dBetaBeta - d.dmBeta * d.dmBeta
        guard d.dmm < 0, determinant > 0 else { return (d.dm * 1e-3, d.dBeta * 1e-3) }
        return ((-d.dBetaBeta * d.dm + d.dmBeta * d.dBeta) / determinant,
                (d.dmBeta * d.dm - d.dmm * d.dBeta) / determinant)
    }

    /// One pass over the sample.
    private func derivatives(_ m: Double, _ beta: Double) -> Derivatives {
        let exactCount = Double(sample.exact.count)
        var d = Derivatives()
        d.logLikelihood = exactCount * log(beta) - sample.sumLogExact
        d.dBeta = exactCount / beta
        d.dBetaBeta = -exactCount / (beta * beta)
        for y in sample.logExact { add(&d, y: y, m: m, beta: beta, weight: 2, linear: true) }
        for y in sample.logCensored { add(&d, y: y, m: m, beta: beta, weight: 1, linear: false) }
        return d
    }

    /// Adds one observation's terms: `weight` ln(1 + eᶻ) subtracted, plus z when `linear`.
    private func add(_ d: inout Derivatives, y: Double, m: Double, beta: Double, weight: Double, linear: Bool) {
        let u = y - m, z = beta * u
        let p = 1 / (1 + exp(-z))
        let first = (linear ? 1 : 0) - weight * p, second = -weight * p * (1 - p)
        d.logLikelihood += (linear ? z : 0) - weight * LogNormalMath.log1pExp(z)
        d.dm -= first * beta
        d.dBeta += first * u
        d.dmm += second * beta * beta
        d.dmBeta += -second * beta * u - first
        d.dBetaBeta += second * u * u
    }
}
