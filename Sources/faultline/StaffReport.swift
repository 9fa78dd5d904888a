import Experiments
import Foundation
import Scenario

/// The `staff` report: staffing table, yearly cost, targets and the compliance-versus-staff curve.
enum StaffReport {
    /// What every renderer needs.
    struct Context {
        var scenarioFile: String
        var scenario: Scenario
        var result: StaffSearchResult
        var wallSeconds: Double
        var threads: Int
    }

    static func terminal(_ context: Context) -> String {
        let result = context.result
        var lines = [
            "faultline staff · \(context.scenarioFile) · `\(context.scenario.name)` · confidence \(TextFormat.fixed(result.confidence * 100, 0)) % · "
                + "search \(result.searchReplications) replications (seed \(result.searchSeed)) · verification \(result.verifyReplications) "
                + "fresh (seed \(result.verifySeed)) · \(result.evaluations) plans simulated · \(TextFormat.fixed(context.wallSeconds, 1)) s on \(context.threads) threads",
            "",
        ]
        lines += staffingTable(result)
        lines.append("")
        lines += costTable(result)
        lines.append("")
        lines += targetTable(result)
        lines.append("")
        lines += curveTable(result)
        lines.append("")
        lines.append(verdict(result))
        return lines.joined(separator: "\n")
    }

    /// Units on duty per roster line: current, analytic start, recommended.
    static func staffingTable(_ result: StaffSearchResult) -> [String] {
        let widths = [8, 8, 12, 16]
        var lines = [TextFormat.row("staffing (units on duty per roster line)", labelWidth: 44,
                                    ["current", "start", "recommended", "cost/unit/yr"], widths: widths)]
        let start = result.curve[0].plan
        for unit in result.units {
            lines.append(TextFormat.row("\(unit.group.padding(toLength: 14, withPad: " ", startingAt: 0)) \(unit.shift)", labelWidth: 44, [
                String(capacity(result.current.plan, unit)), String(capacity(start, unit)),
                String(capacity(result.recommended, unit)), TextFormat.money(unit.costPerYear),
            ], widths: widths))
        }
        return lines
    }

    /// StaffCostPlan lines of the current staffing and the recommendation, and the totals.
    static func costTable(_ result: StaffSearchResult) -> [String] {
        let widths = [16, 16, 16]
        var lines = [TextFormat.row("cost per year", labelWidth: 20, ["current", "recommended", "difference"], widths: widths)]
        for (current, recommended) in zip(result.currentCost.lines, result.recommendedCost.lines) {
            lines.append(TextFormat.row(current.group, labelWidth: 20, [
                TextFormat.money(current.costPerYear), TextFormat.money(recommended.costPerYear),
                TextFormat.money(recommended.costPerYear - current.costPerYear),
            ], widths: widths))
        }
        let current = result.currentCost.totalPerYear, recommended = result.recommendedCost.totalPerYear
        lines.append(TextFormat.row("total", labelWidth: 20, [
            TextFormat.money(current), TextFormat.money(recommended), TextFormat.money(recommended - current),
        ], widths: widths))
        return lines
    }

    /// Each target: the current staffing and the recommendation on the search replications,
    /// then the recommendation on fresh ones; estimate / bound.
    static func targetTable(_ result: StaffSearchResult) -> [String] {
        let widths = [24, 24, 24, 6, 6]
        var lines = [TextFormat.row("target (estimate / bound)", labelWidth: 36,
                                    ["current (search)", "recommended (search)", "recommended (fresh)", "holds", "binds"], widths: widths)]
        let last = result.curve[result.curve.count - 1]
        for (index, target) in result.targets.enumerated() {
            lines.append(TextFormat.row(target.description, labelWidth: 36, [
                judged(result.current.judgements[index]), judged(last.judgements[index]), judged(result.verification[index]),
                result.verification[index].noData ? "n/a" : (result.verification[index].holds ? "yes" : "NO"),
                result.binds(index) ? "yes" : "",
            ], widths: widths))
        }
        for (index, units) in result.bindingUnits.enumerated() where !units.isEmpty {
            let names = units.prefix(6).map { result.units[$0].description }
            let more = units.count > 6 ? " and \(units.count - 6) more" : ""
            lines.append("  \(result.targets[index]) fails without one of: \(names.joined(separator: "; "))\(more)")
        }
        let shown = result.current.judgements + last.judgements + result.verification
        if shown.contains(where: { !$0.exact && !$0.noData }) {
            lines.append("  ~ the most extreme value stands in for the bound: too few replications for an order-statistic bound")
        }
        lines.append("  search bounds keep room for the fresh check (docs/staff.md, planning margin)")
        return lines
    }

    /// The search path: every step's cost and each target's estimate.
    static func curveTable(_ result: StaffSearchResult) -> [String] {
        let targetWidth = max(14, result.targets.map { $0.description.count }.max() ?? 0)
        let widths = [16] + result.targets.map { _ in targetWidth } + [9]
        var lines = ["compliance versus staff (search path; each target's estimate on the search replications)",
                     TextFormat.row("step  move", labelWidth: 46, ["cost/yr"] + result.targets.map(\.description) + ["all hold"],
                                    widths: widths)]
        for (number, step) in result.curve.enumerated() {
            let label = "\(String(number).padding(toLength: 4, withPad: " ", startingAt: 0))  \(moveText(step.move, result))"
            lines.append(TextFormat.row(label, labelWidth: 46,
                                        [TextFormat.money(step.costPerYear)] + step.judgements.map { value($0.estimate, $0.target) }
                                            + [step.allHold ? "yes" : "no"], widths: widths))
        }
        return lines
    }

    static func verdict(_ result: StaffSearchResult) -> String {
        let stop: String
        switch result.stop {
        case .met: stop = "every target held in the search"
        case .stalled: stop = "the search stalled: no single unit improved the failing targets (out of staffing's reach?)"
        case .stepLimit: stop = "the search reached its step limit"
        case .costLimit: stop = "the search stopped at 3× the cost of the current staffing with targets still failing (out of staffing's reach?)"
        }
        let failing = result.verification.filter { !$0.holds }.map(\.target.description)
        let unjudgeable = result.unjudgeable.map(\.description)
        var fresh = failing.isEmpty
            ? "every judgeable target holds on \(result.verifyReplications) fresh replications"
            : "on \(result.verifyReplications) fresh replications these fail: \(failing.joined(separator: ", "))"
        if unjudgeable.isEmpty { fresh = fresh.replacingOccurrences(of: "every judgeable target", with: "every target") }
        else { fresh += "; not judgeable (no replication had a value): \(unjudgeable.joined(separator: ", "))" }
        return "result: \(stop); \(fresh)"
    }

    /// `start (analytic)`, `+ crews.east Mon-Fri 08:30-17:30`, `− agents 00:00-08:00`.
    static func moveText(_ move: StaffStep.Move, _ result: StaffSearchResult) -> String {
        switch move {
        case .current: return "current staffing"
        case .start: return "start (analytic estimate)"
        case .add(let unit, let count): return (count == 1 ? "+ " : "+\(count) ") + "\(result.units[unit])"
        case .remove(let unit): return "− \(result.units[unit])"
        }
    }

    /// `93.12 % / 92.80 %`, with `~` before an inexact bound; `n/a` without data.
    static func judged(_ judgement: TargetJudgement) -> String {
        guard let bound = judgement.bound else { return "n/a" }
        return value(judgement.estimate, judgement.target) + " / " + (judgement.exact ? "" : "~") + value(bound, judgement.target)
    }

    /// A figure in the metric's unit.
    static func value(_ number: Double?, _ target: StaffTarget) -> String {
        guard let number else { return "n/a" }
        switch target.metric.unit {
        case "share": return TextFormat.fixed(number * 100, 2) + " %"
        case "currency/year": return TextFormat.grouped(Int(number.rounded()))
        default: return TextFormat.fixed(number, 2)
        }
    }

    /// Units on `unit`'s line in `plan`.
    static func capacity(_ plan: StaffingPlan, _ unit: StaffUnit) -> Int {
        switch unit.pool {
        case .crews(let region): return plan.crewLines[region][unit.line].capacity
        case .agents: return plan.agentLines[unit.line].capacity
        }
    }
}
