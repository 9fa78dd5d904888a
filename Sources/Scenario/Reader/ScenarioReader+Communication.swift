import ServiceRules
import SimCore
import SimRandom

/// `communication:` — `none`, or `{monthlyReport: none | {...}, outageNotice: none | {...}}`.
extension ScenarioReader {
    /// The three SLA tiers: each promises a monthly SLA circuit report (source §4.1).
    static let monthlyReportTiers: Set<String> = ["SLA-AAA", "SLA-AA", "SLA-A"]

    /// The communication workload; both parts on, at their defaults, when the key is absent.
    mutating func readCommunication(_ node: DocumentNode?, _ path: String) -> Communication {
        if let node, let word = node.scalar?.trimmingCharacters(in: .whitespaces) {
            if word != "none" { report(.wrongType, "expected `none` or a mapping, found `\(word)`", at: node.mark, path) }
            return .none
        }
        let section = fields(node, path, allowed: ["monthlyReport", "outageNotice"])
        return Communication(monthlyReport: readMonthlyReport(section["monthlyReport"], section.path("monthlyReport")),
                             outageNotice: readOutageNotice(section["outageNotice"], section.path("outageNotice")))
    }

    /// Default (an assumption, docs/repair-model.md): by the account manager, 15 minutes per
    /// circuit of the SLA tiers, agents' reports spread over the month's first 5 days.
    private mutating func readMonthlyReport(_ node: DocumentNode?, _ path: String) -> Communication.MonthlyReport? {
        if isNone(node, path) { return nil }
        let section = fields(node, path, allowed: ["by", "work", "tiers", "spread"])
        let by = section["by"].flatMap {
            reference($0, section.path("by"), among: Communication.Party.allCases.map(\.rawValue), what: "party")
        }.flatMap(Communication.Party.init(rawValue:)) ?? .accountManager
        let spread = span(section["spread"], section.path("spread"), default: .days(5))
        if spread <= .zero || spread > .days(28), let mark = section["spread"]?.mark {
            report(.invalidValue, "spread must be more than 0 and at most 28d", at: mark, section.path("spread"))
        }
        return Communication.MonthlyReport(
            by: by, work: distribution(section["work"], section.path("work"), default: "15m"),
            tiers: names(section["tiers"], section.path("tiers"), among: catalogue.tiers.map(\.key), what: "tier")
                ?? Self.monthlyReportTiers,
            spread: spread)
    }

    /// Default (an assumption): SLA-AAA outages, 5 minutes of agent work, due within 15 minutes.
    private mutating func readOutageNotice(_ node: DocumentNode?, _ path: String) -> Communication.OutageNotice? {
        if isNone(node, path) { return nil }
        let section = fields(node, path, allowed: ["tiers", "work", "within"])
        return Communication.OutageNotice(
            tiers: names(section["tiers"], section.path("tiers"), among: catalogue.tiers.map(\.key), what: "tier")
                ?? ["SLA-AAA"],
            work: distribution(section["work"], section.path("work"), default: "5m"),
            within: span(section["within"], section.path("within"), default: .minutes(15)))
    }

    /// Whether the node is the word `none` (another word is reported).
    private mutating func isNone(_ node: DocumentNode?, _ path: String) -> Bool {
        guard let node, let word = node.scalar?.trimmingCharacters(in: .whitespaces) else { return false }
        if word != "none" { report(.wrongType, "expected `none` or a mapping, found `\(word)`", at: node.mark, path) }
        return true
    }
}
