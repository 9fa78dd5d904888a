import ServiceRules
import SimCore
import SimRandom

/// `escalation:` — `none`, the short form `{atFractionOfLimit: f}`, or `{levels: [...]}`.
extension ScenarioReader {
    static let levelKeys = ["name", "atFractionOfLimit", "after", "afterSalesStep", "tiers", "afterSales",
                            "raisePriority", "callOut", "notify", "informAccountManager"]
    static let thresholdKeys = ["atFractionOfLimit", "after", "afterSalesStep"]
    /// Levels a ticket can reach are one bit each of a 64-bit word.
    static let mostLevels = 64

    /// The levels; `{atFractionOfLimit: 0.75}` when the key is absent.
    mutating func readEscalation(_ node: DocumentNode?, _ path: String) -> Escalation {
        guard let node else { return .atFractionOfLimit(0.75) }
        if let word = node.scalar?.trimmingCharacters(in: .whitespaces) {
            if word != "none" {
                report(.wrongType, "expected `none` or a mapping with `atFractionOfLimit` or `levels`, found `\(word)`",
                       at: node.mark, path)
            }
            return .none
        }
        let section = fields(node, path, allowed: ["atFractionOfLimit", "levels"])
        // `levels` replaces the short form: a file extending the baseline (or a variant) merges
        // its levels into the baseline's `{atFractionOfLimit: 0.75}`.
        if let levels = section["levels"] {
            return Escalation(levels: readLevels(levels, section.path("levels")))
        }
        return .atFractionOfLimit(levelShare(section["atFractionOfLimit"], section.path("atFractionOfLimit")) ?? 0.75)
    }

    private mutating func readLevels(_ node: DocumentNode, _ path: String) -> [EscalationLevel] {
        var levels: [EscalationLevel] = []
        for (item, itemPath) in items(node, path) {
            guard levels.count < Self.mostLevels else {
                report(.invalidValue, "at most \(Self.mostLevels) escalation levels", at: item.mark, itemPath)
                break
            }
            guard let level = readLevel(item, itemPath) else { continue }
            if levels.contains(where: { $0.name == level.name }), let mark = item["name"]?.mark {
                report(.inconsistent, "another level is already called `\(level.name)`", at: mark, Fields.child(itemPath, "name"))
            }
            levels.append(level)
        }
        return levels
    }

    private mutating func readLevel(_ node: DocumentNode, _ path: String) -> EscalationLevel? {
        let entry = fields(node, path, allowed: Self.levelKeys, required: ["name"])
        guard let name = entry["name"].flatMap({ text($0, entry.path("name")) }),
              let threshold = levelThreshold(entry, node) else { return nil }
        return EscalationLevel(
            name: name, threshold: threshold,
            tiers: names(entry["tiers"], entry.path("tiers"), among: catalogue.tiers.map(\.key) + [RuleCatalogue.untiered], what: "tier"),
            afterSalesLevels: names(entry["afterSales"], entry.path("afterSales"),
                                    among: catalogue.afterSalesLevels.map(\.key), what: "after-sales level"),
            raisesPriority: flag(entry["raisePriority"], entry.path("raisePriority")),
            callsOut: flag(entry["callOut"], entry.path("callOut")),
            notify: notice(entry["notify"], entry.path("notify")),
            informsAccountManager: flag(entry["informAccountManager"], entry.path("informAccountManager")))
    }

    /// Exactly one of `atFractionOfLimit`, `after`, `afterSalesStep`.
    private mutating func levelThreshold(_ entry: Fields, _ node: DocumentNode) -> EscalationLevel.Threshold? {
        let given = Self.thresholdKeys.filter { entry[$0] != nil }
        guard given.count == 1 else {
            let what = given.isEmpty ? "needs" : "takes only one of"
            report(given.isEmpty ? .missingKey : .inconsistent,
                   "a level \(what) `atFractionOfLimit` (a share of the limit), `after` (a time) or `afterSalesStep` "
                   + "(a step of the after-sales level's escalateAfter)", at: entry.mark ?? node.mark, entry.path)
            return nil
        }
        switch given[0] {
        case "atFractionOfLimit":
            return levelShare(entry["atFractionOfLimit"], entry.path("atFractionOfLimit")).map { .fractionOfLimit($0) }
        case "after":
            let before = problems.count
            let time = span(entry["after"], entry.path("after"), default: .zero)
            if time <= .zero, problems.count == before, let node = entry["after"] {
                report(.invalidValue, "must be above 0 (a ticket cannot escalate before it is reported)", at: node.mark,
                       entry.path("after"))
            }
            return time > .zero ? .after(time) : nil
        default:
            return .afterSalesStep(count(entry["afterSalesStep"], entry.path("afterSalesStep"), default: 1, minimum: 1))
        }
    }

    /// A share in (0, 1]; nil after reporting a zero.
    private mutating func levelShare(_ node: DocumentNode?, _ path: String) -> Double? {
        let fraction = share(node, path, default: 0.75)
        if fraction == 0, let node {
            report(.invalidValue, "must be above 0 (a ticket cannot escalate before it exists)", at: node.mark, path)
            return nil
        }
        return fraction
    }

    /// `true` or `false`; false when absent.
    private mutating func flag(_ node: DocumentNode?, _ path: String) -> Bool {
        guard let node, let word = text(node, path) else { return false }
        switch word.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.wrongType, "expected `true` or `false`, found `\(word)`", at: node.mark, path)
            return false
        }
    }

    /// A list of known names; nil when absent.
    mutating func names(_ node: DocumentNode?, _ path: String, among options: [String], what: String) -> Set<String>? {
        guard let node else { return nil }
        let entries: [(node: DocumentNode, path: String)] = node.sequence == nil ? [(node, path)] : items(node, path)
        return Set(entries.compactMap { reference($0.node, $0.path, among: options, what: what) })
    }

    /// `{who: agent | dutyManager, work: distribution}`.
    private mutating func notice(_ node: DocumentNode?, _ path: String) -> EscalationLevel.Notice? {
        guard let node else { return nil }
        let section = fields(node, path, allowed: ["who", "work"], required: ["who", "work"])
        let who = section["who"].flatMap {
            reference($0, section.path("who"), among: EscalationLevel.Notified.allCases.map(\.rawValue), what: "notified role")
        }.flatMap(EscalationLevel.Notified.init(rawValue:))
        guard let who, let work = distribution(section["work"], section.path("work")) else { return nil }
        return EscalationLevel.Notice(who: who, work: work)
    }
}
