import HTMLReport
import Testing

/// The page as a file a planner opens: escaped text, nothing fetched from the network, the same
/// bytes for the same content, fixed-precision numbers.
@Suite struct DocumentTests {
    static func page(name: String) -> HTMLPage {
        let chart = IntervalChart(categories: [name], series: [.init(name: name, intervals: [.init(value: 0.5, halfWidth: 0.1)])],
                                  axis: AxisLabel("Share", unit: "%", format: .percent(0)))
        return HTMLPage(
            title: "Run · \(name)", subtitle: "scenario \(name)",
            keyFigures: [.init(label: name, value: "97.1 %", detail: name)],
            sections: [.init(id: "compliance", title: "Compliance of \(name)", lead: name, blocks: [
                .chart(svg: chart.svg(label: name), caption: name),
                .table(HTMLTable(header: ["tier", name], rows: [[name, "1"]])),
                .text(name),
            ])],
            footer: name)
    }

    @Test func textIsEscapedEverywhere() {
        let html = Self.page(name: "a<&>\"b'").render()
        #expect(!html.contains("<&>"))
        #expect(!html.contains("a<"))
        #expect(html.contains("a&lt;&amp;&gt;&quot;b&#39;"))
        #expect(html.components(separatedBy: "a&lt;&amp;&gt;&quot;b&#39;").count - 1 >= 10, "title, subtitle, figure, chart, table, text, footer")
    }

    @Test func escapeReplacesTheFiveSpecialCharacters() {
        #expect(Markup.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Markup.escape("plain ± 95 %") == "plain ± 95 %")
    }

    @Test func pageIsSelfContainedAndPrintable() {
        let html = Self.page(name: "baseline").render()
        for forbidden in ["http://", "https://", "<script", "@import", "url(", "<link", "<img"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>") && html.contains("@media print") && html.contains("break-before: page"))
        #expect(html.contains("<section id=\"compliance\">") && html.contains("<svg viewBox="))
    }

    @Test func sameContentGivesTheSameBytes() {
        #expect(Self.page(name: "x").render() == Self.page(name: "x").render())
    }

    @Test func numbersHaveAFixedPrecision() {
        #expect(NumberText.fixed(-0.0001, 2) == "0.00")
        // 2.345 is stored as 2.34499…, 2.35 as 2.35000…1: rounding follows the stored value.
        #expect(NumberText.fixed(2.345, 1) == "2.3")
        #expect(NumberText.fixed(2.35, 1) == "2.4")
        #expect(NumberText.grouped(1_234_567.891, 1) == "1,234,567.9")
        #expect(NumberText.grouped(-1234) == "-1,234")
        #expect(NumberText.percent(0.9712) == "97.1 %")
        #expect(NumberText.compact(3_834_000) == "3.83 M")
        #expect(NumberText.compact(12_270_257) == "12.3 M")
        #expect(NumberText.compact(45_500) == "45.5 k")
        #expect(NumberText.duration(minutes: 90) == "1.5 h")
        #expect(NumberText.duration(minutes: 4320) == "3 d")
        #expect(NumberText.duration(minutes: 15) == "15 min")
        #expect(NumberText.coordinate(12.04) == "12")
        #expect(NumberText.coordinate(-0.04) == "0")
        #expect(NumberText.fixed(.nan, 1) == "—")
    }

    @Test func tableAlignsFiguresRightAndMarksTheTotal() {
        let html = HTMLTable(header: ["tier", "tickets"], rows: [["AA", "12"], ["all", "12"]], emphasisedRows: [1]).html()
        #expect(html.contains("<th>tier</th><th class=\"num\">tickets</th>"))
        #expect(html.contains("<tr class=\"total\"><td>all</td><td class=\"num\">12</td></tr>"))
    }

    @Test func aFigureMayBreakBeforeItsIntervalAndLongWordsKeepAWidth() {
        let html = HTMLTable(header: ["mix", "credits", "met", "binding"],
                             rows: [["base", "4,891,600.12 ± 65,447.97", "yes", "credits.p95 <= 5000000 (out of reach)"]],
                             numericColumns: [1]).html()
        #expect(html.contains("<td class=\"num interval\"><span>4,891,600.12</span> <span>± 65,447.97</span></td>"))
        #expect(html.contains("<td>yes</td>"), "a short word column keeps no width")
        #expect(html.contains("<th class=\"words\">binding</th>") && html.contains("<td class=\"words\">credits.p95"))
    }
}
