import ServiceRules
import SimRandom

/// `faults:` — rates per product and segment, the time profile and storm episodes.
extension ScenarioReader {
    static let faultKeys = ["rates", "profile", "storms"]
    static let profileKeys = ["hourOfDay", "hourOfWeek", "month"]
    static let stormKeys = ["perYear", "multiplier", "duration"]
    static let segmentKeys = NetworkSegment.allCases.map(\.rawValue)

    mutating func readFaults(_ node: DocumentNode?, _ path: String, inventory: [InventoryClass]) -> FaultModel {
        let section = fields(node, path, allowed: Self.faultKeys, required: node == nil ? [] : ["rates"])
        var table: [String: SegmentRates] = [:]
        for entry in namedEntries(section["rates"], section.path("rates")) {
            let rowPath = Fields.child(section.path("rates"), entry.key)
            if entry.key != "default", !catalogue.products.contains(where: { $0.key == entry.key }) {
                reportUnknownProduct(entry.key, at: entry.keyMark, rowPath)
                continue
            }
            table[entry.key] = readSegmentRates(entry.value, rowPath)
        }
        return FaultModel(rates: ratesForInventory(table, inventory, section),
                          profile: readProfile(section["profile"], section.path("profile")),
                          storms: readStorms(section["storms"], section.path("storms")))
    }

    mutating func reportUnknownProduct(_ key: String, at mark: SourceMark, _ path: String) {
        let options = catalogue.products.map(\.key) + ["default"]
        let suggestion = closestKey(to: key, among: options)
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; give a catalogue product key or `default`"
        report(.unknownReference, "unknown product `\(key)`\(hint)", at: mark, path, suggestion: suggestion)
    }

    mutating func readSegmentRates(_ node: DocumentNode, _ path: String) -> SegmentRates {
        let row = fields(node, path, allowed: Self.segmentKeys)
        var rates: [NetworkSegment: Double] = [:]
        for segment in NetworkSegment.allCases {
            guard let value = row[segment.rawValue] else { continue }
            rates[segment] = amount(value, row.path(segment.rawValue), default: 0)
        }
        return SegmentRates(perCircuitYear: rates)
    }

    /// One rate row for every inventory product: its own, else `default`, else a located problem.
    mutating func ratesForInventory(_ table: [String: SegmentRates], _ inventory: [InventoryClass], _ section: Fields) -> [String: SegmentRates] {
        var result: [String: SegmentRates] = [:]
        for row in inventory where result[row.product] == nil {
            if let rates = table[row.product] ?? table["default"] {
                result[row.product] = rates
            } else if let mark = section["rates"]?.mark ?? section.mark {
                report(.missingKey, "no fault rates for product `\(row.product)` (inventory row `\(row.id)`); "
                       + "add `\(row.product)` or `default` here", at: mark, section.path("rates"))
                result[row.product] = SegmentRates(perCircuitYear: [:])
            }
        }
        return result
    }

    mutating func readProfile(_ node: DocumentNode?, _ path: String) -> RateProfile {
        guard node != nil else { return .flat }
        let section = fields(node, path, allowed: Self.profileKeys)
        if section["hourOfDay"] != nil, let week = section["hourOfWeek"] {
            report(.inconsistent, "give either `hourOfDay` (24 factors) or `hourOfWeek` (168), not both",
                   at: week.mark, section.path("hourOfWeek"))
        }
        let month = profileFactors(section["month"], section.path("month"), count: 12)
        do {
            if let hours = profileFactors(section["hourOfWeek"], section.path("hourOfWeek"), count: 168) {
                return try RateProfile(hourOfWeek: hours, month: month ?? Array(repeating: 1, count: 12))
            }
            let hours = profileFactors(section["hourOfDay"], section.path("hourOfDay"), count: 24) ?? Array(repeating: 1, count: 24)
            return try RateProfile(hourOfDay: hours, month: month ?? Array(repeating: 1, count: 12))
        } catch {
            report(.invalidValue, error.message, at: node!.mark, path)
            return .flat
        }
    }

    /// Exactly `count` factors ≥ 0, or nil after reporting.
    mutating func profileFactors(_ node: DocumentNode?, _ path: String, count: Int) -> [Double]? {
        guard let node else { return nil }
        let before = problems.count
        let values = factors(node, path)
        guard problems.count == before else { return nil }
        guard values.count == count else {
            report(.invalidValue, "needs \(count) factors, found \(values.count)", at: node.mark, path)
            return nil
        }
        return values
    }

    mutating func readStorms(_ node: DocumentNode?, _ path: String) -> StormEpisodes? {
        guard node != nil else { return nil }
        let section = fields(node, path, allowed: Self.stormKeys, required: Self.stormKeys)
        let perYear = amount(section["perYear"], section.path("perYear"), default: 0)
        let multiplier = amount(section["multiplier"], section.path("multiplier"), default: 1, positive: true)
        guard let duration = distribution(section["duration"], section.path("duration")) else { return nil }
        do {
            return try StormEpisodes(perYear: perYear, duration: duration, multiplier: multiplier)
        } catch {
            report(.invalidValue, error.message, at: node!.mark, path)
            return nil
        }
    }
}
