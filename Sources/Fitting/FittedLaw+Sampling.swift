import SimRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FittedLaw {
    /// `count` independent draws from the law, sorted ascending (the parametric bootstrap's samples).
    ///
    /// Every draw is built from the stream's uniforms, so the same stream state gives the same
    /// sample on any machine and thread.
    /// - Complexity: O(count log count).
    func sortedSample(_ count: Int, from stream: RandomStream) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count { values[i] = draw(stream) }
        values.sort()
        return values
    }

    /// One draw.
    func draw(_ stream: RandomStream) -> Double {
        switch self {
        case let .exponential(mean): return stream.exponential(mean: mean)
        case let .lognormal(mu, sigma): return exp(mu + sigma * LawSampling.standardNormal(stream))
        case let .gamma(k, theta): return theta * LawSampling.standardGamma(shape: k, stream)
        case let .weibull(k, lambda): return lambda * pow(-log(stream.uniform()), 1 / k)
        case let .logLogistic(alpha, beta):
            let u = stream.uniform()
            return alpha * pow(u / (1 - u), 1 / beta)
        case let .lognormalMixture(parts):
            let part = LawSampling.pick(parts, stream.uniform())
            return exp(part.mu + part.sigma * LawSampling.standardNormal(stream))
        }
    }
}

/// Variate generators built from a stream's uniforms.
enum LawSampling {
    /// A standard normal by Box–Muller (one of the pair, so each draw uses two uniforms).
    static func standardNormal(_ stream: RandomStream) -> Double {
        let radius = (-2 * log(stream.uniform())).squareRoot()
        return radius * cos(2 * Double.pi * stream.uniform())
    }

    /// A Gamma(shape, 1) variate by Marsaglia and Tsang's squeeze (2000), boosted for shape < 1.
    static func standardGamma(shape: Double, _ stream: RandomStream) -> Double {
        if shape < 1 {
            return standardGamma(shape: shape + 1, stream) * pow(stream.uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let z = standardNormal(stream)
            let v = pow(1 + c * z, 3)
            guard v > 0 else { continue }
            if log(stream.uniform()) < 0.5 * z * z + d - d * v + d * log(v) { return d * v }
        }
    }

    /// The mixture part whose cumulative weight first exceeds `u`.
    static func pick(_ parts: [FittedLaw.LognormalComponent], _ u: Double) -> FittedLaw.LognormalComponent {
        var cumulative = 0.0
        for part in parts {
            cumulative += part.weight
            if u < cumulative { return part }
        }
        return parts[parts.count - 1]
    }
}
