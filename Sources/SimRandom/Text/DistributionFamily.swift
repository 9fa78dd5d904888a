/// The distribution names accepted in text and the parameters each takes.
enum DistributionFamily: String, CaseIterable {
    case exponential, lognormal, gamma, weibull, normal, uniform, triangular
    case deterministic, empirical, pareto, mixture

    /// Whether a named parameter is a duration (units allowed) or dimensionless (no unit).
    enum Dimension { case duration, dimensionless }

    /// The keyword parameters, for families written `name(key: value, …)`; empty otherwise.
    var keywords: [String: Dimension] {
        switch self {
        case .exponential: ["mean": .duration]
        case .lognormal: ["mean": .duration, "sd": .duration, "median": .duration, "sigma": .dimensionless]
        case .gamma, .normal: ["mean": .duration, "sd": .duration]
        case .weibull, .pareto: ["shape": .dimensionless, "scale": .duration]
        case .uniform: ["min": .duration, "max": .duration]
        case .triangular: ["min": .duration, "mode": .duration, "max": .duration]
        case .deterministic, .empirical, .mixture: [:]
        }
    }

    /// The keywords in the order they are written, for messages and output.
    var keywordOrder: [String] {
        switch self {
        case .lognormal: ["mean", "sd", "median", "sigma"]
        case .weibull, .pareto: ["shape", "scale"]
        case .uniform: ["min", "max"]
        case .triangular: ["min", "mode", "max"]
        default: keywords.keys.sorted()
        }
    }

    /// All names, for the unknown-name message.
    static let nameList = allCases.map(\.rawValue).joined(separator: ", ")

    /// The closest known name within edit distance 2, for a "did you mean" hint.
    static func suggestion(for name: String) -> String? {
        let scored = allCases.map { ($0.rawValue, editDistance(name.lowercased(), $0.rawValue)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    /// Levenshtein distance between two strings.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
