import Experiments
import Foundation
import SimCore

/// Renders the results of `faultline compare`.
enum CompareReport {
    /// Everything a report is rendered from.
    struct Context {
        var inputs: CompareInputs
        var results: ComparisonResults
        var wallSeconds: Double
        var threads: Int
    }

    /// The report a person reads: a headline, then per variant a one-line verdict count and a
    /// table of metrics with the paired difference and whether it is significant.
    static func terminal(_ context: Context) -> String {
        var lines = [headline(context), ""]
        for (variant, source) in zip(context.results.variants, context.inputs.variants) {
            lines.append(summary(variant, source: source))
            lines.append(row("metric", "base", "variant", "difference (95 % CI)", "verdict"))
            lines += variant.metrics.map(metricRow)
            lines.append("")
        }
        lines.append(footnote(context.results))
        return lines.joined(separator: "\n")
    }

    static func headline(_ context: Context) -> String {
        let results = context.results
        return "faultline compare · base \(context.inputs.baseFile) · `\(results.baseName)` · "
            + "\(results.replications) replications each · seed \(results.seed) · \(pairingText(results.pairing)) · "
            + "window \(TextFormat.fixed(results.windowDays, 0)) days · \(results.period.rawValue) periods · "
            + "\(TextFormat.fixed(context.wallSeconds, 2)) s on \(context.threads) thread\(context.threads == 1 ? "" : "s")"
    }

    static func pairingText(_ pairing: StreamPairing) -> String {
        pairing == .common ? "common random numbers" : "independent streams"
    }

    /// `night-crew-cut (scenarios/night-crew-cut.yaml) − base: 2 better · 9 worse · 31 no significant change`.
    static func summary(_ variant: VariantComparison, source: CompareInputs.Source) -> String {
        let origin = source.inlineName == nil ? source.file : "variant in \(source.file)"
        let counts = [Verdict.better, .worse, .noSignificantChange, .undetermined].compactMap { verdict -> String? in
            let count = variant.metrics.filter { $0.verdict == verdict }.count
            return count == 0 && verdict == .undetermined ? nil : "\(count) \(verdictName(verdict))"
        }
        return "\(variant.name) (\(origin)) − base: " + counts.joined(separator: " · ")
    }

    static func verdictName(_ verdict: Verdict) -> String {
        switch verdict {
        case .better: return "better"
        case .worse: return "worse"
        case .noSignificantChange: return "no significant change"
        case .undetermined: return "undetermined (under 2 paired replications)"
        }
    }

    static func metricRow(_ comparison: MetricComparison) -> String {
        let unit = comparison.metric.unit
        let verdict: String
        switch comparison.verdict {
        case .better: verdict = "✓ better"
        case .worse: verdict = "✗ worse"
        case .noSignificantChange: verdict = ""
        case .undetermined: verdict = "—"
        }
        let skipped = comparison.skipped > 0 ? " (\(comparison.pairs) paired, \(comparison.skipped) skipped)" : ""
        return row(comparison.metric.description, level(comparison.base, unit), level(comparison.variant, unit),
                   difference(comparison.difference, unit), verdict) + skipped
    }

    /// A mean in the metric's unit: `97.1 %`, `1,234,567`, `12.3`; `—` when absent.
    static func level(_ estimate: Estimate?, _ unit: String) -> String {
        guard let estimate else { return "—" }
        switch unit {
        case "share": return TextFormat.fixed(estimate.mean * 100, 1) + " %"
        case "currency/year": return TextFormat.grouped(Int(estimate.mean.rounded()))
        default: return TextFormat.fixed(estimate.mean, 1)
        }
    }

    /// A signed difference ± half-width: `-6.2 ± 0.8 pp` (percentage points), `+12,345 ± 2,000`.
    /// Shares and counts get as many decimals as show the half-width's first digit (1 to 4).
    static func difference(_ estimate: Estimate?, _ unit: String) -> String {
        guard let estimate else { return "—" }
        let scale = unit == "share" ? 100.0 : 1
        let text = { (value: Double) -> String in
            unit == "currency/year" ? TextFormat.grouped(Int(value.rounded()))
                : TextFormat.fixed(value * scale, decimals(halfWidth: estimate.halfWidth * scale))
        }
        var mean = text(estimate.mean)
        if mean.hasPrefix("-"), mean.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { mean.removeFirst() }
        if estimate.mean > 0, mean.contains(where: { $0 != "0" && $0 != "." }) { mean = "+" + mean }
        let width = estimate.halfWidth.isFinite ? " ± " + text(estimate.halfWidth) : ""
        return mean + width + (unit == "share" ? " pp" : "")
    }

    /// Decimals that show the first significant digit of `halfWidth`, between 1 and 4.
    static func decimals(halfWidth: Double) -> Int {
        guard halfWidth.isFinite, halfWidth > 0 else { return 1 }
        return min(4, max(1, Int((-log10(halfWidth)).rounded(.up))))
    }

    static func footnote(_ results: ComparisonResults) -> String {
        "difference: variant − base, replication by replication (\(pairingText(results.pairing))); mean ± 95 % "
            + "Student-t half-width; ✓/✗ the interval excludes 0 (better/worse for the metric); pp: percentage points; "
            + "credits per year; base and variant are means over the paired replications"
    }

    static func row(_ label: String, _ columns: String...) -> String {
        TextFormat.row(label, labelWidth: 28, columns, widths: [14, 14, 26, 10])
    }
}
