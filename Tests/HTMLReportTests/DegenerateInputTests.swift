import HTMLReport
import Testing

/// Charts are bounded by construction: no data, one value, infinite or non-positive domains and
/// astronomically large values give a finite drawing with a bounded number of ticks, never a
/// loop or a trap.
@Suite struct DegenerateInputTests {
    static let axis = AxisLabel("Value", unit: "units", format: .number(0))

    /// Every coordinate an SVG holds is a finite number (no `nan`, `inf`, `—` in attributes).
    static func hasOnlyFiniteCoordinates(_ svg: String) -> Bool {
        !svg.contains("\"nan") && !svg.contains("\"inf") && !svg.contains("\"-inf") && !svg.contains("=\"—\"")
    }

    @Test(arguments: [
        0 ... Double.infinity, -Double.infinity ... 0, -Double.infinity ... Double.infinity, 5...5,
        1e17...1e17, Double.greatestFiniteMagnitude ... Double.greatestFiniteMagnitude,
    ])
    func linearScaleOfAnUnusableDomainHasFinitePositionsAndFewTicks(domain: ClosedRange<Double>) {
        let scale = Scale(domain: domain, from: 0, to: 400)
        #expect(scale.domain.lowerBound.isFinite && scale.domain.upperBound.isFinite)
        #expect(scale.domain.lowerBound < scale.domain.upperBound)
        let ticks = scale.ticks(5)
        #expect(!ticks.isEmpty && ticks.count <= Scale.maximumTicks)
        #expect(ticks.allSatisfy { $0.isFinite })
        for value in [domain.lowerBound, domain.upperBound, 0, .nan] {
            #expect(scale.position(value).isFinite, "position of \(value)")
        }
    }

    @Test func ticksAreBoundedWhateverTheCountAsked() {
        #expect(Scale(domain: 0...1, from: 0, to: 1).ticks(1_000_000).count <= Scale.maximumTicks)
        #expect(Scale(domain: 0...1, from: 0, to: 1).ticks(0).count >= 1)
        #expect(Scale(domain: 0...1, from: 0, to: 1).ticks(-3).count >= 1)
    }

    @Test(arguments: [0 ... 100.0, -5 ... 0, 0 ... 0, 0 ... Double.infinity])
    func logScaleOfANonPositiveDomainBecomesAPositiveOne(domain: ClosedRange<Double>) {
        let scale = Scale(domain: domain, from: 0, to: 300, logarithmic: true)
        #expect(scale.domain.lowerBound > 0 && scale.domain.upperBound.isFinite)
        #expect(scale.domain.lowerBound < scale.domain.upperBound)
        #expect(scale.position(0).isFinite && scale.position(50).isFinite)
    }

    @Test func niceDomainOfNonFiniteBoundsIsFinite() {
        for (lower, upper) in [(0.0, Double.infinity), (0, .nan), (.nan, 1), (-.infinity, 3), (0, 0)] {
            let domain = Scale.niceDomain(lower, upper)
            #expect(domain.lowerBound.isFinite && domain.upperBound.isFinite && domain.lowerBound < domain.upperBound,
                    "niceDomain(\(lower), \(upper)) = \(domain)")
        }
    }

    @Test func intervalChartWithNoIntervalsAndAnOpenBoundDrawsAnEmptyAxis() {
        let chart = IntervalChart(categories: ["detection", "intake"], series: [.init(name: "mean", intervals: [nil, nil])],
                                  axis: Self.axis, bounds: 0 ... .infinity)
        let svg = chart.svg(label: "stages")
        #expect(svg.hasPrefix("<svg"))
        #expect(Self.hasOnlyFiniteCoordinates(svg))
        #expect(chart.valueScale.ticks().count <= Scale.maximumTicks)
    }

    @Test func intervalChartWithNoCategoriesOrSeriesDraws() {
        let svg = IntervalChart(categories: [], series: [], axis: Self.axis).svg(label: "nothing")
        #expect(svg.hasPrefix("<svg") && Self.hasOnlyFiniteCoordinates(svg))
    }

    @Test func distributionChartWithoutTicketsSaysSo() {
        for domain in [10 ... 1440.0, 0 ... 0, 0 ... 1440] {
            let chart = DistributionChart(title: "SLA-AA", buckets: [], limits: [ReferenceLine(value: 240, label: "4 h")],
                                          domain: domain)
            let svg = chart.svg(label: "restoration")
            #expect(svg.contains("no outage tickets"))
            #expect(Self.hasOnlyFiniteCoordinates(svg), "domain \(domain)")
        }
    }

    @Test func distributionChartWithZeroCountsOrZeroWidthBucketsIsFinite() {
        let buckets = [DistributionChart.Bucket(lower: 30, upper: 30, count: 0), .init(lower: 0, upper: 0, count: 3)]
        let svg = DistributionChart(title: "t", buckets: buckets, limits: [], domain: 1...100).svg(label: "d")
        #expect(Self.hasOnlyFiniteCoordinates(svg))
        #expect(DistributionChart.share(atOrBelow: 10, []) == 0)
    }

    @Test func exposureChartOfEmptyZeroAndHugeValuesIsFinite() {
        for values in [[Double](), [0, 0, 0], [1e300, 1e300], [-1e300, 1e300]] {
            let chart = ExposureChart(rows: [.init(name: "all", values: values, markers: [ReferenceLine(value: values.first ?? 0, label: "mean")])],
                                      axis: Self.axis)
            let svg = chart.svg(label: "credits")
            #expect(Self.hasOnlyFiniteCoordinates(svg), "values \(values)")
            #expect(chart.valueScale.ticks(6).count <= Scale.maximumTicks)
        }
    }

    @Test func heatmapWithAnEmptyDomainNoValuesOrNoRowsIsFinite() {
        let cases: [([[Double?]], ClosedRange<Double>)] = [([], 0...1), ([[nil, nil]], 0...0), ([[0.5, .nan]], 0...1)]
        for (values, domain) in cases {
            let chart = HeatmapChart(title: "t", values: values, rowLabels: values.map { _ in "r" }, columnLabels: ["a", "b"],
                                     domain: domain, axis: Self.axis, columnTitle: "hour")
            #expect(Self.hasOnlyFiniteCoordinates(chart.svg(label: "heat")))
        }
    }

    @Test func lineChartWithNoPointsOrOnePointIsFinite() {
        for points in [[LineChart.Point](), [.init(x: 3, y: 3)], [.init(x: 0, y: .infinity)]] {
            let chart = LineChart(series: [.init(name: "s", points: points)], xAxis: Self.axis, yAxis: Self.axis)
            #expect(Self.hasOnlyFiniteCoordinates(chart.svg(label: "line")), "points \(points)")
        }
    }

    @Test func stackedBarsOfZeroTotalsAreFinite() {
        let chart = StackedBarChart(parts: ["a", "b"], bars: [.init(label: "x", values: [0, 0])], axis: Self.axis)
        #expect(Self.hasOnlyFiniteCoordinates(chart.svg(label: "bars")))
        let none = StackedBarChart(parts: [], bars: [], axis: Self.axis)
        #expect(Self.hasOnlyFiniteCoordinates(none.svg(label: "none")))
    }
}
