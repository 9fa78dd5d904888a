import SimCore

// JSON shapes of the comparison results (compare); keys sorted by the report encoder.

extension VariantComparison: Encodable {
    private enum Key: String, CodingKey { case name, scenario, seed, metrics }

    /// `name`, `scenario` (the variant scenario's own name), `seed` (a string: 64 bits) and `metrics`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(scenarioName, forKey: .scenario)
        try container.encode(String(seed), forKey: .seed)
        try container.encode(metrics, forKey: .metrics)
    }
}

extension MetricComparison: Encodable {
    private enum Key: String, CodingKey {
        case metric, unit, higherIsBetter, base, variant, difference, pairs, skipped, verdict
    }
    private enum BoundKey: String, CodingKey { case lower, upper }

    /// The metric, its unit and direction, the paired means, the difference (an estimate with
    /// `lower` and `upper`, null without an interval), pairs, skipped and the verdict.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(metric.description, forKey: .metric)
        try container.encode(metric.unit, forKey: .unit)
        try container.encode(metric.higherIsBetter, forKey: .higherIsBetter)
        try container.encode(base, forKey: .base)
        try container.encode(variant, forKey: .variant)
        if let difference {
            let superEncoder = container.superEncoder(forKey: .difference)
            try difference.encode(to: superEncoder)
            var bounds = superEncoder.container(keyedBy: BoundKey.self)
            let hasBounds = difference.hasInterval && difference.halfWidth.isFinite
            try bounds.encode(hasBounds ? difference.mean - difference.halfWidth : nil, forKey: .lower)
            try bounds.encode(hasBounds ? difference.mean + difference.halfWidth : nil, forKey: .upper)
        } else {
            try container.encodeNil(forKey: .difference)
        }
        try container.encode(pairs, forKey: .pairs)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(verdict.rawValue, forKey: .verdict)
    }
}
