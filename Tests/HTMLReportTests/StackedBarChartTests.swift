import HTMLReport
import Testing

/// The stacked bar chart of `price --html` and the LineChart options of `staff --html`: geometry
/// checked against the plot rectangle.
@Suite struct StackedBarChartTests {
    static func chart() -> StackedBarChart {
        StackedBarChart(
            parts: ["loaded", "credits", "protection"],
            bars: [.init(label: "SLA-AA", values: [0.1, 0.2, 0.2], note: "break-even 50 % <of> fee"),
                   .init(label: "QLC", values: [0.05, -1, 0], note: "")],
            axis: AxisLabel("Share of today's fee", unit: "%", format: .percent(0)),
            reference: ReferenceLine(value: 1, label: "today's fee"))
    }

    @Test func partsStackFromZeroAndTheReferenceSetsTheAxis() {
        let chart = Self.chart()
        let scale = chart.valueScale
        #expect(scale.domain == 0...1, "the reference (100 %) is the largest value")
        #expect(scale.position(1) == chart.plot.right)
        #expect(chart.bars[1].total == 0.05, "a negative part counts as 0")
        let svg = chart.svg(label: "bars")
        // SLA-AA's credits start where its loaded part ends (10 % of the plot's width) and are 20 % wide.
        let start = NumberText.coordinate(chart.plot.left + chart.plot.width * 0.1)
        let width = NumberText.coordinate(chart.plot.width * 0.2)
        #expect(svg.contains("<rect x=\"\(start)\" y=\"\(NumberText.coordinate(chart.plot.top + chart.rowHeight * 0.2))\" width=\"\(width)\""))
        #expect(svg.contains("break-even 50 % &lt;of&gt; fee"))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 4, "three parts of SLA-AA, one of QLC")
        #expect(chart.height == 44 + 2 * chart.rowHeight + 60)
    }

    /// A study's mix names (`aaa-share=1.5,growth=1.2`) are longer than a tier's: the labels'
    /// margin grows so the name's first letter stays inside the view box, and short labels keep
    /// the usual 110.
    @Test func theLeftMarginFitsTheLongestLabel() {
        let short = Self.chart()
        #expect(short.plot.left == 110)
        var long = short
        long.bars[0].label = "aaa-share=1.5,growth=1.2"
        // The label is drawn right-aligned 12 px left of the plot; at about 8.5 px a character
        // (bold 14 px) it needs 24 × 8.5 = 204 px, so the plot must start beyond 216.
        #expect(long.plot.left >= 12 + 8.5 * 24)
        #expect(long.plot.left <= long.width / 2)
        #expect(long.valueScale.position(0) == long.plot.left, "the bars start where the labels end")
    }

    @Test func lineChartMarkersWidenTheInputAxisAndAreLabelled() {
        var chart = LineChart(series: [.init(name: "AA", points: [.init(x: 10, y: 0.9), .init(x: 20, y: 1)])],
                              xAxis: AxisLabel("Cost", unit: "", format: .number(0)),
                              yAxis: AxisLabel("Compliance", unit: "%", format: .percent(0)))
        let plain = chart.svg(label: "l")
        chart.markers = [ReferenceLine(value: 30, label: "today")]
        chart.title = "SLA-AA"
        #expect(chart.xScale.domain.upperBound >= 30)
        let marked = chart.svg(label: "l")
        #expect(marked.contains(">today</text>") && marked.contains(">SLA-AA</text>"))
        #expect(!plain.contains(">today</text>") && !plain.contains(">SLA-AA</text>"))
        let x = NumberText.coordinate(chart.xScale.position(30))
        #expect(marked.contains("<line x1=\"\(x)\" y1=\"\(NumberText.coordinate(chart.plot.top))\" x2=\"\(x)\""))
    }
}
