#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Special functions needed by ``StudentT``; internal because SimCore is not a maths library.
enum SpecialFunctions {
    /// Lanczos approximation (g = 7, nine terms) coefficients for log Γ.
    private static let lanczos: [Double] = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ]

    /// log Γ(x) for x > 0, relative accuracy about 1e-15.
    static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma: argument must be positive")
        if x < 0.5 { return logGamma(x + 1) - log(x) }
        let shifted = x - 1
        var series = lanczos[0]
        for index in 1..<lanczos.count {
            series += lanczos[index] / (shifted + Double(index))
        }
        let base = shifted + 7.5
        return 0.5 * log(2 * Double.pi) + (shifted + 0.5) * log(base) - base + log(series)
    }

    /// I_x(a, b), the regularized incomplete beta function, given x and its complement
    /// y = 1 − x (passed separately so callers can form whichever is small without cancellation).
    static func regularizedIncompleteBeta(x: Double, complement y: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        // The continued fraction converges fast only left of its turning point; use symmetry beyond.
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularizedIncompleteBeta(x: y, complement: x, a: b, b: a)
        }
        let logFront = a * log(x) + b * log(y) + logGamma(a + b) - logGamma(a) - logGamma(b)
        return exp(logFront) / a * betaContinuedFraction(x: x, a: a, b: b)
    }

    /// The continued fraction 1/(1 + d₁/(1 + d₂/(1 + …))) of I_x(a, b), by the modified Lentz method.
    private static func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var value = tiny
        var c = tiny
        var d = 0.0
        for term in 1...20_000 {
            let numerator = term == 1 ? 1 : betaFractionCoefficient(term - 1, x: x, a: a, b: b)
            d = 1 + numerator * d
            d = abs(d) < tiny ? 1 / tiny : 1 / d
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            let ratio = c * d
            value *= ratio
            if abs(ratio - 1) < 1e-16 { break }
        }
        return value
    }

    /// dₖ of the incomplete beta continued fraction.
    private static func betaFractionCoefficient(_ k: Int, x: Double, a: Double, b: Double) -> Double {
        let m = Double(k / 2)
        if k % 2 == 1 {
            return -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        }
        return m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
    }
}
