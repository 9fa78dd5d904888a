/// Writing distributions back as text that ``Distribution/init(parsing:)`` reads to an equal value.
extension Distribution: CustomStringConvertible {
    /// The text form with plain numbers (no units), e.g. `lognormal(mean: 90, sd: 60)`.
    public var description: String {
        text(duration: NumberText.text)
    }

    /// The text form with durations in units, e.g. `lognormal(mean: 90m, sd: 1h)`, for
    /// distributions whose values are minutes. Also parses back to an equal value.
    public var durationDescription: String {
        text(duration: DurationText.text(minutes:))
    }

    /// Renders with `duration` for location/scale values and plain numbers for the rest.
    private func text(duration d: (Double) -> String) -> String {
        let n = NumberText.text
        switch parameters {
        case let .exponential(mean): return "exponential(mean: \(d(mean)))"
        case let .lognormal(mean, sd): return "lognormal(mean: \(d(mean)), sd: \(d(sd)))"
        case let .lognormalMedian(median, sigma): return "lognormal(median: \(d(median)), sigma: \(n(sigma)))"
        case let .gamma(mean, sd): return "gamma(mean: \(d(mean)), sd: \(d(sd)))"
        case let .weibull(shape, scale): return "weibull(shape: \(n(shape)), scale: \(d(scale)))"
        case let .normal(mean, sd): return "normal(mean: \(d(mean)), sd: \(d(sd)))"
        case let .uniform(min, max): return "uniform(min: \(d(min)), max: \(d(max)))"
        case let .triangular(a, c, b): return "triangular(min: \(d(a)), mode: \(d(c)), max: \(d(b)))"
        case let .deterministic(value): return "deterministic(\(d(value)))"
        case let .empirical(xs): return "empirical(\(xs.map(d).joined(separator: ", ")))"
        case let .pareto(shape, scale): return "pareto(shape: \(n(shape)), scale: \(d(scale)))"
        case let .mixture(parts):
            let inner = parts.map { "\(n($0.weight)): \($0.distribution.text(duration: d))" }
            return "mixture(\(inner.joined(separator: ", ")))"
        }
    }
}
