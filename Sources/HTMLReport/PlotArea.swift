/// The rectangle inside a chart where data are drawn, with the margins around it for tick
/// labels and axis titles, and the drawing of axes and grid lines.
public struct PlotArea: Sendable, Hashable {
    /// Left, top, right and bottom edges of the plot, in view-box pixels.
    public var left: Double, top: Double, right: Double, bottom: Double

    /// A plot inside a `width` × `height` view box with these margins.
    public init(width: Double, height: Double, marginLeft: Double, marginTop: Double,
                marginRight: Double, marginBottom: Double) {
        left = marginLeft
        top = marginTop
        right = width - marginRight
        bottom = height - marginBottom
    }

    /// The plot's width and height.
    public var width: Double { right - left }
    public var height: Double { bottom - top }

    /// A horizontal scale from the left edge to the right edge.
    public func xScale(_ domain: ClosedRange<Double>, logarithmic: Bool = false) -> Scale {
        Scale(domain: domain, from: left, to: right, logarithmic: logarithmic)
    }

    /// A vertical scale from the bottom edge (domain's lower end) to the top edge.
    public func yScale(_ domain: ClosedRange<Double>) -> Scale {
        Scale(domain: domain, from: bottom, to: top)
    }

    /// Horizontal grid lines and tick labels at `ticks` on the left, and the axis title turned
    /// up the left side.
    func drawYAxis(_ canvas: inout SVGCanvas, _ scale: Scale, ticks: [Double], label: AxisLabel) {
        for tick in ticks {
            let y = scale.position(tick)
            canvas.line(left, y, right, y, stroke: Palette.grid)
            canvas.text(label.format.text(tick), left - 8, y + 4, size: 12, anchor: .end, fill: Palette.muted)
        }
        canvas.line(left, top, left, bottom, stroke: Palette.axis)
        let middle = (top + bottom) / 2
        canvas.text(label.text, 16, middle, size: 13, anchor: .middle, fill: Palette.muted, rotate: -90)
    }

    /// Tick marks and labels at `ticks` under the plot, optional vertical grid lines, and the
    /// axis title centred below.
    func drawXAxis(_ canvas: inout SVGCanvas, _ scale: Scale, ticks: [Double], label: AxisLabel, grid: Bool = true) {
        canvas.line(left, bottom, right, bottom, stroke: Palette.axis)
        for tick in ticks {
            let x = scale.position(tick)
            if grid { canvas.line(x, top, x, bottom, stroke: Palette.grid) }
            canvas.line(x, bottom, x, bottom + 5, stroke: Palette.axis)
            canvas.text(label.format.text(tick), x, bottom + 20, size: 12, anchor: .middle, fill: Palette.muted)
        }
        canvas.text(label.text, (left + right) / 2, bottom + 42, size: 13, anchor: .middle, fill: Palette.muted)
    }
}

/// A horizontal reference line across a chart: a target to meet or a limit not to exceed.
public struct ReferenceLine: Sendable, Hashable {
    /// Where the line is, in the axis's values.
    public var value: Double
    /// Its label, e.g. `target 95 %`.
    public var label: String

    /// A reference line.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// A legend of coloured swatches in one row, from (x, y).
func drawLegend(_ canvas: inout SVGCanvas, _ entries: [(name: String, colour: String)], x: Double, y: Double) {
    var cursor = x
    for entry in entries {
        canvas.circle(cursor + 6, y - 4, radius: 6, fill: entry.colour)
        canvas.text(entry.name, cursor + 18, y, size: 13, fill: Palette.ink)
        cursor += 34 + Double(entry.name.count) * 6.5
    }
}
