import Foundation
import SimRandom

/// How fitted numbers are rounded in the written scenario: 4 significant digits for rates,
/// durations and shape parameters (a relative change of at most 5 × 10⁻⁵, far inside any
/// interval the fit reports, so the back-test cannot move), 3 decimals for profile factors,
/// 4 decimals for mixture weights (the last takes the rest, so they sum to 1).
enum Rounding {
    /// `value` to 4 significant digits.
    static func significant(_ value: Double, digits: Int = 4) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, Double(digits) - ceil(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    /// A profile factor to 3 decimals.
    static func factor(_ value: Double) -> Double { (value * 1_000).rounded() / 1_000 }

    /// The distribution with every parameter rounded as above; nil if the rounding left its limits.
    static func distribution(_ law: Distribution) -> Distribution? {
        switch law.parameters {
        case let .exponential(mean): return try? .exponential(mean: significant(mean))
        case let .lognormal(mean, sd): return try? .lognormal(mean: significant(mean), sd: significant(sd))
        case let .lognormalMedian(median, sigma): return try? .lognormal(median: significant(median), sigma: significant(sigma))
        case let .gamma(mean, sd): return try? .gamma(mean: significant(mean), sd: significant(sd))
        case let .weibull(shape, scale): return try? .weibull(shape: significant(shape), scale: significant(scale))
        case let .mixture(parts): return mixture(parts)
        default: return law
        }
    }

    private static func mixture(_ parts: [Distribution.MixtureComponent]) -> Distribution? {
        var weights = parts.dropLast().map { ($0.weight * 10_000).rounded() / 10_000 }
        weights.append(((1 - weights.reduce(0, +)) * 10_000).rounded() / 10_000)
        var components: [Distribution.MixtureComponent] = []
        for (weight, part) in zip(weights, parts) {
            guard weight > 0, let rounded = distribution(part.distribution) else { return nil }
            components.append(.init(weight: weight, distribution: rounded))
        }
        return try? .mixture(components: components)
    }
}
