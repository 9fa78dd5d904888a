/// The spread of a money figure across replications (e.g. credits per year): one dot per
/// replication, stacked where they fall close together, with the mean and the empirical
/// percentiles marked. One row per figure, on a shared axis.
public struct ExposureChart: Sendable {
    /// One row: a figure's replication values and the markers to draw over them.
    public struct Row: Sendable, Hashable {
        public var name: String
        public var values: [Double]
        public var markers: [ReferenceLine]

        /// A row; markers such as `mean`, `p95`, `p99` are drawn as vertical lines.
        public init(name: String, values: [Double], markers: [ReferenceLine]) {
            self.name = name
            self.values = values
            self.markers = markers
        }
    }

    /// The rows, top to bottom.
    public var rows: [Row]
    /// The value axis (shared).
    public var axis: AxisLabel
    /// Value range; by default from 0 to a round number above every value and marker.
    public var domain: ClosedRange<Double>?
    /// View-box width; the height follows from the rows.
    public var width: Double = 1100
    /// Height of one row.
    public var rowHeight: Double = 112

    /// A chart.
    public init(rows: [Row], axis: AxisLabel, domain: ClosedRange<Double>? = nil) {
        self.rows = rows
        self.axis = axis
        self.domain = domain
    }

    /// View-box height.
    public var height: Double { 20 + rowHeight * Double(Swift.max(1, rows.count)) + 60 }

    /// The plot rectangle (all rows).
    public var plot: PlotArea {
        PlotArea(width: width, height: height, marginLeft: 150, marginTop: 20, marginRight: 30, marginBottom: 60)
    }

    /// The value scale.
    public var valueScale: Scale { plot.xScale(domain ?? automaticDomain) }

    /// Round numbers a little beyond the smallest and largest value and marker: the spread is
    /// the message, so the axis does not start at 0.
    var automaticDomain: ClosedRange<Double> {
        let all = rows.flatMap { $0.values + $0.markers.map(\.value) }
        guard let low = all.min(), let high = all.max() else { return 0...1 }
        let padding = Swift.max((high - low) * 0.08, Swift.max(abs(high), 1) * 0.01)
        let lower = low >= 0 ? Swift.max(0, low - padding) : low - padding
        let step = Scale.niceStep(high + padding - lower, count: 6)
        return (lower / step).rounded(.down) * step ... ((high + padding) / step).rounded(.up) * step
    }

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let scale = valueScale
        plot.drawXAxis(&canvas, scale, ticks: scale.ticks(6), label: axis)
        for (index, row) in rows.enumerated() {
            let top = plot.top + rowHeight * Double(index)
            drawRow(&canvas, row, top: top, scale: scale)
        }
        return canvas.svg(label: label)
    }

    private func drawRow(_ canvas: inout SVGCanvas, _ row: Row, top: Double, scale: Scale) {
        let base = top + rowHeight - 14
        canvas.text(row.name, plot.left - 12, base - 4, size: 14, anchor: .end, weight: "600")
        canvas.line(plot.left, base + 6, plot.right, base + 6, stroke: Palette.grid)
        let radius = 5.0
        var stacks: [Int: Int] = [:]
        for value in row.values.sorted() {
            let x = scale.position(value)
            let bin = Int((x / (2 * radius)).rounded())
            let level = stacks[bin, default: 0]
            stacks[bin] = level + 1
            let y = base - radius - Double(level) * (2 * radius - 1)
            canvas.circle(Double(bin) * 2 * radius, Swift.max(top + 50, y), radius: radius, fill: Palette.series(0),
                          tooltip: axis.format.text(value))
        }
        drawMarkers(&canvas, row.markers, top: top, base: base, scale: scale)
    }

    /// Vertical marker lines; markers at the same value share one label (`p95 = p99`), and
    /// labels are staggered over up to three lines so they do not overlap.
    private func drawMarkers(_ canvas: inout SVGCanvas, _ markers: [ReferenceLine], top: Double, base: Double, scale: Scale) {
        var merged: [ReferenceLine] = []
        for marker in markers.sorted(by: { $0.value < $1.value }) {
            if let last = merged.last, last.value == marker.value {
                merged[merged.count - 1].label += " = " + marker.label
            } else {
                merged.append(marker)
            }
        }
        var lastEnd: [Double] = [-.infinity, -.infinity, -.infinity]
        for marker in merged {
            let x = scale.position(marker.value)
            let text = "\(marker.label) \(axis.format.text(marker.value))"
            let textWidth = Double(text.count) * 7
            let line = lastEnd.firstIndex { $0 < x - 4 } ?? 2
            lastEnd[line] = x + textWidth
            let colour = marker.label.hasPrefix("mean") ? Palette.ink : Palette.target
            canvas.line(x, top + 4 + Double(line) * 14, x, base + 6, stroke: colour, width: 1.5, dash: marker.label.hasPrefix("mean") ? nil : "5 3")
            canvas.text(text, x + 4, top + 14 + Double(line) * 14, size: 12, fill: colour, weight: "600")
        }
    }
}
