import Foundation
import HTMLReport
import Testing

/// Every chart on one page from fixed values: what `compare`, `staff` and `price` pages are built
/// from. With `FAULTLINE_GALLERY=/path/page.html` set, the page is also written there, to look
/// at with `scripts/screenshot-report.sh`.
@Suite struct GalleryTests {
    static func page() -> HTMLPage {
        let staffing = LineChart(
            series: [
                .init(name: "SLA-AAA restoration", points: (0..<6).map { step in
                    let y = 0.9 + 0.018 * Double(step) - 0.001 * Double(step * step)
                    return .init(x: 10 + 2 * Double(step), y: y, lower: y - 0.01, upper: y + 0.01)
                }),
                .init(name: "SLA-AA restoration", points: (0..<6).map { .init(x: 10 + 2 * Double($0), y: 0.88 + 0.015 * Double($0)) }),
            ],
            xAxis: AxisLabel("Crews on duty, all regions", unit: "crews", format: .number(0)),
            yAxis: AxisLabel("Restoration compliance", unit: "%", format: .percent(0)),
            target: ReferenceLine(value: 0.95, label: "target 95 %"))
        let intervals = IntervalChart(
            categories: ["SLA-AAA", "SLA-AA", "SLA-A"],
            series: [.init(name: "base", intervals: [.init(value: 0.97, halfWidth: 0.01), .init(value: 0.94, halfWidth: 0.004), .init(value: 0.987, halfWidth: 0.002)]),
                     .init(name: "one crew fewer at night", intervals: [.init(value: 0.95, halfWidth: 0.012), .init(value: 0.91, halfWidth: 0.005), .init(value: 0.98, halfWidth: 0.002)])],
            axis: AxisLabel("Restoration compliance", unit: "%", format: .percent(0)),
            target: ReferenceLine(value: 0.95, label: "target 95 %"), bounds: 0...1)
        let distribution = DistributionChart(
            title: "SLA-AA", buckets: (0..<40).map { .init(lower: Double($0) * 10, upper: Double($0 + 1) * 10, count: Double(40 - $0)) },
            limits: [ReferenceLine(value: 120, label: "limit 2 h")], domain: 5...1440, subtitle: "820 outage tickets")
        let values: [Double] = (0..<20).map { index in
            let offset = Double((index * 7919) % 20)
            return 3_600_000 + offset * 30_000
        }
        let exposure = ExposureChart(
            rows: [.init(name: "base", values: values,
                         markers: [ReferenceLine(value: 3_885_000, label: "mean"), ReferenceLine(value: 4_170_000, label: "p95"), ReferenceLine(value: 4_170_000, label: "p99")])],
            axis: AxisLabel("Claimed credits per year", unit: "EUR", format: .compactMoney))
        let utilisation: [Double?] = (0..<168).map { hour -> Double? in
            if hour % 24 < 6 && hour >= 120 { return nil }
            return 0.2 + 0.6 * Double((hour * 37) % 24) / 24
        }
        let heat = HeatmapChart.hourOfWeek(title: "Crews · east", utilisation)
        return HTMLPage(
            title: "Chart gallery", subtitle: "fixed values",
            keyFigures: [.init(label: "crews", value: "42", detail: "minimum meeting every target")],
            sections: [.init(id: "charts", title: "Every chart", lead: "From fixed values.", blocks: [
                .chart(svg: staffing.svg(label: "staffing curve"), caption: "Line chart with a confidence band and a target."),
                .chart(svg: intervals.svg(label: "intervals"), caption: "Interval chart with a target."),
                .charts([distribution.svg(label: "distribution"), distribution.svg(label: "distribution")], columns: 2, caption: "Distribution against a limit."),
                .chart(svg: exposure.svg(label: "exposure"), caption: "Exposure."),
                .chart(svg: heat.svg(label: "heat map"), caption: "Heat map."),
                .table(HTMLTable(header: ["group", "crews", "cost / year"], rows: [["east", "12", "2,886,107"], ["total", "12", "2,886,107"]], emphasisedRows: [1])),
            ])],
            footer: "gallery")
    }

    @Test func everyChartRendersIntoOneSelfContainedPage() throws {
        let html = Self.page().render()
        #expect(html.components(separatedBy: "<svg ").count - 1 == 6)
        #expect(html.contains("<polygon"), "the confidence band is drawn")
        #expect(!html.contains("http") && !html.contains("<script"))
        #expect(!html.contains("nan") && !html.contains("inf"), "every coordinate is a finite number")
        if let path = ProcessInfo.processInfo.environment["FAULTLINE_GALLERY"] {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
