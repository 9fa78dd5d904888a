import HTMLReport
import Testing

/// Where the charts put things: values at the ends of an axis land on the plot's edges, log
/// scales place decades evenly, cumulative shares are computed as a reader would by hand.
@Suite struct ChartGeometryTests {
    @Test func linearScaleMapsTheDomainOntoThePixelSpan() {
        let scale = Scale(domain: 0...200, from: 100, to: 500)
        #expect(scale.position(0) == 100)
        #expect(scale.position(200) == 500)
        #expect(scale.position(50) == 200)
        #expect(scale.position(-10) == 100, "clamped to the domain")
        #expect(scale.ticks(4) == [0, 50, 100, 150, 200])
    }

    @Test func logScalePlacesEachDecadeEqually() {
        let scale = Scale(domain: 10...10_000, from: 0, to: 300, logarithmic: true)
        #expect(abs(scale.position(100) - 100) < 1e-9)
        #expect(abs(scale.position(1000) - 200) < 1e-9)
        #expect(scale.position(10_000) == 300)
    }

    @Test func niceDomainsAndStepsAreRound() {
        #expect(Scale.niceStep(1, count: 5) == 0.2)
        #expect(Scale.niceStep(830, count: 5) == 200)
        #expect(Scale.niceDomain(0, 3_834_000, count: 6) == 0...4_000_000)
    }

    @Test func intervalAtTheAxisMaximumSitsOnThePlotsTopEdge() {
        let chart = IntervalChart(
            categories: ["SLA-AA", "SLA-A"],
            series: [.init(name: "restoration", intervals: [.init(value: 1, halfWidth: 0), .init(value: 0.9, halfWidth: 0.05)])],
            axis: AxisLabel("Compliance", unit: "%", format: .percent(0)), bounds: 0...1)
        let scale = chart.valueScale
        #expect(scale.domain.upperBound == 1, "a share never goes past 100 %")
        #expect(scale.position(1) == chart.plot.top)
        #expect(scale.position(scale.domain.lowerBound) == chart.plot.bottom)
        #expect(scale.domain.lowerBound <= 0.85, "the lowest whisker (0.85) is inside")
        let svg = chart.svg(label: "compliance")
        #expect(svg.contains("cy=\"\(NumberText.coordinate(chart.plot.top))\""), "the 100 % dot is drawn at the top edge")
        // One series: its dot is centred in the category's band.
        let band = chart.plot.width / 2
        #expect(abs(chart.centre(category: 1, series: 0) - (chart.plot.left + band * 1.5)) < 1e-9)
    }

    @Test func targetLineIsDrawnAtItsValue() {
        let chart = IntervalChart(categories: ["a"], series: [.init(name: "s", intervals: [.init(value: 0.9, halfWidth: 0.01)])],
                                  axis: AxisLabel("Share", unit: "%", format: .percent(0)),
                                  target: ReferenceLine(value: 0.95, label: "target 95 %"), domain: 0.8...1)
        let y = NumberText.coordinate(chart.valueScale.position(0.95))
        let svg = chart.svg(label: "t")
        #expect(svg.contains("y1=\"\(y)\" x2=\"\(NumberText.coordinate(chart.plot.right))\" y2=\"\(y)\" stroke=\"\(Palette.target)\""))
        #expect(svg.contains(">target 95 %</text>"))
    }

    @Test func cumulativeShareCountsWholeBucketsAndSpreadsThePartOne() {
        let buckets = [DistributionChart.Bucket(lower: 0, upper: 10, count: 2),
                       DistributionChart.Bucket(lower: 10, upper: 20, count: 4),
                       DistributionChart.Bucket(lower: 20, upper: 40, count: 2)]
        #expect(DistributionChart.share(atOrBelow: 10, buckets) == 0.25)
        #expect(DistributionChart.share(atOrBelow: 15, buckets) == 0.5, "half of the middle bucket")
        #expect(DistributionChart.share(atOrBelow: 40, buckets) == 1)
        #expect(DistributionChart.share(atOrBelow: 100, []) == 0)
    }

    @Test func distributionLimitLineAndCurveEnds() {
        let chart = DistributionChart(title: "SLA-AA", buckets: [.init(lower: 30, upper: 90, count: 10)],
                                      limits: [ReferenceLine(value: 240, label: "limit 4 h")], domain: 15...1440)
        let x = NumberText.coordinate(chart.timeScale.position(240))
        let svg = chart.svg(label: "d")
        #expect(svg.contains("<line x1=\"\(x)\" y1=\"\(NumberText.coordinate(chart.plot.top))\" x2=\"\(x)\""), "the limit is a vertical line")
        #expect(svg.contains("limit 4 h: 100.0 %"), "all ten tickets within 4 h")
        #expect(chart.timeScale.position(1440) == chart.plot.right)
        // The curve starts at 0 % on the left edge and ends at 100 % on the right edge.
        let start = "\(NumberText.coordinate(chart.plot.left)),\(NumberText.coordinate(chart.plot.bottom))"
        let end = "\(NumberText.coordinate(chart.plot.right)),\(NumberText.coordinate(chart.plot.top))"
        #expect(svg.contains("points=\"\(start) "))
        #expect(svg.contains(" \(end)\" fill=\"none\""))
    }

    @Test func exposureDotsAndMarkersStayInsideThePlot() {
        let values = (1...20).map { 2_000_000 + Double($0) * 100_000 }
        let chart = ExposureChart(rows: [.init(name: "claimed", values: values, markers: [
            ReferenceLine(value: 3_050_000, label: "mean"), ReferenceLine(value: 3_900_000, label: "p95"),
            ReferenceLine(value: 4_000_000, label: "p99")])],
            axis: AxisLabel("Credits per year", unit: "EUR", format: .compactMoney))
        let scale = chart.valueScale
        #expect(scale.domain.lowerBound <= 2_100_000 && scale.domain.upperBound >= 4_000_000)
        #expect(scale.domain.lowerBound > 0, "the axis shows the spread, not a long stretch from 0")
        let svg = chart.svg(label: "e")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 20, "one dot per replication")
        #expect(svg.contains(">p99 4.00 M</text>") && svg.contains(">mean 3.05 M</text>"))
    }

    @Test func equalMarkersShareOneLabel() {
        let chart = ExposureChart(rows: [.init(name: "x", values: [1, 2], markers: [
            ReferenceLine(value: 2, label: "p95"), ReferenceLine(value: 2, label: "p99")])],
            axis: AxisLabel("x", unit: "", format: .number(0)))
        #expect(chart.svg(label: "e").contains(">p95 = p99 2</text>"))
    }

    @Test func heatmapPutsEachHourOfTheWeekInItsDayAndHour() {
        var values = [Double?](repeating: 0.1, count: 168)
        values[2 * 24 + 8] = 0.9   // Wednesday 08:00–09:00
        values[6 * 24 + 23] = nil  // Sunday 23:00–24:00: nobody
        let chart = HeatmapChart.hourOfWeek(title: "crews", values)
        let svg = chart.svg(label: "h")
        #expect(svg.contains("<title>Wed 08:00: 90 %</title>"))
        #expect(svg.contains("<title>Sun 23:00: nobody present</title>"))
        #expect(svg.components(separatedBy: ": 10 %</title>").count - 1 == 166)
        // Wednesday is the third row, 08:00 the ninth column.
        let cellWidth = chart.plot.width / 24
        let x = NumberText.coordinate(chart.plot.left + cellWidth * 8 + 0.5)
        let y = NumberText.coordinate(chart.plot.top + chart.cellHeight * 2 + 0.5)
        #expect(svg.contains("<rect x=\"\(x)\" y=\"\(y)\""))
        #expect(svg.contains("fill=\"\(Palette.sequential(0.9))\""))
    }

    @Test func heatmapOfCategoriesColoursEachAndListsThemInItsKey() {
        var chart = HeatmapChart(title: "binding", values: [[0, 1], [-1, nil]], rowLabels: ["a", "b"], columnLabels: ["x", "y"],
                                 domain: -1...1, axis: AxisLabel("Binding target", unit: "", format: .number(0)), columnTitle: "g")
        let plain = chart.height
        chart.categories = [.init(value: 0, label: "#1 accept", colour: "#0072B2"), .init(value: 1, label: "#2 credits", colour: "#E69F00"),
                            .init(value: -1, label: "none", colour: "#9AA5B1")]
        chart.emptyLabel = "no mix"
        let svg = chart.svg(label: "b")
        #expect(svg.contains("<title>a x: #1 accept</title>") && svg.contains("<title>b x: none</title>"))
        #expect(svg.contains("<title>b y: no mix</title>"))
        #expect(svg.contains(">#2 credits</text>") && svg.contains("fill=\"#E69F00\""))
        #expect(!svg.contains(">0.5</text>"), "no shaded key for categories")
        #expect(plain >= 34 + 6 * 16 + 6 + 16, "two rows: the chart grows to hold its shaded key")
        #expect(chart.height == 34 + 2 * chart.cellHeight + 46 + 18 * 4 + 8, "one key line per category and one for the title")
    }

    @Test func textColourOnAColourFollowsItsLuminance() {
        #expect(Palette.isDark("#0072B2") && Palette.isDark("#000000"))
        #expect(!Palette.isDark("#E69F00") && !Palette.isDark("#FFFFFF") && !Palette.isDark("not a colour"))
    }

    @Test func lineChartMapsItsExtremesToTheCorners() {
        let chart = LineChart(series: [.init(name: "AAA", points: [.init(x: 10, y: 0.9), .init(x: 20, y: 1)])],
                              xAxis: AxisLabel("Crews", unit: "", format: .number(0)),
                              yAxis: AxisLabel("Compliance", unit: "%", format: .percent(0)),
                              target: ReferenceLine(value: 0.95, label: "target"), xDomain: 10...20, yDomain: 0.9...1)
        #expect(chart.xScale.position(20) == chart.plot.right)
        #expect(chart.yScale.position(1) == chart.plot.top)
        let corner = "\(NumberText.coordinate(chart.plot.right)),\(NumberText.coordinate(chart.plot.top))"
        #expect(chart.svg(label: "l").contains(corner))
    }

    @Test func sequentialRampRunsFromLightToDark() {
        #expect(Palette.sequential(0) == "#f7fbff")
        #expect(Palette.sequential(1) == "#08306b")
        #expect(Palette.sequential(2) == Palette.sequential(1), "clamped")
    }
}
