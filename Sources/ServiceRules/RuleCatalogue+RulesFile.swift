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
        guard let sections = entries(root, "", allowed: RuleCatalogue.rulesSections) else { return }
        for name in RuleCatalogue.rulesSections {
            guard let node = sections.first(where: { $0.key == name })?.value else { continue }
            read(section: name, node)
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
