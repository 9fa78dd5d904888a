import Experiments
import HTMLReport
import Scenario

/// The report of `faultline staff`: the staffing per roster line (today, the analytic start,
/// the recommendation), the staff cost per year of today's staffing and of the recommendation
/// (rosters + measured call-outs), every target's estimate and bound, the search path and the
/// targets that bind, with the HTML charts.
public struct StaffReport: Sendable {
    /// The scenario file.
    public var scenarioFile: String
    /// The scenario's name.
    public var scenarioName: String
    /// What the search found.
    public var result: StaffSearchResult
    /// Wall-clock time and threads.
    public var timing: Timing

    /// The report's inputs.
    public init(scenarioFile: String, scenarioName: String, result: StaffSearchResult, timing: Timing) {
        self.scenarioFile = scenarioFile
        self.scenarioName = scenarioName
        self.result = result
        self.timing = timing
    }

    /// The report.
    public var report: Report {
        Report(
            command: "staff", title: "FaultLine staff · \(scenarioName)", context: context, keyFigures: keyFigures,
            sections: [staffingSection, costSection, targetSection, curveSection, bindingSection, verdictSection],
            notes: [.targetBound, .staffCost, .studentT],
            document: StaffDocument(scenarioFile: scenarioFile, scenarioName: scenarioName, result: result), timing: timing)
    }

    var context: [String] {
        [scenarioFile, "`\(scenarioName)`", "confidence \(confidenceText)",
         "search \(plural(result.searchReplications, "replication")) per plan (seed \(result.searchSeed))",
         "verification \(result.verifyReplications) fresh (seed \(result.verifySeed))",
         "\(result.evaluations) plans simulated"]
    }

    var confidenceText: String {
        let percent = result.confidence * 100
        return NumberText.percent(result.confidence, percent == percent.rounded() ? 0 : 1)
    }

    var keyFigures: [KeyFigure] {
        let today = result.currentCost.totalPerYear.mean, recommended = result.recommendedCost.totalPerYear.mean
        let change = recommended - today
        let held = result.verification.filter(\.holds).count
        return [
            KeyFigure("recommended staff cost per year", .text(NumberText.compact(recommended)),
                      detail: "today \(NumberText.compact(today)); rosters, call-outs and monthly reports at the scenario's rates"),
            KeyFigure("change against today", .text((change > 0 ? "+" : change < 0 ? "−" : "") + NumberText.compact(abs(change))),
                      detail: today > 0 ? "\(change >= 0 ? "+" : "−")\(NumberText.percent(abs(change) / today)) per year" : "per year"),
            KeyFigure("targets verified", .text(result.verified ? "yes" : "no"),
                      detail: "\(held) of \(result.targets.count) hold on \(result.verifyReplications) fresh replications"),
            KeyFigure("units changed", .count(unitsChanged), detail: "heads moved across \(result.units.count) roster lines"),
        ]
    }

    /// Heads added plus heads removed, over every roster line, from today to the recommendation.
    var unitsChanged: Int {
        result.units.reduce(0) { $0 + abs(result.recommended.capacity(of: $1) - result.current.plan.capacity(of: $1)) }
    }

    // MARK: Staffing

    var staffingSection: Section {
        let rows = result.units.map { unit -> [Cell] in
            let today = result.current.plan.capacity(of: unit), recommended = result.recommended.capacity(of: unit)
            return [.text(unit.group), .text(unit.shift), .count(today), .count(result.start.plan.capacity(of: unit)),
                    .count(recommended), .count(recommended - today), .money(unit.costPerYear)]
        }
        let columns = [Column("staff group", csv: "group"), Column("shift"), Column("today", csv: "current"),
                       Column("analytic start", csv: "start"), Column("recommended"), Column("change"),
                       Column("cost per head / year", csv: "cost_per_unit_per_year")]
        return Section(
            id: "staffing", title: "Staffing per region and shift",
            lead: "crews on duty per region and roster line, and monitoring-centre agents"
                + (result.units.contains { $0.pool == .remoteEngineers } ? " and remote-fix engineers" : "")
                + " per shift: today, the analytic start of the search, the recommendation",
            blocks: [.table(Table(csvName: "staffing", columns: columns, rows: rows)),
                     .text("On-call rosters are not searched and keep today's crews; their on-call hours are in the costs.")])
    }

    // MARK: Cost

    /// Roster lines, measured call-outs and the total, today against the recommendation.
    var costSection: Section {
        let today = result.currentCost, recommended = result.recommendedCost
        var rows = zip(today.roster.lines, recommended.roster.lines).map { current, proposed -> [Cell] in
            [.text(current.group), .number(current.hoursPerYear, .hours), .money(current.costPerYear),
             .number(proposed.hoursPerYear, .hours), .money(proposed.costPerYear), .money(proposed.costPerYear - current.costPerYear)]
        }
        rows += calloutPairs.map { group, current, proposed -> [Cell] in
            [.text(group), .estimate(current?.hoursPerYear, .hours, of: result.searchReplications),
             .estimate(current?.costPerYear, .money, of: result.searchReplications),
             .estimate(proposed?.hoursPerYear, .hours, of: result.verifyReplications),
             .estimate(proposed?.costPerYear, .money, of: result.verifyReplications),
             .money((proposed?.costPerYear.mean ?? 0) - (current?.costPerYear.mean ?? 0))]
        }
        rows.append([.text("total"), .number(nil, .hours), total(today, of: result.searchReplications),
                     .number(nil, .hours), total(recommended, of: result.verifyReplications),
                     .money(recommended.totalPerYear.mean - today.totalPerYear.mean)])
        let columns = [Column("staff cost per year", csv: "group"), Column("hours today", csv: "current_hours_per_year"),
                       Column("today", csv: "current_cost_per_year"), Column("hours recommended", csv: "recommended_hours_per_year"),
                       Column("recommended", csv: "recommended_cost_per_year"), Column("difference", csv: "difference_per_year")]
        return Section(
            id: "cost", title: "Staff cost per year",
            lead: "roster hours at the scenario's rates, plus the call-outs measured today on the search replications and for "
                + "the recommendation on the fresh ones",
            blocks: [.table(Table(csvName: "costs", columns: columns, rows: rows, emphasisedRows: [rows.count - 1]))])
    }

    /// A staff cost's total: an estimate when it has measured call-outs, else an exact amount.
    func total(_ cost: StaffCost, of replications: Int) -> Cell {
        cost.callouts.isEmpty ? .money(cost.totalPerYear.mean) : .estimate(cost.totalPerYear, .money, of: replications)
    }

    /// The call-out lines of today and of the recommendation, matched by group.
    var calloutPairs: [(String, StaffCost.Callout?, StaffCost.Callout?)] {
        let groups = (result.currentCost.callouts + result.recommendedCost.callouts).map(\.group)
        var seen = Set<String>()
        return groups.filter { seen.insert($0).inserted }.map { group in
            (group, result.currentCost.callouts.first { $0.group == group },
             result.recommendedCost.callouts.first { $0.group == group })
        }
    }

    // MARK: Verdict

    var verdictSection: Section {
        let stop: String
        switch result.stop {
        case .met: stop = "every target held in the search"
        case .stalled: stop = "the search stalled: no single unit improved the failing targets (out of staffing's reach?)"
        case .stepLimit: stop = "the search reached its step limit"
        case .costLimit:
            stop = "the search stopped at 3× the cost of the current staffing with targets still failing (out of staffing's reach?)"
        case .unreachable: stop = "no target was left to search for, so today's staffing is kept"
        }
        let outOfReach = result.unreachable.isEmpty ? "" : Self.outOfReachText(result) + "; "

        let failing = result.verification.filter { !$0.holds }.map(\.target.description)
        let fresh = failing.isEmpty
            ? "every target holds on \(result.verifyReplications) fresh replications"
            : "on \(result.verifyReplications) fresh replications these fail: \(failing.joined(separator: ", "))"
        return Section(id: "result", title: "Result", blocks: [.text("\(outOfReach)\(stop); \(fresh)")])
    }

    /// `out of staffing's reach, failing even at the reach check's ample staffing (docs/staff.md):
    /// credits.p95 <= 5000000 (bound 5.8M); the search pursued the others`.
    static func outOfReachText(_ result: StaffSearchResult) -> String {
        let targets = result.unreachable.map { index -> String in
            let bound = result.ample?.judgements[index].bound
            let unit = result.targets[index].metric.unit
            return "\(result.targets[index]) (bound \(bound.map { unit == .money ? NumberText.compact($0) : CellText.number($0, unit) } ?? "—"))"
        }
        return "out of staffing's reach, failing even at the reach check's ample staffing (docs/staff.md): "
            + targets.joined(separator: ", ") + (result.unreachable.count < result.targets.count ? "; the search pursued the others" : "")
    }
}
