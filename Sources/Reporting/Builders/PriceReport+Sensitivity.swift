import Experiments
import HTMLReport

/// The sensitivity of `price` to fault rates: per tier, the break-even fee at each fault-rate
/// factor (charts from 0, so a small change looks small), and the figures in two tables.
extension PriceReport {
    /// The base and the sensitivity cases, lowest fault factor first.
    var casesByFactor: [PricingCase] { cases.sorted { $0.faultFactor < $1.faultFactor } }

    /// Tier keys, then `all`.
    var tierKeys: [String] { base.tiers.map(\.key) + ["all"] }

    /// A tier (or `all`, after the last tier) of a case.
    func tier(_ index: Int, of priced: PricingCase) -> TierPrice {
        index < priced.tiers.count ? priced.tiers[index] : priced.all
    }

    var sensitivitySection: Section {
        let percent = results.sensitivity * 100
        let shown = NumberText.fixed(percent, percent == percent.rounded() ? 0 : 1)
        return Section(
            id: "sensitivity", title: "Sensitivity to fault rates ± \(shown) %",
            lead: "per circuit-month, every fault rate scaled, the same seed (common random numbers)",
            blocks: [.charts(tierKeys.indices.map(breakEvenLine), columns: 2,
                             caption: "A steep line is a tier whose price depends on how often its circuits fail. Above each "
                                + "panel: the change of the break-even fee at the lowest and highest factor. Shaded: 95 % "
                                + "confidence band. Each axis starts at 0, so a flat line means the fee barely moves."),
                     .table(sensitivityTable([("break-even", { .money($0.breakEven.mean) }),
                                              ("margin %", { .share($0.marginShare?.mean) })])),
                     .table(sensitivityTable([("loaded", { .money($0.loadedCost.mean) }),
                                              ("credits", { .money($0.credits.estimate.mean) })]))])
    }

    /// One row per tier; per figure, one column per fault factor.
    func sensitivityTable(_ figures: [(name: String, cell: (TierPrice) -> Cell)]) -> Table {
        let ordered = casesByFactor
        let factors = ordered.map { "×" + NumberText.fixed($0.faultFactor, 2) }
        return Table(
            columns: [Column("tier")] + figures.flatMap { figure in factors.map { Column("\(figure.name) \($0)") } },
            rows: tierKeys.indices.map { index in
                [.text(tierKeys[index])] + figures.flatMap { figure in ordered.map { figure.cell(tier(index, of: $0)) } }
            },
            emphasisedRows: [tierKeys.count - 1])
    }

    /// A tier's break-even fee against the fault-rate factor, with its 95 % band.
    func breakEvenLine(_ index: Int) -> ChartSpec {
        let points = casesByFactor.map { priced -> LineChart.Point in
            let breakEven = tier(index, of: priced).breakEven
            let half = breakEven.halfWidth.isFinite ? breakEven.halfWidth : 0
            return .init(x: priced.faultFactor, y: breakEven.mean, lower: breakEven.mean - half, upper: breakEven.mean + half)
        }
        let high = points.map { $0.upper ?? $0.y }.max() ?? 1
        var chart = LineChart(series: [.init(name: "break-even", points: points)],
                              xAxis: AxisLabel("Fault rates × factor", unit: "", format: .number(1)),
                              yAxis: AxisLabel("Break-even", unit: "per circuit-month", format: .number(0)),
                              yDomain: Scale.niceDomain(0, high, count: 4))
        chart.title = tierKeys[index] + " · " + Self.changeText(points)
        chart.width = 540
        chart.height = 300
        return .line(chart, label: "Break-even fee against fault rates, \(tierKeys[index])")
    }

    /// `−2.1 % at ×0.8, +1.9 % at ×1.2`: the first and last points against the one at factor 1.
    static func changeText(_ points: [LineChart.Point]) -> String {
        guard let base = points.first(where: { $0.x == 1 })?.y, base != 0, let low = points.first, let high = points.last,
              points.count > 1 else { return "" }
        let change = { (point: LineChart.Point) -> String in
            let relative = point.y / base - 1
            let text = NumberText.percent(abs(relative), 1)
            return (relative < 0 && text != NumberText.percent(0, 1) ? "−" : "+") + text + " at ×" + NumberText.fixed(point.x, 2)
        }
        return change(low) + ", " + change(high)
    }
}
