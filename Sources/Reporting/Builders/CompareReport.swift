import Experiments
import HTMLReport
import SimCore

/// The report of `faultline compare`: per variant, every metric's base and variant means over
/// the paired replications and the paired difference variant − base with its 95 % interval and
/// verdict, with the HTML difference charts.
public struct CompareReport: Sendable {
    /// Where a scenario of the comparison came from.
    public struct Origin: Sendable, Hashable {
        /// The file it was read from.
        public var file: String
        /// The inline variant's name (`variants:` of the file), nil for the file's own scenario.
        public var inlineVariant: String?

        /// An origin.
        public init(file: String, inlineVariant: String? = nil) {
            self.file = file
            self.inlineVariant = inlineVariant
        }

        /// `scenarios/x.yaml`, or `variant in study.yaml`.
        var text: String { inlineVariant == nil ? file : "variant in \(file)" }
    }

    /// The comparison's figures.
    public var results: ComparisonResults
    /// The base file.
    public var baseFile: String
    /// Each variant's origin, in the results' order.
    public var origins: [Origin]
    /// Wall-clock time and threads.
    public var timing: Timing

    /// The report's inputs.
    public init(results: ComparisonResults, baseFile: String, origins: [Origin], timing: Timing) {
        precondition(origins.count == results.variants.count, "CompareReport: one origin per variant")
        self.results = results
        self.baseFile = baseFile
        self.origins = origins
        self.timing = timing
    }

    /// The report.
    public var report: Report {
        let sections = zip(results.variants, origins).enumerated().map { index, pair in
            variantSection(pair.0, origin: pair.1, number: index + 1)
        }
        return Report(
            command: "compare", title: "FaultLine compare · \(results.baseName)", context: context,
            keyFigures: keyFigures, sections: sections + [csvSection], notes: notes,
            document: CompareDocument(baseFile: baseFile, origins: origins, results: results), timing: timing)
    }

    var context: [String] {
        ["base \(baseFile)", "`\(results.baseName)`", "\(plural(results.replications, "replication")) each",
         "seed \(results.seed)", pairingText, "window \(NumberText.fixed(results.windowDays, 0)) days",
         "\(results.period.rawValue) periods"]
    }

    var pairingText: String { results.pairing == .common ? "common random numbers" : "independent streams" }

    var notes: [MethodNote] {
        var notes: [MethodNote] = [results.pairing == .common ? .pairedDifference : .independentDifference, .studentT]
        let partial = results.variants.contains { $0.metrics.contains { $0.pairs < results.replications } }
        if partial { notes.append(.partialCoverage) }
        notes.append(.perYear)
        return notes
    }

    // MARK: Key figures

    /// Verdict counts of the first variants, then the first variant's change in restoration
    /// compliance and claimed credits.
    var keyFigures: [KeyFigure] {
        var figures = results.variants.prefix(4).map { variant in
            KeyFigure("\(variant.name) against the base", .text("\(count(.better, variant)) better · \(count(.worse, variant)) worse"),
                      detail: "of \(variant.metrics.count) metrics; \(count(.noSignificantChange, variant)) without a significant change")
        }
        guard let first = results.variants.first else { return figures }
        for (name, label) in [("restoration", "restoration compliance, all tiers"), ("claimedCredits", "claimed credits per year")] {
            guard let metric = first.metrics.first(where: { $0.metric.description == name }), metric.difference != nil else { continue }
            figures.append(KeyFigure(label, difference(metric),
                                     detail: "\(first.name) − base, 95 % CI; \(Self.verdictName(metric.verdict))"))
        }
        return figures
    }

    func count(_ verdict: Verdict, _ variant: VariantComparison) -> Int {
        variant.metrics.filter { $0.verdict == verdict }.count
    }

    // MARK: One variant

    /// `night-crew-cut − base`: the verdict counts, the charts (HTML) and the metric table.
    func variantSection(_ variant: VariantComparison, origin: Origin, number: Int) -> Section {
        let counts = [Verdict.better, .worse, .noSignificantChange, .undetermined].compactMap { verdict -> String? in
            let count = count(verdict, variant)
            return count == 0 && verdict == .undetermined ? nil : "\(count) \(Self.verdictName(verdict))"
        }
        var blocks = differenceCharts(variant).map { Block.chart($0.chart, caption: $0.caption) }
        blocks.append(.text(significanceSentence(variant)))
        blocks.append(.table(metricTable(variant)))
        return Section(id: "variant-\(number)", title: "\(variant.name) (\(origin.text)) − base",
                       lead: counts.joined(separator: " · "), blocks: blocks)
    }

    /// `Significantly worse: a, b. Significantly better: c.`
    func significanceSentence(_ variant: VariantComparison) -> String {
        let worse = variant.metrics.filter { $0.verdict == .worse }.map(\.metric.description)
        let better = variant.metrics.filter { $0.verdict == .better }.map(\.metric.description)
        guard !worse.isEmpty || !better.isEmpty else { return "No metric changes significantly." }
        return [worse.isEmpty ? nil : "Significantly worse: " + listed(worse) + ".",
                better.isEmpty ? nil : "Significantly better: " + listed(better) + "."]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// Every metric: base, variant, difference, verdict.
    func metricTable(_ variant: VariantComparison) -> Table {
        Table(columns: [Column("metric"), Column("base"), Column("variant"), Column("difference (95 % CI)"), Column("verdict")],
              rows: variant.metrics.map { metric in
                  [.text(metric.metric.description), .estimate(metric.base, metric.metric.unit, of: results.replications),
                   .estimate(metric.variant, metric.metric.unit, of: results.replications), difference(metric),
                   .text(Self.verdictMark(metric.verdict))]
              })
    }

    func difference(_ metric: MetricComparison) -> Cell {
        .difference(metric.difference, metric.metric.unit, of: results.replications)
    }

    // MARK: CSV

    /// `comparison.csv`: one row per variant and metric, for programs only.
    var csvSection: Section {
        let columns = ["variant", "metric", "unit", "higher_is_better", "base", "variant_value", "difference",
                       "difference_lower", "difference_upper", "pairs", "skipped", "verdict"].map { Column($0) }
        let rows = results.variants.flatMap { variant in
            variant.metrics.map { metric -> [Cell] in
                let bounds = metric.difference.flatMap { $0.hasInterval && $0.halfWidth.isFinite ? $0 : nil }
                return [.text(variant.name), .text(metric.metric.description), .text(metric.metric.unit.rawValue),
                        .text(String(metric.metric.higherIsBetter)),
                        .estimate(metric.base, metric.metric.unit, of: results.replications),
                        .estimate(metric.variant, metric.metric.unit, of: results.replications), difference(metric),
                        .number(bounds.map { $0.mean - $0.halfWidth }, metric.metric.unit),
                        .number(bounds.map { $0.mean + $0.halfWidth }, metric.metric.unit),
                        .count(metric.pairs), .count(metric.skipped), .text(metric.verdict.rawValue)]
            }
        }
        return Section(id: "comparison-table", title: "Every variant and metric",
                       blocks: [.table(Table(csvName: "comparison", columns: columns, rows: rows, isShownToPeople: false))])
    }

    // MARK: Words

    /// `better`, `worse`, `no significant change`, `undetermined (under 2 paired replications)`.
    static func verdictName(_ verdict: Verdict) -> String {
        switch verdict {
        case .better: return "better"
        case .worse: return "worse"
        case .noSignificantChange: return "no significant change"
        case .undetermined: return "undetermined (under 2 paired replications)"
        }
    }

    /// The verdict column: `✓ better`, `✗ worse`, empty, or `—` without an interval.
    static func verdictMark(_ verdict: Verdict) -> String {
        switch verdict {
        case .better: return "✓ better"
        case .worse: return "✗ worse"
        case .noSignificantChange: return ""
        case .undetermined: return "—"
        }
    }
}

/// `a, b, c` or `a, b and 7 more`: at most `limit` names.
func listed(_ names: [String], limit: Int = 8, separator: String = ", ") -> String {
    names.prefix(limit).joined(separator: separator) + (names.count > limit ? " and \(names.count - limit) more" : "")
}
