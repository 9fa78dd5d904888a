/// A metric against a numeric input (e.g. compliance against staff count or yearly cost, for the
/// staffing curve): one line per series, an optional shaded confidence band, and a target line.
public struct LineChart: Sendable {
    /// One point; `lower`/`upper` bound its confidence interval when known.
    public struct Point: Sendable, Hashable {
        public var x: Double, y: Double
        public var lower: Double?, upper: Double?

        /// A point.
        public init(x: Double, y: Double, lower: Double? = nil, upper: Double? = nil) {
            self.x = x
            self.y = y
            self.lower = lower
            self.upper = upper
        }
    }

    /// One line.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var points: [Point]

        /// A series; points are drawn in increasing x.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// The lines.
    public var series: [Series]
    /// The input axis (horizontal) and the metric axis (vertical).
    public var xAxis: AxisLabel, yAxis: AxisLabel
    /// Ranges; by default round numbers around the data (and the target).
    public var xDomain: ClosedRange<Double>?, yDomain: ClosedRange<Double>?
    /// A horizontal target line.
    public var target: ReferenceLine?
    /// Vertical lines at input values (e.g. today's cost and the recommendation), labelled just
    /// above the plot (which moves down to make room under the legend).
    public var markers: [ReferenceLine] = []
    /// A bold title at the top left (e.g. the tier of one small multiple); the legend moves right of it.
    public var title: String?
    /// View-box size.
    public var width: Double = 1100, height: Double = 420

    /// A chart.
    public init(series: [Series], xAxis: AxisLabel, yAxis: AxisLabel, target: ReferenceLine? = nil,
                xDomain: ClosedRange<Double>? = nil, yDomain: ClosedRange<Double>? = nil) {
        self.series = series
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.target = target
        self.xDomain = xDomain
        self.yDomain = yDomain
    }

    /// The plot rectangle.
    public var plot: PlotArea {
        PlotArea(width: width, height: height, marginLeft: 84, marginTop: markers.isEmpty ? 44 : 60, marginRight: 28, marginBottom: 64)
    }

    /// The horizontal scale.
    public var xScale: Scale {
        let xs = series.flatMap { $0.points.map(\.x) } + markers.map(\.value)
        return plot.xScale(xDomain ?? Scale.niceDomain(xs.min() ?? 0, xs.max() ?? 1, count: 6))
    }

    /// The vertical scale.
    public var yScale: Scale {
        let ys = series.flatMap { $0.points.flatMap { [$0.y, $0.lower ?? $0.y, $0.upper ?? $0.y] } } + (target.map { [$0.value] } ?? [])
        return plot.yScale(yDomain ?? Scale.niceDomain(ys.min() ?? 0, ys.max() ?? 1, count: 5))
    }

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let (x, y) = (xScale, yScale)
        plot.drawYAxis(&canvas, y, ticks: y.ticks(5), label: yAxis)
        plot.drawXAxis(&canvas, x, ticks: x.ticks(6), label: xAxis, grid: false)
        drawMarkers(&canvas, x)
        for (index, one) in series.enumerated() {
            let points = one.points.sorted { $0.x < $1.x }
            let colour = Palette.series(index)
            let band = points.filter { $0.lower != nil && $0.upper != nil }
            if band.count > 1 {
                canvas.polygon(band.map { (x.position($0.x), y.position($0.upper!)) }
                               + band.reversed().map { (x.position($0.x), y.position($0.lower!)) }, fill: colour, opacity: 0.18)
            }
            canvas.polyline(points.map { (x.position($0.x), y.position($0.y)) }, stroke: colour, width: 2.5)
            for point in points {
                canvas.circle(x.position(point.x), y.position(point.y), radius: 4, fill: colour, stroke: "#FFFFFF",
                              tooltip: "\(one.name): \(xAxis.format.text(point.x)) → \(yAxis.format.text(point.y))")
            }
        }
        if let target {
            let position = y.position(target.value)
            canvas.line(plot.left, position, plot.right, position, stroke: Palette.target, width: 1.5, dash: "6 4")
            // The label goes at the end of the line that no series comes near.
            let nearLeft = series.contains { one in
                one.points.min { $0.x < $1.x }.map { abs(y.position($0.y) - position) < 24 } ?? false
            }
            canvas.text(target.label, nearLeft ? plot.right - 4 : plot.left + 6, position - 6, size: 12,
                        anchor: nearLeft ? .end : .start, fill: Palette.target)
        }
        var legendX = plot.left
        if let title {
            canvas.text(title, plot.left, 24, size: 15, weight: "700")
            legendX += Double(title.count) * 9 + 24
        }
        if series.count > 1 { drawLegend(&canvas, series.enumerated().map { ($1.name, Palette.series($0)) }, x: legendX, y: 24) }
        return canvas.svg(label: label)
    }

    /// Each marker's dotted vertical line, labelled just above the plot: the leftmost marker's
    /// text runs to the left of its line and the others' to the right, unless that would leave
    /// the plot, so two close lines keep their labels apart.
    private func drawMarkers(_ canvas: inout SVGCanvas, _ x: Scale) {
        let shown = markers.filter { x.domain.contains($0.value) }.sorted { $0.value < $1.value }
        for (index, marker) in shown.enumerated() {
            let position = x.position(marker.value)
            canvas.line(position, plot.top, position, plot.bottom, stroke: Palette.muted, width: 1.5, dash: "2 3")
            let width = Double(marker.label.count) * 7
            let leftward = index == 0 && shown.count > 1 ? position - plot.left > width : plot.right - position < width
            canvas.text(marker.label, leftward ? position - 5 : position + 5, plot.top - 6, size: 12,
                        anchor: leftward ? .end : .start, fill: Palette.ink, weight: "600")
        }
    }
}
