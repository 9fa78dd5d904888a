/// Reading a rules file that may hold versions (docs/rules-format.md "Versions").
extension RuleVersions {
    /// Keys of a versioned rules file's top level.
    static let versionedKeys = ["versions", "judgeTicketsBy"]
    /// Keys of one version: the rules sections, its first day and its name.
    static let versionKeys = ["effective", "name"] + RuleCatalogue.rulesSections

    /// Reads a rules file over `base`: a plain file is one undated version; a file with
    /// `versions:` is a list of versions, each applied over the one before (the first over
    /// `base`), each from its `effective:` date.
    /// - Throws: ``DocumentError`` listing every problem, located as in a plain rules file.
    public static func reading(rulesYAML: String, file: String, over base: RuleCatalogue) throws(DocumentError) -> RuleVersions {
        var loader = DocumentLoader()
        guard let root = loader.document(text: rulesYAML, file: file, directory: "") else {
            throw DocumentError(problems: loader.problems)
        }
        guard root["versions"] != nil else { return RuleVersions(single: try base.applying(rulesYAML: rulesYAML, file: file)) }
        var reader = RulesFileReader(file: file, base: base)
        reader.problems = loader.problems
        let versions = reader.readVersioned(root)
        guard reader.problems.isEmpty, let versions else { throw DocumentError(problems: reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }) }
        return versions
    }
}

extension RulesFileReader {
    /// The versions of a file whose top level has `versions:`; nil after reporting a problem.
    mutating func readVersioned(_ root: DocumentNode) -> RuleVersions? {
        guard let top = entries(root, "", allowed: RuleVersions.versionedKeys),
              let list = top.first(where: { $0.key == "versions" }).flatMap({ items($0.value, "versions") }) else { return nil }
        var clock = RuleVersions.TicketClock.reportedAt
        if let node = top.first(where: { $0.key == "judgeTicketsBy" })?.value {
            let word = choice(node, "judgeTicketsBy", among: RuleVersions.TicketClock.allCases.map(\.rawValue), what: "ticket instant")
            clock = word.flatMap(RuleVersions.TicketClock.init(rawValue:)) ?? clock
        }
        var versions: [RuleVersions.Version] = []
        for (node, path) in list {
            guard let version = readVersion(node, path, after: versions.last) else { continue }
            versions.append(version)
        }
        guard !versions.isEmpty else {
            report(.wrongType, "expected at least one version", at: root["versions"], "versions")
            return nil
        }
        return RuleVersions(versions, ticketClock: clock)
    }

    /// One version, applied over `previous` (or the base); its date must follow the previous one's.
    mutating func readVersion(_ node: DocumentNode, _ path: String, after previous: RuleVersions.Version?) -> RuleVersions.Version? {
        guard let fields = entries(node, path, allowed: RuleVersions.versionKeys) else { return nil }
        let field = { (key: String) in fields.first { $0.key == key }?.value }
        var effective: WallTime?
        if let dateNode = field("effective"), let days = dates(dateNode, child(path, "effective")) {
            if days.count == 1 { effective = WallTime(days[0]) } else {
                report(.invalidValue, "expected one date `YYYY-MM-DD`, found a range", at: dateNode, child(path, "effective"))
            }
        }
        if let previous, !isAfter(effective, previous, node: field("effective") ?? node, path: child(path, "effective")) { return nil }
        if let previous { catalogue = previous.catalogue }
        for section in RuleCatalogue.rulesSections {
            if let value = field(section) { read(section: section, value) }
        }
        let name = field("name").flatMap { text($0, child(path, "name")) } ?? effective.map { $0.date.description } ?? "first"
        return RuleVersions.Version(name: name, effective: effective, catalogue: catalogue)
    }

    /// Whether a later version's date is given and after the previous version's; reported if not.
    mutating func isAfter(_ effective: WallTime?, _ previous: RuleVersions.Version, node: DocumentNode, path: String) -> Bool {
        guard let effective else {
            report(.missingKey, "every version after the first needs `effective: YYYY-MM-DD`", at: node, path)
            return false
        }
        guard effective > (previous.effective ?? WallTime(seconds: .min)) else {
            report(.inconsistent, "versions must be in date order: \(effective.date) is not after \(previous.effective?.date.description ?? "")",
                   at: node, path)
            return false
        }
        return true
    }
}
