/// Applying a rules file (YAML) to a catalogue. The format is described in docs/rules-format.md.
extension RuleCatalogue {
    /// Top-level sections, in the order they are applied (so tiers can name new calendars and
    /// network grades, and repair-limit rows new products and calendars).
    static let rulesSections = ["checkpoints", "calendars", "products", "networkGrades", "afterSales",
                                "repairLimits", "tiers", "fallbackTier"]

    /// A new catalogue: this one with a rules file's overrides and additions.
    /// - Parameters:
    ///   - rulesYAML: the file's text.
    ///   - file: the file's path, used only in problem locations.
    /// - Throws: ``DocumentError`` listing every problem found, each with file:line:column and key
    ///   path; aliases and runaway nesting are refused before any YAML is composed, as in scenarios.
    public func applying(rulesYAML: String, file: String) throws(DocumentError) -> RuleCatalogue {
        var loader = DocumentLoader()
        guard let root = loader.document(text: rulesYAML, file: file, directory: "") else {
            throw DocumentError(problems: loader.problems)
        }
        var reader = RulesFileReader(file: file, base: self)
        reader.problems = loader.problems
        if !root.isNull { reader.readRoot(root) }
        guard reader.problems.isEmpty else {
            let ordered = reader.problems.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            throw DocumentError(problems: ordered.map(\.element))
        }
        return reader.catalogue
    }
}

extension RulesFileReader {
    mutating func readRoot(_ root: DocumentNode) {
        if let found = Self.notARulesFile(root) {
            // One message, never the file's contents: `--rules` and `rules:` may name any readable file.
            report(.wrongType, "not a rules file: expected a mapping of rules sections "
                   + "(tiers, calendars, …), found \(found)", at: root, "")
            return
        }
        guard let sections = entries(root, "", allowed: RuleCatalogue.rulesSections) else { return }
        for name in RuleCatalogue.rulesSections {
            guard let node = sections.first(where: { $0.key == name })?.value else { continue }
            read(section: name, node)
        }
    }

    /// What the document is when it cannot be a rules file: not a mapping, or a mapping none of
    /// whose keys is a rules section or a near miss of one (a password file reads as such a
    /// mapping; `tier:` is a typo, answered with "did you mean"). Nil otherwise.
    static func notARulesFile(_ root: DocumentNode) -> String? {
        switch root.value {
        case .null: return "an empty file"
        case .scalar: return "plain text"
        case .sequence: return "a list"
        case .mapping(let entries):
            let sections = RuleCatalogue.rulesSections
            let known = entries.contains { sections.contains($0.key) || closestKey(to: $0.key, among: sections) != nil }
            return known ? nil : "a mapping with none of them"
        }
    }

    mutating func read(section: String, _ node: DocumentNode) {
        switch section {
        case "checkpoints": readCheckpoints(node)
        case "calendars": readCalendars(node)
        case "products": readProducts(node)
        case "networkGrades": readNetworkGrades(node)
        case "afterSales": readAfterSales(node)
        case "repairLimits": readRepairLimits(node)
        case "tiers": readTiers(node)
        default: readFallbackTier(node)
        }
    }
}
