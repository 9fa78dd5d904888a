import Experiments

/// The JSON of `compare`: `comparison` (the base, seed, pairing, replications, period, window)
/// and `variants` (each with its origin and every metric's comparison).
struct CompareDocument: Encodable, Sendable {
    var baseFile: String
    var origins: [CompareReport.Origin]
    var results: ComparisonResults

    private enum Key: String, CodingKey { case comparison, variants }
    private enum FactKey: String, CodingKey { case base, seed, randomNumbers, replications, period, windowDays }
    private enum VariantKey: String, CodingKey { case file, inlineVariant }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var facts = container.nestedContainer(keyedBy: FactKey.self, forKey: .comparison)
        try facts.encode(["name": results.baseName, "file": baseFile], forKey: .base)
        try facts.encode(String(results.seed), forKey: .seed)
        try facts.encode(results.pairing.rawValue, forKey: .randomNumbers)
        try facts.encode(results.replications, forKey: .replications)
        try facts.encode(results.period.rawValue, forKey: .period)
        try facts.encode(results.windowDays, forKey: .windowDays)
        var variants = container.nestedUnkeyedContainer(forKey: .variants)
        for (variant, origin) in zip(results.variants, origins) {
            try variants.encode(VariantEntry(variant: variant, origin: origin))
        }
    }

    /// A variant's comparison with the file it came from.
    struct VariantEntry: Encodable {
        var variant: VariantComparison
        var origin: CompareReport.Origin

        func encode(to encoder: any Encoder) throws {
            try variant.encode(to: encoder)
            var container = encoder.container(keyedBy: VariantKey.self)
            try container.encode(origin.file, forKey: .file)
            try container.encode(origin.inlineVariant, forKey: .inlineVariant)
        }
    }
}
