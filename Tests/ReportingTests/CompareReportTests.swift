import Experiments
import Foundation
import Reporting
import SimCore
import Testing

/// The `compare` report built from fixed paired values: the verdicts, the difference cells, the
/// CSV table and the JSON keys.
@Suite struct CompareReportTests {
    /// Four replications: restoration falls by exactly 25 points in every one (worse); dispatch
    /// moves by ±12.5 points around 0 (no significant change); SLA-AA credits exist in one
    /// replication only (undetermined). Binary fractions, so the differences are exact.
    static var results: ComparisonResults {
        let restoration = MetricComparison(metric: Metric(.group("all", .restoration)),
                                           base: [0.5, 0.75, 0.5, 0.75], variant: [0.25, 0.5, 0.25, 0.5])
        let dispatch = MetricComparison(metric: Metric(.group("all", .dispatch)),
                                        base: [0.5, 0.5, 0.5, 0.5], variant: [0.625, 0.375, 0.625, 0.375])
        let credits = MetricComparison(metric: Metric(.group("SLA-AA", .credits)),
                                       base: [1000, nil, nil, nil], variant: [1500, nil, nil, nil])
        let variant = VariantComparison(name: "thin", scenarioName: "thin-east", seed: 7,
                                        metrics: [restoration, dispatch, credits])
        return ComparisonResults(baseName: "base", seed: 7, replications: 4, period: .month, windowDays: 60,
                                 pairing: .common, variants: [variant])
    }

    static var report: Report {
        CompareReport(results: results, baseFile: "base.yaml", origins: [.init(file: "study.yaml", inlineVariant: "thin")],
                      timing: Timing(wallSeconds: 1.5, threads: 2)).report
    }

    @Test func verdictsAndDifferencesReadAsBefore() {
        let text = TerminalRenderer.render(Self.report)
        #expect(text.hasPrefix("faultline compare · base base.yaml · `base` · 4 replications each · seed 7 · common random numbers"))
        #expect(text.contains("thin (variant in study.yaml) − base: 0 better · 1 worse · 1 no significant change · 1 undetermined"))
        #expect(text.contains("Significantly worse: restoration."))
        let lines = text.split(separator: "\n")
        let restoration = lines.first { $0.hasPrefix("  restoration  ") }.map(String.init) ?? ""
        #expect(restoration.contains("-25.0 ± 0.0 pp") && restoration.hasSuffix("✗ worse"), "\(restoration)")
        let credits = lines.first { $0.contains("SLA-AA.credits") }.map(String.init) ?? ""
        #expect(credits.contains("+500 n=1") && credits.hasSuffix("—"), "one pair: no interval, undetermined: \(credits)")
        #expect(Self.report.notes.contains(.partialCoverage) && Self.report.notes.first == .pairedDifference)
    }

    @Test func csvHasOneRowPerMetricWithTheDifferenceBounds() throws {
        let files = try CSVRenderer.render(Self.report)
        #expect(files.map(\.name) == ["comparison.csv"])
        let lines = String(decoding: files[0].bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines[0] == "variant,metric,unit,higher_is_better,base,base_ci,variant_value,variant_value_ci,difference,"
                + "difference_ci,difference_lower,difference_upper,pairs,skipped,verdict")
        #expect(lines.count == 4)
        let dispatch = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(dispatch[0...3] == ["thin", "dispatch", "share", "true"])
        #expect(dispatch[8] == "0" && dispatch[12...14] == ["4", "0", "noSignificantChange"])
        let lower = try #require(Double(dispatch[10])), upper = try #require(Double(dispatch[11]))
        #expect(lower < 0 && upper == -lower, "an interval around 0")
        #expect(lines[3].hasSuffix(",1,3,undetermined") && lines[3].contains(",500,,,,"), "no bounds with one pair: \(lines[3])")
    }

    @Test func jsonCarriesTheOriginsAndTheBounds() throws {
        let bytes = try JSONRenderer.render(Self.report, includeTiming: false)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(document["command"] as? String == "compare" && document["timing"] == nil)
        let facts = try #require(document["comparison"] as? [String: Any])
        #expect(facts["seed"] as? String == "7" && facts["randomNumbers"] as? String == "common")
        let variant = try #require((document["variants"] as? [[String: Any]])?.first)
        #expect(variant["file"] as? String == "study.yaml" && variant["inlineVariant"] as? String == "thin")
        let metrics = try #require(variant["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["unit"] as? String } == ["share", "share", "money"])
        let difference = try #require(metrics[0]["difference"] as? [String: Any])
        #expect(difference["mean"] as? Double == -0.25 && difference["replications"] as? Int == 4)
        #expect(difference["lower"] is Double && difference["upper"] is Double)
        let single = try #require(metrics[2]["difference"] as? [String: Any])
        #expect(single["lower"] is NSNull && single["halfWidth"] is NSNull, "no interval from one pair")
    }

    @Test func htmlDrawsTheDifferenceChartsOfTheVariant() {
        let html = HTMLRenderer.render(Self.report)
        #expect(html.contains("<section id=\"variant-1\">"))
        #expect(html.contains("aria-label=\"thin − base: Compliance per tier and checkpoint\""))
        #expect(html.contains("aria-label=\"thin − base: Credits per year\""))
        #expect(!html.contains("comparison-table"), "the CSV-only table is not on the page")
    }
}
