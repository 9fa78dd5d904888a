import ServiceRules

/// `claimRates:` and `costs:`, and the checks that tie sections together.
extension ScenarioReader {
    static let costKeys = ["crewHour", "agentHour", "onCallHour", "protection", "productiveHoursPerYear", "accountManagerHour",
                           "remoteEngineerHour"]
    /// The hours of a 365-day year: nobody is productive for more.
    static let hoursPerYear = 8760.0

    /// Claim rate for every catalogue tier: given, else 1.0 (docs/rules-semantics.md
    /// "Payment modes").
    mutating func readClaimRates(_ node: DocumentNode?, _ path: String) -> [String: Double] {
        var rates = Dictionary(uniqueKeysWithValues: catalogue.tiers.map { ($0.key, 1.0) })
        for entry in namedEntries(node, path) {
            let entryPath = Fields.child(path, entry.key)
            guard rates[entry.key] != nil else {
                let suggestion = closestKey(to: entry.key, among: catalogue.tiers.map(\.key))
                let hint = suggestion.map { "; did you mean `\($0)`?" } ?? ""
                report(.unknownReference, "unknown tier `\(entry.key)`\(hint)", at: entry.keyMark, entryPath, suggestion: suggestion)
                continue
            }
            rates[entry.key] = share(entry.value, entryPath, default: 1)
        }
        return rates
    }

    mutating func readCosts(_ node: DocumentNode?, _ path: String) -> StaffCosts {
        let section = fields(node, path, allowed: Self.costKeys)
        return StaffCosts(crewHour: amount(section["crewHour"], section.path("crewHour"), default: 0),
                          agentHour: amount(section["agentHour"], section.path("agentHour"), default: 0),
                          onCallHour: amount(section["onCallHour"], section.path("onCallHour"), default: 0),
                          protectionPerCircuitMonth: readProtection(section["protection"], section.path("protection")),
                          productiveHoursPerYear: readProductiveHours(section["productiveHoursPerYear"],
                                                                      section.path("productiveHoursPerYear")),
                          accountManagerHour: section["accountManagerHour"].map {
                              amount($0, section.path("accountManagerHour"), default: 0)
                          },
                          remoteEngineerHour: section["remoteEngineerHour"].map {
                              amount($0, section.path("remoteEngineerHour"), default: 0)
                          })
    }

    /// `costs.productiveHoursPerYear`: in (0, 8760], default 1,680 h.
    private mutating func readProductiveHours(_ node: DocumentNode?, _ path: String) -> Double {
        let fallback = StaffCosts.defaultProductiveHoursPerYear
        let hours = amount(node, path, default: fallback, positive: true)
        guard let node, hours > Self.hoursPerYear else { return hours }
        report(.invalidValue, "must be at most 8760 (the hours of a 365-day year), found \(node.scalar ?? "")", at: node.mark, path)
        return fallback
    }

    /// `costs.protection`: amount per circuit-month by network grade of the catalogue.
    private mutating func readProtection(_ node: DocumentNode?, _ path: String) -> [String: Double] {
        let grades = catalogue.networkGrades.map(\.key)
        var costs: [String: Double] = [:]
        for entry in namedEntries(node, path) {
            let entryPath = Fields.child(path, entry.key)
            guard grades.contains(entry.key) else {
                let suggestion = closestKey(to: entry.key, among: grades)
                let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; known: \(grades.joined(separator: ", "))"
                report(.unknownReference, "unknown network grade `\(entry.key)`\(hint)", at: entry.keyMark, entryPath,
                       suggestion: suggestion)
                continue
            }
            costs[entry.key] = amount(entry.value, entryPath, default: 0)
        }
        return costs
    }

    /// Every inventory region must have crews (travel is checked where it is read).
    mutating func checkRegions(inventory: [InventoryClass], crews: [CrewRegion], _ top: Fields) {
        guard let rows = top["inventory"]?.mapping, top["crews"] != nil else { return }
        let crewRegions = crews.map(\.region)
        var reported: Set<String> = []
        for row in inventory where !crewRegions.contains(row.region) && !reported.contains(row.region) {
            reported.insert(row.region)
            guard let node = rows.first(where: { $0.key == row.id })?.value["region"] else { continue }
            let suggestion = closestKey(to: row.region, among: crewRegions)
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; add it under `crews`"
            report(.unknownReference, "region `\(row.region)` has no crews\(hint)", at: node.mark,
                   "inventory.\(row.id).region", suggestion: suggestion)
        }
    }
}
