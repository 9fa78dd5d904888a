/// Reading distributions from scenario files and the command line.
extension Distribution {
    /// Parses the text form of a distribution.
    ///
    /// Grammar (whitespace-tolerant, names case-sensitive):
    /// ```
    /// distribution := value                                 -- deterministic: 45m, 3d, 1.5
    ///               | "deterministic(" value ")"
    ///               | "empirical(" value ("," value)* ")"
    ///               | "mixture(" weight ":" distribution ("," weight ":" distribution)* ")"
    ///               | name "(" key ":" value ("," key ":" value)* ")"
    /// value        := number unit?      unit := s | m | min | h | d | w   (converted to minutes)
    /// ```
    /// Keyword families: `exponential(mean:)`, `lognormal(mean:, sd:)`, `lognormal(median:, sigma:)`,
    /// `gamma(mean:, sd:)`, `weibull(shape:, scale:)`, `normal(mean:, sd:)`, `uniform(min:, max:)`,
    /// `triangular(min:, mode:, max:)`, `pareto(shape:, scale:)`. `shape`, `sigma` and mixture
    /// weights are dimensionless and reject units; a number without a unit is taken as is.
    /// - Throws: ``DistributionError`` with the character offset of the problem.
    public init(parsing text: String) throws(DistributionError) {
        var parser = DistributionParser(scanner: TextScanner(text))
        self = try parser.parseAll()
    }
}

/// Recursive-descent parser over a ``TextScanner``.
struct DistributionParser {
    var scanner: TextScanner
    /// How many mixtures enclose the distribution being read; bounded so that hostile text
    /// cannot exhaust the stack.
    private var mixtureDepth = 0

    init(scanner: TextScanner) {
        self.scanner = scanner
    }

    /// One distribution and nothing after it.
    mutating func parseAll() throws(DistributionError) -> Distribution {
        let result = try distribution()
        try scanner.expectEnd(after: "the distribution")
        return result
    }

    private mutating func distribution() throws(DistributionError) -> Distribution {
        guard let (name, offset) = scanner.identifier() else {
            let value = try scanner.quantity()
            return try build(at: value.offset) { () throws(DistributionError) in
                try quoting(value, as: "value") { () throws(DistributionError) in try .deterministic(value.minutes) }
            }
        }
        guard let family = DistributionFamily(rawValue: name) else {
            throw Self.unknownName(name, offset)
        }
        try scanner.expect("(", "after '\(name)'")
        switch family {
        case .deterministic: return try deterministicBody(at: offset)
        case .empirical: return try empiricalBody(at: offset)
        case .mixture: return try mixtureBody(at: offset)
        default: return try keywordBody(family, at: offset)
        }
    }

    private mutating func deterministicBody(at offset: Int) throws(DistributionError) -> Distribution {
        let value = try scanner.quantity()
        try scanner.expect(")", "to close deterministic(")
        return try build(at: offset) { () throws(DistributionError) in
            try quoting(value, as: "value") { () throws(DistributionError) in try .deterministic(value.minutes) }
        }
    }

    private mutating func empiricalBody(at offset: Int) throws(DistributionError) -> Distribution {
        var observations: [Quantity] = []
        repeat {
            observations.append(try scanner.quantity())
        } while scanner.consume(",")
        try scanner.expect(")", "or ',' in empirical(")
        return try build(at: offset) { () throws(DistributionError) in
            do throws(DistributionError) {
                return try .empirical(observations: observations.map(\.minutes))
            } catch {
                throw observations.enumerated().reduce(error) { $0.quoting($1.element.written, for: "observation \($1.offset + 1)") }
            }
        }
    }

    private mutating func mixtureBody(at offset: Int) throws(DistributionError) -> Distribution {
        guard mixtureDepth < DistributionLimits.mixtureDepth else {
            throw DistributionError(
                .syntax, "mixtures may be nested at most \(DistributionLimits.mixtureDepth) deep", offset: offset)
        }
        mixtureDepth += 1
        defer { mixtureDepth -= 1 }
        var components: [Distribution.MixtureComponent] = []
        repeat {
            let weight = try scanner.quantity()
            if weight.unit != nil {
                throw DistributionError(.badUnit, "a mixture weight is a probability and takes no unit", offset: weight.unitOffset)
            }
            try scanner.expect(":", "after the mixture weight \(weight.number)")
            components.append(.init(weight: weight.number, distribution: try distribution()))
        } while scanner.consume(",")
        try scanner.expect(")", "or ',' in mixture(")
        return try build(at: offset) { () throws(DistributionError) in try .mixture(components: components) }
    }

    private mutating func keywordBody(_ family: DistributionFamily, at offset: Int) throws(DistributionError) -> Distribution {
        var arguments = KeywordArguments(family: family)
        if !scanner.consume(")") {
            repeat {
                try keywordArgument(into: &arguments)
            } while scanner.consume(",")
            try scanner.expect(")", "or ',' in \(family.rawValue)(")
        }
        arguments.closingOffset = scanner.position - 1
        return try build(at: offset) { () throws(DistributionError) in try arguments.distribution() }
    }

    private mutating func keywordArgument(into arguments: inout KeywordArguments) throws(DistributionError) {
        let family = arguments.family
        guard let (key, keyOffset) = scanner.identifier() else {
            throw DistributionError(.syntax, "expected a parameter name in \(family.rawValue)(, found \(scanner.upcoming())", offset: scanner.position)
        }
        guard let dimension = family.keywords[key] else {
            throw DistributionError(
                .unknownParameter,
                "\(family.rawValue) has no parameter '\(key)'; it takes \(family.keywordOrder.joined(separator: ", "))",
                offset: keyOffset)
        }
        guard arguments.values[key] == nil else {
            throw DistributionError(.duplicateParameter, "parameter '\(key)' is given twice", offset: keyOffset)
        }
        try scanner.expect(":", "after '\(key)'")
        let value = try scanner.quantity()
        if dimension == .dimensionless, let unit = value.unit {
            throw DistributionError(
                .badUnit, "\(key) is dimensionless and takes no unit, got '\(unit.rawValue)'", offset: value.unitOffset)
        }
        arguments.values[key] = (value.minutes, keyOffset, value.written)
    }

    /// Runs a validating factory, quoting `value` as written when the factory refuses `name`.
    private func quoting(_ value: Quantity, as name: String,
                         _ make: () throws(DistributionError) -> Distribution) throws(DistributionError) -> Distribution {
        do {
            return try make()
        } catch {
            throw error.quoting(value.written, for: name)
        }
    }

    /// Runs a validating factory and locates its error at the distribution's name.
    private func build(at offset: Int, _ make: () throws(DistributionError) -> Distribution) throws(DistributionError) -> Distribution {
        do {
            return try make()
        } catch {
            throw error.located(at: offset)
        }
    }

    private static func unknownName(_ name: String, _ offset: Int) -> DistributionError {
        let hint = DistributionFamily.suggestion(for: name).map { " (did you mean '\($0)'?)" } ?? ""
        return DistributionError(
            .unknownDistribution,
            "unknown distribution '\(name)'\(hint); known: \(DistributionFamily.nameList)",
            offset: offset)
    }
}
