import Foundation
import Scenario
import ServiceRules
import Experiments

/// A mix at the staffing it needs, as a scenario file a planner can run on its own
/// (`faultline run mix.yaml`): it `extends:` the base scenario and restates only what the mix
/// changed — inventory rows (a row the mix dropped is `null`), fault rates, installation orders —
/// and the recommended rosters (`StaffingPlan.overrideYAML`).
public enum MixScenarioFile {
    /// The file's text.
    /// - Parameters:
    ///   - mix: the mix's scenario (the base transformed).
    ///   - base: the base scenario.
    ///   - extending: the base's path as the file should name it (relative to the file's folder).
    ///   - name: the scenario's name.
    ///   - staffing: the rosters to write.
    public static func yaml(mix: Scenario, base: Scenario, extending: String, name: String, staffing: StaffingPlan) -> String {
        var text = staffing.overrideYAML(extending: extending, name: name, scenario: mix)
        text = text.replacingOccurrences(
            of: "# Written by `faultline staff`: the recommended staffing, everything else from the base scenario.",
            with: "# Written by `faultline study`: a mix with the staffing it needs; what the mix changed is restated below.")
        text += inventory(mix, base)
        text += faults(mix, base)
        if mix.installs.perDay != base.installs.perDay { text += "installs:\n  perDay: \(mix.installs.perDay)\n" }
        return text
    }

    /// The rows that differ from the base's, in the mix's order, then the base's rows the mix dropped.
    static func inventory(_ mix: Scenario, _ base: Scenario) -> String {
        let baseRows = Dictionary(base.inventory.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let mixIDs = Set(mix.inventory.map(\.id))
        var lines = mix.inventory.filter { baseRows[$0.id] != $0 }.map { "  \(quoted($0.id)): \(row($0))" }
        lines += base.inventory.filter { !mixIDs.contains($0.id) }.map { "  \(quoted($0.id)): null" }
        return lines.isEmpty ? "" : "inventory:\n" + lines.joined(separator: "\n") + "\n"
    }

    /// One inventory row in flow style, every key written.
    static func row(_ row: InventoryClass) -> String {
        var fields = ["product: \(quoted(row.product))"]
        if let tier = row.tier { fields.append("tier: \(quoted(tier))") }
        fields += ["grade: \(row.customerGrade.rawValue)", "region: \(quoted(row.region))", "circuits: \(row.circuits)",
                   "monthlyFee: \(row.monthlyFee)", "networkGrade: \(quoted(row.networkGrade))",
                   "afterSales: \(quoted(row.afterSalesLevel))"]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// The fault rates of every product whose rates the mix changed.
    static func faults(_ mix: Scenario, _ base: Scenario) -> String {
        let changed = mix.faults.rates.keys.sorted().filter { mix.faults.rates[$0] != base.faults.rates[$0] }
        guard !changed.isEmpty else { return "" }
        let lines = changed.map { product -> String in
            let rates = mix.faults.rates[product]!.perCircuitYear
            let fields = NetworkSegment.allCases.compactMap { segment in rates[segment].map { "\(segment.rawValue): \($0)" } }
            return "    \(quoted(product)): {" + fields.joined(separator: ", ") + "}"
        }
        return "faults:\n  rates:\n" + lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The path of `file` as seen from `folder` (both as given, relative to the working folder
    /// or absolute), for an `extends:` that keeps working when the folders move together.
    public static func relativePath(of file: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let start = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let common = zip(target, start).prefix { $0 == $1 }.count
        let steps = Array(repeating: "..", count: start.count - common) + target.dropFirst(common)
        return steps.joined(separator: "/")
    }
}

extension StudyRun {
    /// The recommended staffing of a record as a plan of `scenario`'s roster lines.
    public func recommendedPlan(_ record: MixRecord, for scenario: Scenario) -> StaffingPlan? {
        let search = StaffSearch(scenario: scenario, targets: definition.targets, confidence: confidence,
                                 searchReplications: searchReplications, searchSeed: seed, verifyReplications: verifyReplications,
                                 verifySeed: seed &+ 1)
        return Self.plan(record.staffing, for: scenario, search: search)
    }
}
