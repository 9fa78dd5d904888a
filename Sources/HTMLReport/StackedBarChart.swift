/// Horizontal bars made of stacked parts, one bar per category (e.g. per tier, the parts of the
/// break-even fee as shares of today's fee), with an optional vertical reference line (today's
/// fee = 100 %) and a note written after each bar.
public struct StackedBarChart: Sendable {
    /// One bar: its label, one value per part (in ``StackedBarChart/parts`` order; negative
    /// values count as 0) and a note written after the bar's end.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var values: [Double]
        public var note: String

        /// A bar.
        public init(label: String, values: [Double], note: String = "") {
            self.label = label
            self.values = values
            self.note = note
        }

        /// The bar's length: the sum of its (non-negative) parts.
        public var total: Double { values.reduce(0) { $0 + Swift.max(0, $1) } }
    }

    /// The parts' names, in stacking order (left to right) and legend order.
    public var parts: [String]
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// The value axis.
    public var axis: AxisLabel
    /// Value range; by default from 0 to a round number covering every bar and the reference.
    public var domain: ClosedRange<Double>?
    /// A vertical line across every bar.
    public var reference: ReferenceLine?
    /// View-box width, and the height of one bar's row.
    public var width: Double = 1100, rowHeight: Double = 40

    /// A chart; `bars[i].values` has one entry per part.
    public init(parts: [String], bars: [Bar], axis: AxisLabel, reference: ReferenceLine? = nil,
                domain: ClosedRange<Double>? = nil) {
        self.parts = parts
        self.bars = bars
        self.axis = axis
        self.reference = reference
        self.domain = domain
    }

    /// View-box height: the legend, one row per bar, the axis.
    public var height: Double { 44 + rowHeight * Double(Swift.max(1, bars.count)) + 60 }

    /// The plot rectangle (all rows); its left margin fits the longest bar label.
    public var plot: PlotArea {
        PlotArea(width: width, height: height, marginLeft: labelMargin, marginTop: 44, marginRight: 30, marginBottom: 60)
    }

    /// Room for the bar labels (bold 14 px, about 8.5 px a character, plus the gap to the bars),
    /// at least 110 and at most half the width.
    var labelMargin: Double {
        let longest = bars.map(\.label.count).max() ?? 0
        return Swift.min(width / 2, Swift.max(110, 8.5 * Double(longest) + 24))
    }

    /// The value scale.
    public var valueScale: Scale {
        let high = (bars.map(\.total) + (reference.map { [$0.value] } ?? [])).max() ?? 1
        return plot.xScale(domain ?? Scale.niceDomain(0, high, count: 6))
    }

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let scale = valueScale
        plot.drawXAxis(&canvas, scale, ticks: scale.ticks(6), label: axis)
        for (index, bar) in bars.enumerated() {
            drawBar(&canvas, bar, top: plot.top + rowHeight * Double(index), scale: scale)
        }
        if let reference {
            let x = scale.position(reference.value)
            canvas.line(x, plot.top - 4, x, plot.bottom, stroke: Palette.target, width: 1.5, dash: "6 4")
            canvas.text(reference.label, x - 4, plot.top - 8, size: 12, anchor: .end, fill: Palette.target)
        }
        drawLegend(&canvas, parts.enumerated().map { ($1, Palette.series($0)) }, x: plot.left, y: 24)
        return canvas.svg(label: label)
    }

    private func drawBar(_ canvas: inout SVGCanvas, _ bar: Bar, top: Double, scale: Scale) {
        let barTop = top + rowHeight * 0.2, barHeight = rowHeight * 0.6
        canvas.text(bar.label, plot.left - 12, barTop + barHeight / 2 + 5, size: 14, anchor: .end, weight: "600")
        var start = 0.0
        for (index, value) in bar.values.enumerated() where index < parts.count && value > 0 {
            let (from, to) = (scale.position(start), scale.position(start + value))
            canvas.rect(from, barTop, to - from, barHeight, fill: Palette.series(index),
                        tooltip: "\(bar.label) · \(parts[index]): \(axis.format.text(value))")
            start += value
        }
        guard !bar.note.isEmpty else { return }
        // After the bar's end, or inside the plot's right edge when it would run off it.
        let end = scale.position(bar.total) + 8
        let fits = end + Double(bar.note.count) * 6.8 <= width - 4
        canvas.text(bar.note, fits ? end : plot.right - 4, barTop + barHeight / 2 + 5, size: 12,
                    anchor: fits ? .start : .end, fill: Palette.ink)
    }
}
