import HTMLReport

/// A chart of the HTML report, as one of `HTMLReport`'s chart values with its accessible label.
/// Builders fill in the data; only ``HTMLRenderer`` draws them.
public enum ChartSpec: Sendable {
    /// Means with confidence intervals per category and series.
    case interval(IntervalChart, label: String)
    /// A cumulative distribution against limits.
    case distribution(DistributionChart, label: String)
    /// One dot per replication with markers (mean, p95, p99).
    case exposure(ExposureChart, label: String)
    /// A heat map (hour of the week).
    case heatmap(HeatmapChart, label: String)
    /// Lines over a numeric axis.
    case line(LineChart, label: String)
    /// Stacked bars.
    case stackedBar(StackedBarChart, label: String)
    /// Labelled points with whiskers and their frontier.
    case scatter(ScatterChart, label: String)

    /// The chart's `<svg>` element.
    public var svg: String {
        switch self {
        case .interval(let chart, let label): return chart.svg(label: label)
        case .distribution(let chart, let label): return chart.svg(label: label)
        case .exposure(let chart, let label): return chart.svg(label: label)
        case .heatmap(let chart, let label): return chart.svg(label: label)
        case .line(let chart, let label): return chart.svg(label: label)
        case .stackedBar(let chart, let label): return chart.svg(label: label)
        case .scatter(let chart, let label): return chart.svg(label: label)
        }
    }
}
