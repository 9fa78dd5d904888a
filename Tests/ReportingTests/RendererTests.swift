import Foundation
import HTMLReport
import Reporting
import SimCore
import Testing
import TestSupport

/// Each renderer on one fixed report, pinned in a golden file per format, plus the rules the
/// golden files alone would not make plain.
@Suite struct RendererTests {
    /// Three replications' worth of a small, fixed report: a table with estimates (one resting on
    /// fewer replications, one missing), money, counts, shares and text; a CSV-only table; a
    /// chart; key figures, notes and timing.
    static var report: Report {
        let full = Estimate([0.90, 0.92, 0.94])!
        let partial = Estimate([0.5])!
        let money = Estimate([1000, 1200, 1400])!
        let table = Table(
            csvName: "by-tier",
            columns: [Column("tier"), Column("tickets"), Column("dispatch", csv: "dispatch_met"),
                      Column("restoration", csv: "restoration_met"), Column("credits/yr", csv: "credits_per_year"),
                      Column("p95", csv: "credits_p95"), Column("note")],
            rows: [
                [.text("SLA-A"), .count(1234), .estimate(full, .share, of: 3), .estimate(partial, .share, of: 3),
                 .estimate(money, .money, of: 3), .money(1400), .text("ok")],
                [.text("all"), .count(1234), .estimate(full, .share, of: 3), .estimate(nil, .share, of: 3),
                 .estimate(money, .money, of: 3), .money(nil), .text("")],
            ],
            emphasisedRows: [1])
        let hourly = Table(csvName: "hours", columns: [Column("staff"), Column("hour_0")],
                           rows: [[.text("agents"), .share(0.25)]], isShownToPeople: false)
        let chart = IntervalChart(
            categories: ["SLA-A"], series: [.init(name: "dispatch", intervals: [.init(value: 0.92, halfWidth: 0.02)])],
            axis: AxisLabel("Tickets meeting the checkpoint", unit: "%", format: .percent(0)), bounds: 0...1)
        return Report(
            command: "test", title: "FaultLine test · fixed", context: ["fixed.yaml", "3 replications"],
            keyFigures: [KeyFigure("dispatched in time", .share(0.92), detail: "all tiers"),
                         KeyFigure("wait", .duration(minutes: 90))],
            sections: [Section(id: "compliance", title: "Compliance", lead: "dispatch within 20 min",
                               blocks: [.chart(.interval(chart, label: "Compliance"), caption: "Dots are means."),
                                        .table(table), .table(hourly), .text("A closing line.")])],
            notes: [.studentT, .partialCoverage],
            document: Document(name: "fixed", share: 0.92, missing: nil, estimate: full),
            timing: Timing(wallSeconds: 1.234, threads: 2))
    }

    struct Document: Encodable, Sendable {
        var name: String
        var share: Double
        var missing: Double?
        var estimate: Estimate
    }

    @Test func terminal() {
        #expect(GoldenFile.mismatch(TerminalRenderer.render(Self.report) + "\n", named: "report.txt") == nil)
    }

    @Test func csv() throws {
        let files = try CSVRenderer.render(Self.report)
        #expect(files.map(\.name) == ["by-tier.csv", "hours.csv"], "every table with a CSV name, people's or not")
        let text = files.map { "# \($0.name)\n" + String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(GoldenFile.mismatch(text, named: "report-csv.txt") == nil)
    }

    @Test func html() {
        let page = HTMLRenderer.render(Self.report)
        #expect(!page.contains("1.23"), "timing stays out of the page, so it is byte-identical for a seed")
        #expect(!page.contains("agents"), "a table only programs read stays off the page")
        #expect(GoldenFile.mismatch(page, named: "report.html") == nil)
    }

    @Test func json() throws {
        let bytes = try JSONRenderer.render(Self.report, includeTiming: true)
        #expect(GoldenFile.mismatch(String(decoding: bytes, as: UTF8.self), named: "report.json") == nil)
        let untimed = String(decoding: try JSONRenderer.render(Self.report, includeTiming: false), as: UTF8.self)
        #expect(!untimed.contains("timing") && untimed.contains("\"share\" : 0.92"))
    }

    @Test func nonFiniteNumbersAreRefusedNamingTheKey() {
        var report = Self.report
        report.document = Document(name: "bad", share: .infinity, missing: nil, estimate: Estimate([1])!)
        #expect(throws: (any Error).self) { try JSONRenderer.render(report, includeTiming: false) }
        do {
            _ = try JSONRenderer.render(report, includeTiming: false)
        } catch {
            #expect(error.description.contains("share"), "\(error)")
        }
    }
}
