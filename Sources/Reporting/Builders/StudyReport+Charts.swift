import Experiments
import HTMLReport
import SimCore
import Study

/// The study's charts (HTML only): cost against compliance with the frontier, stacked yearly
/// cost per mix, and over a two-axis grid the heat maps of cost and of the binding target.
extension StudyReport {
    var chartsSection: Section {
        var blocks: [Block] = [
            .chart(.scatter(frontier, label: "Yearly cost against restoration compliance, one point per mix"),
                   caption: "Each mix at the staffing it needs: yearly cost (staff, claimed credits, protection) against the share "
                       + "of tickets restored in time, with 95 % intervals; the dashed steps join the mixes no other mix beats "
                       + "on both. The hollow point is the base."),
            .chart(.stackedBar(stackedCost, label: "Yearly cost per mix, stacked"),
                   caption: "Staff, claimed credits and protection per year at the staffing each mix needs."),
        ]
        if let grid = gridCharts {
            let numbered = results.targets.enumerated().map { "#\($0 + 1) \($1)" }.joined(separator: ", ")
            blocks.append(.charts(grid, columns: 1, caption: "Over the grid: the roster cost each point needs, and the target that "
                + "sets it (the binding one with the least slack; — when none binds): \(numbered)."))
        }
        return Section(id: "charts", title: "Cost against compliance", blocks: blocks)
    }

    /// Yearly cost against restoration compliance at the staffing needed.
    var frontier: ScatterChart {
        let points = records.enumerated().map { index, record -> ScatterChart.Point in
            let cost = Estimate(record.recommended.yearlyCost)
            let compliance = record.recommended.estimate("restoration")
            return ScatterChart.Point(
                label: record.name, x: cost?.mean ?? 0, y: compliance?.mean ?? 0,
                xHalfWidth: cost.flatMap(finiteHalfWidth), yHalfWidth: compliance.flatMap(finiteHalfWidth), isReference: index == 0)
        }
        var chart = ScatterChart(points: points, xAxis: AxisLabel("Yearly cost at the staffing needed", unit: "per year", format: .compactMoney),
                                 yAxis: AxisLabel("Restoration in time, all tiers", unit: "%", format: .percent(1)))
        chart.yBounds = 0...1
        return chart
    }

    func finiteHalfWidth(_ estimate: Estimate) -> Double? {
        estimate.hasInterval && estimate.halfWidth.isFinite ? estimate.halfWidth : nil
    }

    /// Staff, claimed credits and protection per mix.
    var stackedCost: StackedBarChart {
        let bars = records.map { record -> StackedBarChart.Bar in
            let figures = record.recommended
            let claimed = figures.estimate("claimedCredits")?.mean ?? 0
            return StackedBarChart.Bar(label: record.name, values: [figures.staffCostPerYear.mean, claimed, figures.protectionPerYear])
        }
        return StackedBarChart(parts: ["staff", "claimed credits", "protection"], bars: bars,
                               axis: AxisLabel("Cost per year", unit: "currency", format: .compactMoney))
    }

    /// With a grid of two axes: heat maps of the roster cost needed and of the binding target.
    var gridCharts: [ChartSpec]? {
        let axes = results.gridAxes
        guard axes.count == 2 else { return nil }
        let grid = records.filter { $0.gridPoint.count == 2 }
        func record(_ row: Double, _ column: Double) -> MixRecord? { grid.first { $0.gridPoint == [row, column] } }
        let rowLabels = axes[0].values.map { "\(axes[0].name) \(Self.axisText($0))" }
        let columnLabels = axes[1].values.map(Self.axisText)
        let costs = axes[0].values.map { row in axes[1].values.map { record(row, $0)?.staffing.rosterCostPerYear } }
        let known = costs.flatMap { $0.compactMap { $0 } }
        var cost = HeatmapChart(title: "Roster cost needed per year", values: costs, rowLabels: rowLabels, columnLabels: columnLabels,
                                domain: (known.min() ?? 0)...max(known.max() ?? 1, (known.min() ?? 0) + 1),
                                axis: AxisLabel("Roster cost per year", unit: "currency", format: .compactMoney),
                                columnTitle: axes[1].name)
        cost.columnLabelStep = 1
        cost.cellText = { NumberText.compact($0) }
        cost.emptyLabel = Self.noMix
        let targets = results.targets
        let bindingIndex = axes[0].values.map { row in
            axes[1].values.map { column -> Double? in record(row, column).map { Double(bindingTarget($0, among: targets)) } }
        }
        var binding = HeatmapChart(title: "Target that sets the staffing", values: bindingIndex, rowLabels: rowLabels,
                                   columnLabels: columnLabels, domain: -1...Double(max(1, targets.count - 1)),
                                   axis: AxisLabel("Binding target (number in the targets table)", unit: "", format: .number(0)),
                                   columnTitle: axes[1].name)
        binding.columnLabelStep = 1
        binding.cellText = { $0 < 0 ? "—" : "#\(Int($0) + 1)" }
        binding.categories = Self.bindingCategories(targets)
        binding.emptyLabel = Self.noMix
        return [.heatmap(cost, label: "Roster cost needed over the grid"),
                .heatmap(binding, label: "Binding target over the grid")]
    }

    /// A grid point the study holds no mix for.
    static let noMix = "no mix at this point"

    /// The binding-target map's key: each target in its own colour, numbered as in the targets
    /// table, and "no target binds" (−1) in grey.
    static func bindingCategories(_ targets: [String]) -> [HeatmapChart.Category] {
        targets.enumerated().map { HeatmapChart.Category(value: Double($0.offset), label: "#\($0.offset + 1) \($0.element)", colour: Palette.series($0.offset)) }
            + [HeatmapChart.Category(value: -1, label: "— no target binds", colour: Palette.axis)]
    }

    /// A grid value as the file writes it: `1`, `1.5`, `0.25`.
    static func axisText(_ value: Double) -> String {
        var text = NumberText.fixed(value, 6)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// The index of the binding target with the least slack, or −1 when none binds.
    func bindingTarget(_ record: MixRecord, among targets: [String]) -> Int {
        let binding = record.staffing.targets.filter(\.binds).min { $0.slack < $1.slack }
        return binding.flatMap { found in targets.firstIndex(of: found.target) } ?? -1
    }
}
