/// Labelled points against two numeric axes, each with its confidence whiskers in both
/// directions; the points no other point beats on both axes (the frontier: lower x and higher
/// y are better) are joined by a step line. For a study's cost against compliance.
public struct ScatterChart: Sendable {
    /// One labelled point; the half-widths draw its whiskers (nil: none).
    public struct Point: Sendable, Hashable {
        /// The point's name, written beside it.
        public var label: String
        /// Its position.
        public var x: Double, y: Double
        /// Half-widths of its 95 % intervals; nil draws no whisker.
        public var xHalfWidth: Double?, yHalfWidth: Double?
        /// A point to stand out (the reference): drawn hollow.
        public var isReference: Bool

        /// A point.
        public init(label: String, x: Double, y: Double, xHalfWidth: Double? = nil, yHalfWidth: Double? = nil,
                    isReference: Bool = false) {
            self.label = label
            self.x = x
            self.y = y
            self.xHalfWidth = xHalfWidth
            self.yHalfWidth = yHalfWidth
            self.isReference = isReference
        }

        var xRange: (Double, Double) { (x - (xHalfWidth ?? 0), x + (xHalfWidth ?? 0)) }
        var yRange: (Double, Double) { (y - (yHalfWidth ?? 0), y + (yHalfWidth ?? 0)) }
    }

    /// The points, in the order their labels are listed.
    public var points: [Point]
    /// The horizontal (cost) and vertical (compliance) axes.
    public var xAxis: AxisLabel, yAxis: AxisLabel
    /// A horizontal target line.
    public var target: ReferenceLine?
    /// The vertical quantity's possible values (0…1 for a share): whiskers and the axis stop there.
    public var yBounds: ClosedRange<Double>?
    /// View-box size.
    public var width: Double = 1100, height: Double = 460

    /// A chart.
    public init(points: [Point], xAxis: AxisLabel, yAxis: AxisLabel, target: ReferenceLine? = nil) {
        self.points = points
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.target = target
    }

    /// The plot rectangle.
    public var plot: PlotArea { PlotArea(width: width, height: height, marginLeft: 84, marginTop: 28, marginRight: 28, marginBottom: 64) }

    /// The horizontal scale: round numbers around every whisker.
    public var xScale: Scale {
        let xs = points.flatMap { [$0.xRange.0, $0.xRange.1] }
        return plot.xScale(Scale.niceDomain(xs.min() ?? 0, xs.max() ?? 1, count: 6))
    }

    /// The vertical scale: round numbers around every whisker and the target.
    public var yScale: Scale {
        let ys = points.flatMap { [yWhisker($0).low, yWhisker($0).high] } + (target.map { [$0.value] } ?? [])
        var domain = Scale.niceDomain(ys.min() ?? 0, ys.max() ?? 1, count: 5)
        if let yBounds { domain = Swift.max(domain.lowerBound, yBounds.lowerBound) ... Swift.min(domain.upperBound, yBounds.upperBound) }
        return plot.yScale(domain)
    }

    /// A point's vertical whisker within ``yBounds``.
    public func yWhisker(_ point: Point) -> (low: Double, high: Double) {
        let (low, high) = point.yRange
        guard let yBounds else { return (low, high) }
        return (Swift.max(low, yBounds.lowerBound), Swift.min(high, yBounds.upperBound))
    }

    /// The points no other point beats on both axes, by increasing x.
    public var frontier: [Point] {
        let sorted = points.sorted { $0.x < $1.x || ($0.x == $1.x && $0.y > $1.y) }
        var best = -Double.infinity
        return sorted.filter { point in
            guard point.y > best else { return false }
            best = point.y
            return true
        }
    }

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let (x, y) = (xScale, yScale)
        plot.drawYAxis(&canvas, y, ticks: y.ticks(5), label: yAxis)
        plot.drawXAxis(&canvas, x, ticks: x.ticks(6), label: xAxis)
        if let target {
            let position = y.position(target.value)
            canvas.line(plot.left, position, plot.right, position, stroke: Palette.target, width: 1.5, dash: "6 4")
            canvas.text(target.label, plot.right - 4, position - 6, size: 12, anchor: .end, fill: Palette.target)
        }
        let steps = frontier
        if steps.count > 1 {
            var line: [(x: Double, y: Double)] = []
            for (index, point) in steps.enumerated() {
                if index > 0 { line.append((x.position(point.x), y.position(steps[index - 1].y))) }
                line.append((x.position(point.x), y.position(point.y)))
            }
            canvas.polyline(line, stroke: Palette.muted, width: 1.5, dash: "4 3")
        }
        for (index, point) in points.enumerated() {
            // Points at the same place (a mix identical to the reference) share one label.
            guard !points[..<index].contains(where: { $0.x == point.x && $0.y == point.y }) else { continue }
            let label = points.filter { $0.x == point.x && $0.y == point.y }.map(\.label).joined(separator: ", ")
            draw(point, label: label, on: &canvas, x, y)
        }
        return canvas.svg(label: label)
    }

    private func draw(_ point: Point, label: String, on canvas: inout SVGCanvas, _ x: Scale, _ y: Scale) {
        let (px, py) = (x.position(point.x), y.position(point.y))
        let colour = point.isReference ? Palette.ink : Palette.series(0)
        if point.xHalfWidth != nil {
            canvas.line(x.position(point.xRange.0), py, x.position(point.xRange.1), py, stroke: colour, width: 1.5)
        }
        if point.yHalfWidth != nil {
            let whisker = yWhisker(point)
            canvas.line(px, y.position(whisker.low), px, y.position(whisker.high), stroke: colour, width: 1.5)
        }
        canvas.circle(px, py, radius: 5, fill: point.isReference ? "#FFFFFF" : colour, stroke: colour,
                      tooltip: "\(label): \(xAxis.format.text(point.x)), \(yAxis.format.text(point.y))")
        canvas.text(label, px + 8, py - 8, size: 11, fill: Palette.ink)
    }
}
