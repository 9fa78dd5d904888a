import Experiments
import HTMLReport

/// The targets of `staff`: each target's estimate and bound today, for the recommendation on
/// the search replications and on fresh ones; the search path; and the targets that bind.
extension StaffReport {
    /// The judgements of every target, by phase name (as in targets.csv) and chart label: today,
    /// the ample plan when the reach check ran, the recommendation, its verification.
    var phases: [(name: String, label: String, judgements: [TargetJudgement])] {
        [("current_search", "today", result.current.judgements)]
            + (result.ample.map { [("ample_search", "ample staffing", $0.judgements)] } ?? [])
            + [("recommended_search", "recommended", result.recommendedStep.judgements),
               ("recommended_fresh", "verified (fresh)", result.verification)]
    }

    var targetSection: Section {
        let rows = result.targets.indices.flatMap { index in
            phases.map { phase -> [Cell] in
                let judged = phase.judgements[index], unit = result.targets[index].metric.unit
                return [.text(result.targets[index].description), .text(phase.name), .count(judged.replications),
                        .number(judged.estimate, unit), .number(judged.bound, unit), .text(String(judged.exact)),
                        .text(String(judged.holds)), .text(String(result.binds(index)))]
            }
        }
        let columns = ["target", "phase", "replications", "estimate", "bound", "exact", "holds", "binds"].map { Column($0) }
        var blocks: [Block] = [
            .charts(result.targets.indices.map(targetChart), columns: result.targets.count > 1 ? 2 : 1,
                    caption: "Each target's estimate (dot) and its one-sided \(confidenceText) confidence bound (end of the "
                        + "whisker) against the threshold (dashed line)."),
            .table(Table(csvName: "targets", columns: columns, rows: rows)),
            .text("Search bounds keep room for the fresh check to pass too (planning margin, docs/staff.md)."),
        ]
        let inexact = phases.flatMap(\.judgements).contains { !$0.exact && !$0.noData }
        if inexact {
            blocks.append(.text("exact false: the most extreme value stands in for the bound, too few replications for an "
                                + "order-statistic bound on that percentile."))
        }
        return Section(
            id: "targets", title: "Targets and their verified estimates",
            lead: "today and the recommendation on the search's replications, then the recommendation on "
                + "\(result.verifyReplications) fresh ones; a target holds when its bound is on the threshold's side",
            blocks: blocks)
    }

    /// Today, the recommendation and its verification, each an estimate with a whisker to its bound.
    func targetChart(_ index: Int) -> ChartSpec {
        let target = result.targets[index]
        let judged = phases.map { $0.judgements[index] }
        var chart = IntervalChart(
            categories: phases.map(\.label),
            series: [.init(name: "estimate", intervals: judged.map(Self.interval))],
            axis: AxisLabel("\(target.metric)" + (target.statistic == .mean ? "" : " " + target.statistic.name),
                            unit: Self.axisUnit(target), format: Self.format(target)),
            target: ReferenceLine(value: target.threshold, label: ""),
            bounds: target.metric.unit == .share ? 0...1 : nil)
        let verified = result.verification[index]
        chart.showsValues = true
        let verdict = result.unreachable.contains(index) ? "out of staffing's reach"
            : verified.noData ? "no data" : verified.holds ? "holds" : "fails"
        chart.title = "\(target) · \(verdict)"
        chart.width = 540
        chart.height = 320
        return .interval(chart, label: "Target \(target.description)")
    }

    /// The estimate with a one-sided whisker to the bound; nil without data.
    static func interval(_ judgement: TargetJudgement) -> IntervalChart.Interval? {
        guard let estimate = judgement.estimate, let bound = judgement.bound else { return nil }
        return IntervalChart.Interval(value: estimate, lower: min(estimate, bound), upper: max(estimate, bound))
    }

    /// How a target's figures are drawn: shares in %, money in k/M, counts as numbers.
    static func format(_ target: StaffTarget) -> ValueFormat {
        switch target.metric.unit {
        case .share: return .percent(1)
        case .money: return .compactMoney
        default: return .number(1)
        }
    }

    /// The axis unit: `%`, `per year`.
    static func axisUnit(_ target: StaffTarget) -> String {
        target.metric.unit == .money ? "per year" : target.metric.unit.symbol
    }

    // MARK: Search path

    var curveSection: Section {
        let rows = result.curve.enumerated().map { number, step -> [Cell] in
            [.count(number), .text(result.text(of: step.move)), .money(step.costPerYear)]
                + step.judgements.map { .number($0.estimate, $0.target.metric.unit) } + [.text(step.allHold ? "yes" : "no")]
        }
        let columns = [Column("step"), Column("move"), Column("roster cost / year")]
            + result.targets.map { Column($0.description) } + [Column("all hold")]
        return Section(
            id: "curve", title: "Compliance against staff cost",
            lead: "each plan of the search and its targets' estimates on the search replications: heads added with the best "
                + "gain per cost until every target holds, then trimmed while they all still hold",
            blocks: [.charts(result.targets.indices.map(curveChart), columns: 1,
                             caption: "Estimates on the search replications; the band runs from each estimate to its one-sided "
                                + "bound. Dotted lines: today's staffing (its own dot) and the recommendation (the last plan)."),
                     .table(Table(columns: columns, rows: rows, emphasisedRows: [rows.count - 1])),
                     .table(curveCSVTable)])
    }

    /// `curve.csv`: one row per step and target, for programs.
    var curveCSVTable: Table {
        let rows = result.curve.enumerated().flatMap { number, step in
            step.judgements.map { judged -> [Cell] in
                [.count(number), .text(result.text(of: step.move)), .money(step.costPerYear), .text(judged.target.description),
                 .number(judged.estimate, judged.target.metric.unit), .number(judged.bound, judged.target.metric.unit),
                 .text(String(judged.holds))]
            }
        }
        let columns = [Column("step"), Column("move"), Column("roster cost / year", csv: "roster_cost_per_year"), Column("target"),
                       Column("estimate"), Column("bound"), Column("holds")]
        return Table(csvName: "curve", columns: columns, rows: rows, isShownToPeople: false)
    }

    /// A target's estimate at every plan of the path against the plan's roster cost: the
    /// additions and the trim as two lines, today and the recommendation marked.
    func curveChart(_ index: Int) -> ChartSpec {
        let target = result.targets[index]
        let series = (curvePhases + [("today", [result.current])]).map { phase in
            LineChart.Series(name: phase.name, points: phase.steps.compactMap { step in
                let judged = step.judgements[index]
                guard let estimate = judged.estimate, let bound = judged.bound else { return nil }
                return LineChart.Point(x: step.costPerYear, y: estimate, lower: min(estimate, bound), upper: max(estimate, bound))
            })
        }.filter { !$0.points.isEmpty }
        let format = Self.format(target)
        var chart = LineChart(
            series: series,
            xAxis: AxisLabel("Staff cost per year", unit: "rosters", format: .compactMoney),
            yAxis: AxisLabel(target.description, unit: Self.axisUnit(target), format: format),
            target: ReferenceLine(value: target.threshold, label: "threshold \(format.text(target.threshold))"))
        let today = result.current.costPerYear, recommended = result.recommendedStep.costPerYear
        chart.markers = [ReferenceLine(value: today, label: "today \(NumberText.compact(today))"),
                         ReferenceLine(value: recommended, label: "recommended \(NumberText.compact(recommended))")]
        chart.height = 360
        return .line(chart, label: "Compliance against staff cost, \(target.description)")
    }

    /// The search path split where the trim starts: the start and each addition, then the last
    /// addition and each removal (so the two lines meet).
    var curvePhases: [(name: String, steps: [StaffStep])] {
        let firstRemoval = result.curve.firstIndex { if case .remove = $0.move { return true } else { return false } }
        guard let firstRemoval else { return [("adding heads", result.curve)] }
        return [("adding heads", Array(result.curve[..<firstRemoval])),
                ("trimming heads", Array(result.curve[(firstRemoval - 1)...]))]
    }

    // MARK: Binding targets

    var bindingSection: Section {
        let rows = result.targets.indices.map { index -> [Cell] in
            let verified = result.verification[index]
            let units = result.bindingUnits[index].map { result.units[$0].description }
            return [.text(result.targets[index].description), .text(result.binds(index) ? "yes" : "no"),
                    .share(verified.noData ? nil : verified.slack),
                    .text(units.isEmpty ? CellText.missing : listed(units, limit: 6, separator: "; "))]
        }
        let binding = result.targets.indices.filter { result.binds($0) }.map { result.targets[$0].description }
        return Section(
            id: "binding", title: "Which targets bind",
            lead: binding.isEmpty
                ? "no target binds: each has room to spare at the recommendation"
                : "the staffing is set by \(binding.joined(separator: ", ")); loosen these to save staff",
            blocks: [.table(Table(columns: [Column("target"), Column("binds"), Column("slack of the fresh bound"),
                                            Column("fails without one of")], rows: rows)),
                     .text("A target binds when removing a head during the trim made it fail, or when its fresh bound is "
                           + "within 0.5 % of the threshold. Slack: how far the bound is on the good side, relative to "
                           + "the threshold (negative: short by that much).")])
    }
}
