/// The `key: value` pairs of one keyword-style distribution, turned into a ``Distribution``.
struct KeywordArguments {
    /// The family being parsed.
    let family: DistributionFamily
    /// Values (already in minutes where a unit was given), where each key was written, and the
    /// value as written (quoted in messages).
    var values: [String: (value: Double, offset: Int, written: String)] = [:]
    /// Offset of the closing parenthesis, where a missing parameter is reported.
    var closingOffset = 0

    init(family: DistributionFamily) {
        self.family = family
    }

    /// Builds the distribution, reporting missing or conflicting parameters; a value out of its
    /// domain is quoted as written (`-5d`).
    func distribution() throws(DistributionError) -> Distribution {
        do {
            return try unquotedDistribution()
        } catch {
            throw values.reduce(error) { $0.quoting($1.value.written, for: $1.key) }
        }
    }

    private func unquotedDistribution() throws(DistributionError) -> Distribution {
        switch family {
        case .exponential: return try .exponential(mean: need("mean"))
        case .lognormal: return try lognormal()
        case .gamma: return try .gamma(mean: need("mean"), sd: need("sd"))
        case .weibull: return try .weibull(shape: need("shape"), scale: need("scale"))
        case .normal: return try .normal(mean: need("mean"), sd: need("sd"))
        case .uniform: return try .uniform(min: need("min"), max: need("max"))
        case .triangular: return try .triangular(min: need("min"), mode: need("mode"), max: need("max"))
        case .pareto: return try .pareto(shape: need("shape"), scale: need("scale"))
        case .deterministic, .empirical, .mixture:
            preconditionFailure("\(family) is not a keyword family")
        }
    }

    /// lognormal takes either (mean, sd) or (median, sigma), never a mix.
    private func lognormal() throws(DistributionError) -> Distribution {
        let medianForm = values["median"] != nil || values["sigma"] != nil
        guard medianForm else { return try .lognormal(mean: need("mean"), sd: need("sd")) }
        if let stray = values["mean"] ?? values["sd"] {
            throw DistributionError(
                .unknownParameter, "lognormal takes either (mean:, sd:) or (median:, sigma:), not a mix",
                offset: stray.offset)
        }
        return try .lognormal(median: need("median"), sigma: need("sigma"))
    }

    private func need(_ key: String) throws(DistributionError) -> Double {
        guard let entry = values[key] else {
            throw DistributionError(.missingParameter, "\(family.rawValue) needs '\(key)'", offset: closingOffset)
        }
        return entry.value
    }
}
