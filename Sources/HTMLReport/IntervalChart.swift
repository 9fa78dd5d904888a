/// Point estimates with confidence intervals for a few categories, one dot and whisker per
/// series in each category (e.g. compliance per tier, one series per checkpoint), with an
/// optional target line.
public struct IntervalChart: Sendable {
    /// An estimate and its confidence interval, in the axis's values.
    public struct Interval: Sendable, Hashable {
        public var value: Double, lower: Double, upper: Double
        /// Drawn hollow with a thin whisker, to set it back (e.g. a difference whose interval
        /// contains 0, among significant ones drawn solid).
        public var isMuted = false

        /// An estimate with its interval (`lower == upper == value` draws a dot alone).
        public init(value: Double, lower: Double, upper: Double) {
            self.value = value
            self.lower = Swift.min(lower, value)
            self.upper = Swift.max(upper, value)
        }

        /// An estimate ± a half-width; an infinite or NaN half-width draws a dot alone.
        public init(value: Double, halfWidth: Double) {
            let width = halfWidth.isFinite ? halfWidth : 0
            self.init(value: value, lower: value - width, upper: value + width)
        }
    }

    /// One series: an interval per category, nil where it has none.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var intervals: [Interval?]

        /// A series.
        public init(name: String, intervals: [Interval?]) {
            self.name = name
            self.intervals = intervals
        }
    }

    /// Category labels along the x axis.
    public var categories: [String]
    /// The series, drawn side by side within each category.
    public var series: [Series]
    /// The value axis.
    public var axis: AxisLabel
    /// Value range; by default round numbers around every interval and the target.
    public var domain: ClosedRange<Double>?
    /// Values never go outside these bounds when the domain is chosen (e.g. 0…1 for shares).
    public var bounds: ClosedRange<Double>?
    /// A target line.
    public var target: ReferenceLine?
    /// Whether each dot's value is written beside it (best with one or two series).
    public var showsValues = false
    /// A bold title at the top left (e.g. the target of one small multiple).
    public var title: String?
    /// View-box size.
    public var width: Double = 1100, height: Double = 400

    /// A chart; `series[i].intervals` has one entry per category.
    public init(categories: [String], series: [Series], axis: AxisLabel, target: ReferenceLine? = nil,
                domain: ClosedRange<Double>? = nil, bounds: ClosedRange<Double>? = nil) {
        self.categories = categories
        self.series = series
        self.axis = axis
        self.target = target
        self.domain = domain
        self.bounds = bounds
    }

    /// The plot rectangle.
    public var plot: PlotArea {
        PlotArea(width: width, height: height, marginLeft: 78, marginTop: 44, marginRight: 24, marginBottom: 64)
    }

    /// The value scale actually used.
    public var valueScale: Scale { plot.yScale(domain ?? automaticDomain) }

    /// Round numbers covering every interval and the target, within ``bounds``.
    var automaticDomain: ClosedRange<Double> {
        let values = series.flatMap { $0.intervals.compactMap { $0 }.flatMap { [$0.lower, $0.upper] } } + (target.map { [$0.value] } ?? [])
        guard let low = values.min(), let high = values.max() else { return bounds ?? 0...1 }
        let padding = Swift.max((high - low) * 0.1, Swift.max(abs(high), 1e-9) * 0.01)
        var lower = low - padding, upper = high + padding
        if let bounds { lower = Swift.max(lower, bounds.lowerBound); upper = Swift.min(upper, bounds.upperBound) }
        let step = Scale.niceStep(upper - lower, count: 5)
        var domain = (lower / step).rounded(.down) * step ... (upper / step).rounded(.up) * step
        if let bounds { domain = Swift.max(domain.lowerBound, bounds.lowerBound) ... Swift.min(domain.upperBound, bounds.upperBound) }
        return domain
    }

    /// The horizontal centre of series `index` in category `category`.
    public func centre(category: Int, series index: Int) -> Double {
        let band = plot.width / Double(Swift.max(1, categories.count))
        let slot = band * 0.8 / Double(Swift.max(1, series.count))
        return plot.left + band * (Double(category) + 0.1) + slot * (Double(index) + 0.5)
    }

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let scale = valueScale
        plot.drawYAxis(&canvas, scale, ticks: scale.ticks(5), label: axis)
        canvas.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        let band = plot.width / Double(Swift.max(1, categories.count))
        for (index, category) in categories.enumerated() {
            let x = plot.left + band * (Double(index) + 0.5)
            canvas.text(category, x, plot.bottom + 22, size: 13, anchor: .middle, weight: "600")
            if index > 0 { canvas.line(plot.left + band * Double(index), plot.top, plot.left + band * Double(index), plot.bottom, stroke: Palette.grid) }
        }
        if let target { drawTarget(&canvas, target, scale) }
        for (seriesIndex, one) in series.enumerated() {
            for (category, interval) in one.intervals.enumerated() where category < categories.count {
                guard let interval else { continue }
                drawInterval(&canvas, interval, x: centre(category: category, series: seriesIndex),
                             scale: scale, colour: Palette.series(seriesIndex),
                             tooltip: "\(one.name) · \(categories[category]): \(axis.format.text(interval.value))")
            }
        }
        if let title { canvas.text(title, plot.left, 24, size: 15, weight: "700") }
        if series.count > 1 { drawLegend(&canvas, series.enumerated().map { ($1.name, Palette.series($0)) }, x: plot.left, y: 24) }
        return canvas.svg(label: label)
    }

    private func drawInterval(_ canvas: inout SVGCanvas, _ interval: Interval, x: Double, scale: Scale, colour: String, tooltip: String) {
        let (low, high) = (scale.position(interval.lower), scale.position(interval.upper))
        if high < low - 0.5 {
            canvas.line(x, low, x, high, stroke: colour, width: interval.isMuted ? 1.5 : 2.5)
            canvas.line(x - 5, low, x + 5, low, stroke: colour, width: interval.isMuted ? 1.5 : 2)
            canvas.line(x - 5, high, x + 5, high, stroke: colour, width: interval.isMuted ? 1.5 : 2)
        }
        if !scale.domain.contains(interval.value) {
            drawClipped(&canvas, interval.value, x: x, scale: scale, colour: colour)
            return
        }
        if interval.isMuted {
            canvas.circle(x, scale.position(interval.value), radius: 4, fill: "#FFFFFF", stroke: colour, tooltip: tooltip)
        } else {
            canvas.circle(x, scale.position(interval.value), radius: 5, fill: colour, stroke: "#FFFFFF", tooltip: tooltip)
        }
        if showsValues {
            canvas.text(axis.format.text(interval.value), x + 10, scale.position(interval.value) + 4, size: 12, weight: "600")
        }
    }

    /// A value beyond the axis: a triangle on the edge pointing outwards, with the value written
    /// beside it, so one outlier does not squash every other interval.
    private func drawClipped(_ canvas: inout SVGCanvas, _ value: Double, x: Double, scale: Scale, colour: String) {
        let below = value < scale.domain.lowerBound
        let edge = scale.position(below ? scale.domain.lowerBound : scale.domain.upperBound)
        let tip = edge
        let base = below ? edge - 10 : edge + 10
        canvas.polygon([(x - 6, base), (x + 6, base), (x, tip)], fill: colour, opacity: 1)
        canvas.text(axis.format.text(value), x, below ? base - 4 : base + 14, size: 11, anchor: .middle, fill: colour, weight: "600")
    }

    private func drawTarget(_ canvas: inout SVGCanvas, _ target: ReferenceLine, _ scale: Scale) {
        let y = scale.position(target.value)
        canvas.line(plot.left, y, plot.right, y, stroke: Palette.target, width: 1.5, dash: "6 4")
        if !target.label.isEmpty { canvas.text(target.label, plot.right - 4, y - 6, size: 12, anchor: .end, fill: Palette.target) }
    }
}
