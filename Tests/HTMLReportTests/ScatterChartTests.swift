import HTMLReport
import Testing

@Suite struct ScatterChartTests {
    let axis = AxisLabel("x", unit: "", format: .number(0))

    /// Lower x and higher y are better: c is beaten by b (cheaper and better), d by a.
    @Test func theFrontierKeepsThePointsNoOtherBeatsOnBothAxes() {
        let points = [
            ScatterChart.Point(label: "a", x: 10, y: 0.90), ScatterChart.Point(label: "b", x: 20, y: 0.95),
            ScatterChart.Point(label: "c", x: 30, y: 0.94), ScatterChart.Point(label: "d", x: 12, y: 0.85),
            ScatterChart.Point(label: "e", x: 40, y: 0.99),
        ]
        let chart = ScatterChart(points: points, xAxis: axis, yAxis: axis)
        #expect(chart.frontier.map(\.label) == ["a", "b", "e"])
    }

    @Test func pointsAtOnePlaceShareOneLabel() {
        let points = [
            ScatterChart.Point(label: "base", x: 10, y: 0.9, xHalfWidth: 1, yHalfWidth: 0.01, isReference: true),
            ScatterChart.Point(label: "today", x: 10, y: 0.9, xHalfWidth: 1, yHalfWidth: 0.01),
            ScatterChart.Point(label: "more", x: 20, y: 0.95),
        ]
        let svg = ScatterChart(points: points, xAxis: axis, yAxis: axis).svg(label: "test")
        #expect(svg.contains(">base, today<"))
        #expect(!svg.contains(">today<"))
    }

    /// A share's 95 % whisker from few replications can pass 100 %; the axis and the whisker stop
    /// at the share's bounds.
    @Test func whiskersAndTheAxisStayWithinTheBounds() {
        var chart = ScatterChart(points: [ScatterChart.Point(label: "a", x: 10, y: 0.75, yHalfWidth: 0.5),
                                          ScatterChart.Point(label: "b", x: 20, y: 0.99, yHalfWidth: 0.005)],
                                 xAxis: axis, yAxis: axis)
        #expect(chart.yScale.domain.upperBound > 1, "unbounded, the nice domain passes 100 %")
        chart.yBounds = 0...1
        #expect(chart.yScale.domain.upperBound == 1)
        #expect(chart.yWhisker(chart.points[0]) == (low: 0.25, high: 1))
        #expect(chart.yWhisker(chart.points[1]).high == 0.995)
    }
}
