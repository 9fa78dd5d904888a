import Experiments
import HTMLReport

/// The HTML charts of `compare`: per variant, the paired differences around 0 with their 95 %
/// intervals (significant ones solid, the others hollow).
extension CompareReport {
    /// Which chart a metric goes in, its category (x axis) and series (colour).
    struct Placement {
        var chart: Int, category: String, series: String
    }

    static let shareMeasures: [Metric.Measure] = [.dispatch, .accept, .restoration, .confirmation, .availability]
    static let creditMeasures: [Metric.Measure] = [.credits, .expectedCredits, .claimedCredits]

    /// Compliance shares per tier (chart 0), credits per tier (chart 1), staff and installs
    /// (chart 2); ticket and repeat counts are in the table only.
    static func placement(_ metric: Metric) -> Placement? {
        switch metric.subject {
        case .group(let group, let measure):
            if shareMeasures.contains(measure) { return Placement(chart: 0, category: group, series: measure.rawValue) }
            if creditMeasures.contains(measure) { return Placement(chart: 1, category: group, series: creditName(measure)) }
            return nil
        case .crewUtilisation(let region): return Placement(chart: 2, category: "crews \(region)", series: "utilisation")
        case .agentUtilisation: return Placement(chart: 2, category: "agents", series: "utilisation")
        case .remoteEngineerUtilisation: return Placement(chart: 2, category: "remote engineers", series: "utilisation")
        case .installAppointment: return Placement(chart: 2, category: "install appointment", series: "installs in time")
        case .installCompletion: return Placement(chart: 2, category: "install completion", series: "installs in time")
        }
    }

    /// `liability`, `expected`, `claimed`.
    static func creditName(_ measure: Metric.Measure) -> String {
        switch measure {
        case .expectedCredits: return "expected"
        case .claimedCredits: return "claimed"
        default: return "liability"
        }
    }

    /// A chart's title, axis, scale from the metric's unit and caption.
    struct ChartKind {
        var title: String, axis: AxisLabel, scale: Double, caption: String
    }

    static let chartKinds = [
        ChartKind(title: "Compliance per tier and checkpoint",
                  axis: AxisLabel("Difference in compliance", unit: "percentage points", format: .number(1)), scale: 100,
                  caption: "Variant − base in percentage points of tickets meeting each checkpoint (availability: of "
                    + "circuit-periods); below 0 is worse."),
        ChartKind(title: "Credits per year",
                  axis: AxisLabel("Difference in credits per year", unit: "currency of the fees", format: .compactMoney), scale: 1,
                  caption: "Credit liability and claimed credits per year, variant − base; above 0 is worse."),
        ChartKind(title: "Staff utilisation and installs",
                  axis: AxisLabel("Difference", unit: "percentage points", format: .number(1)), scale: 100,
                  caption: "Busy ÷ present hours per crew region and for the agents (above 0: busier); installs meeting "
                    + "their promises (below 0 is worse)."),
    ]

    /// The interval charts of one variant, each around 0 with a "no change" line, with their captions.
    func differenceCharts(_ variant: VariantComparison) -> [(chart: ChartSpec, caption: String)] {
        let placed = variant.metrics.compactMap { comparison in Self.placement(comparison.metric).map { ($0, comparison) } }
        return Self.chartKinds.indices.compactMap { index in
            let members = placed.filter { $0.0.chart == index }
            guard !members.isEmpty else { return nil }
            let kind = Self.chartKinds[index]
            let categories = Self.ordered(members.map(\.0.category)), seriesNames = Self.ordered(members.map(\.0.series))
            var chart = IntervalChart(
                categories: categories,
                series: seriesNames.map { name in
                    IntervalChart.Series(name: name, intervals: categories.map { category in
                        members.first { $0.0.category == category && $0.0.series == name }.flatMap { Self.interval($0.1, scale: kind.scale) }
                    })
                },
                axis: kind.axis, target: ReferenceLine(value: 0, label: "no change"))
            chart.height = 360
            return (.interval(chart, label: "\(variant.name) − base: \(kind.title)"),
                    kind.title + ". " + kind.caption + " Solid: significant (the 95 % interval excludes 0); hollow: not.")
        }
    }

    /// The difference and its interval in the chart's unit; hollow unless significant.
    static func interval(_ comparison: MetricComparison, scale: Double) -> IntervalChart.Interval? {
        guard let difference = comparison.difference else { return nil }
        var interval = IntervalChart.Interval(value: difference.mean * scale, halfWidth: difference.halfWidth * scale)
        interval.isMuted = !comparison.verdict.isSignificant
        return interval
    }

    /// The names in order of first appearance, without repeats.
    static func ordered(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
