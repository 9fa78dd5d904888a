import Foundation

/// The cumulative distribution of a duration for one group (e.g. restoration time of a tier's
/// outage tickets) on a logarithmic time axis, with the group's limit as a vertical line: where
/// the curve crosses the line is the share within the limit.
public struct DistributionChart: Sendable {
    /// `count` values spread from `lower` up to `upper`, in the axis's unit (minutes).
    public struct Bucket: Sendable, Hashable {
        public var lower: Double, upper: Double, count: Double

        /// A bucket.
        public init(lower: Double, upper: Double, count: Double) {
            self.lower = lower
            self.upper = Swift.max(upper, lower)
            self.count = count
        }
    }

    /// The group's name, written above the plot.
    public var title: String
    /// The distribution, in increasing order of values.
    public var buckets: [Bucket]
    /// Limits to mark (a tier may have one for VPN products and one for the rest).
    public var limits: [ReferenceLine]
    /// The time axis; positive values, log scale (share it between panels to compare them).
    public var domain: ClosedRange<Double>
    /// Title of the time axis; values are minutes written as `45 min`, `2 h`, `1 d`.
    public var axis: AxisLabel
    /// A note after the limits' shares (e.g. a limit that cannot be drawn on this axis).
    public var note: String?
    /// Grey text after the title (e.g. how many values the distribution holds).
    public var subtitle: String?
    /// View-box size.
    public var width: Double = 540, height: Double = 320

    /// A panel; `domain` in minutes, e.g. 10…10,080 (ten minutes to a week).
    public init(title: String, buckets: [Bucket], limits: [ReferenceLine], domain: ClosedRange<Double>,
                axis: AxisLabel = AxisLabel("Restoration time", unit: "calendar, log scale", format: .duration),
                note: String? = nil, subtitle: String? = nil) {
        self.subtitle = subtitle
        self.title = title
        self.buckets = buckets
        self.limits = limits
        self.domain = domain
        self.axis = axis
        self.note = note
    }

    /// The plot rectangle.
    public var plot: PlotArea {
        PlotArea(width: width, height: height, marginLeft: 64, marginTop: 62, marginRight: 24, marginBottom: 58)
    }

    /// The time scale.
    public var timeScale: Scale { plot.xScale(domain, logarithmic: true) }
    /// The share scale (0…1).
    public var shareScale: Scale { plot.yScale(0...1) }

    /// Share of the values at or below `value`, counting a bucket's values as spread evenly
    /// over it; 0 when there are none.
    public static func share(atOrBelow value: Double, _ buckets: [Bucket]) -> Double {
        let total = buckets.reduce(0) { $0 + $1.count }
        guard total > 0 else { return 0 }
        var below = 0.0
        for bucket in buckets {
            if bucket.upper <= value { below += bucket.count; continue }
            if bucket.lower > value { break }
            below += bucket.count * (value - bucket.lower) / Swift.max(bucket.upper - bucket.lower, 1e-12)
        }
        return below / total
    }

    /// Round durations (in minutes) for ticks: 1, 5, 15, 30 min, 1, 2, 4, 8, 12 h, 1, 2, 4 d, 1, 2 w…
    static let durationTicks: [Double] = [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 5760, 10_080, 20_160, 40_320]

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let (x, y) = (timeScale, shareScale)
        let hasData = buckets.contains { $0.count > 0 }
        canvas.text(title, plot.left, 18, size: 15, weight: "700")
        if let subtitle { canvas.text(subtitle, plot.left + Double(title.count) * 10 + 10, 18, size: 12, fill: Palette.muted) }
        let summary = limits.filter { $0.value > 0 }.map { limit in
            hasData ? "\(limit.label): \(NumberText.percent(Self.share(atOrBelow: limit.value, buckets), 1))" : limit.label
        } + (note.map { [$0] } ?? [])
        canvas.text(summary.joined(separator: " · "), plot.left, 36, size: 12, fill: Palette.target, weight: "600")
        plot.drawYAxis(&canvas, y, ticks: [0, 0.25, 0.5, 0.75, 1], label: AxisLabel("Restored", unit: "%", format: .percent(0)))
        let ticks = Self.durationTicks.filter { domain.contains($0) }
        plot.drawXAxis(&canvas, x, ticks: ticks.count > 7 ? ticks.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) : ticks, label: axis)
        if hasData {
            canvas.polyline(curve(x, y), stroke: Palette.series(0), width: 2.5)
        } else {
            canvas.text("no outage tickets", (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, anchor: .middle, fill: Palette.muted)
        }
        let drawn = limits.filter { $0.value > 0 }.sorted { $0.value < $1.value }
        for (index, limit) in drawn.enumerated() {
            drawLimit(&canvas, limit, index: index, count: drawn.count, x: x)
        }
        return canvas.svg(label: label)
    }

    /// The CDF evaluated at 200 log-spaced times across the domain (keeps the file small).
    func curve(_ x: Scale, _ y: Scale) -> [(x: Double, y: Double)] {
        let steps = 200
        let domain = x.domain   // the usable domain (positive, finite)
        let ratio = log10(domain.upperBound / domain.lowerBound)
        return (0...steps).map { step in
            let value = domain.lowerBound * pow(10, ratio * Double(step) / Double(steps))
            return (x.position(value), y.position(Self.share(atOrBelow: value, buckets)))
        }
    }

    /// A dashed vertical line with its duration written just above the plot (the first of two
    /// to the left of its line, the second to the right, so close limits stay readable).
    private func drawLimit(_ canvas: inout SVGCanvas, _ limit: ReferenceLine, index: Int, count: Int, x: Scale) {
        let position = x.position(limit.value)
        canvas.line(position, plot.top, position, plot.bottom, stroke: Palette.target, width: 1.5, dash: index == 0 ? "6 4" : "2 3")
        let anchor: SVGCanvas.Anchor = count == 1 ? .middle : index == 0 ? .end : .start
        canvas.text(NumberText.duration(minutes: limit.value), position + (anchor == .start ? 2 : anchor == .end ? -2 : 0),
                    plot.top - 5, size: 12, anchor: anchor, fill: Palette.target, weight: "600")
    }
}
