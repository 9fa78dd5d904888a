import Experiments
import Reports

extension CompareReport {
    /// `comparison.csv`: one row per variant and metric, each estimate as a mean and a 95 %
    /// half-width column (empty without an interval), and the difference's bounds.
    static func csvTable(_ results: ComparisonResults) throws -> CSVTable {
        var writer = CSVWriter(header: [
            "variant", "metric", "unit", "higher_is_better", "base", "base_ci", "variant_value", "variant_ci",
            "difference", "difference_ci", "difference_lower", "difference_upper", "pairs", "skipped", "verdict",
        ])
        do {
            for variant in results.variants {
                for comparison in variant.metrics { try writer.append(row(variant.name, comparison)) }
            }
        } catch {
            throw UserError("--csv: cannot build the table: \(error)")
        }
        return CSVTable(name: "comparison.csv", bytes: writer.bytes)
    }

    /// One metric's cells, in the header's order.
    static func row(_ variant: String, _ comparison: MetricComparison) -> [String] {
        let difference = comparison.difference
        let bounds = difference.flatMap { $0.halfWidth.isFinite ? [$0.mean - $0.halfWidth, $0.mean + $0.halfWidth] : nil }
        return [variant, comparison.metric.description, comparison.metric.unit, String(comparison.metric.higherIsBetter)]
            + RunReport.cells(comparison.base) + RunReport.cells(comparison.variant) + RunReport.cells(difference)
            + [EvaluateReport.cell(bounds?[0]), EvaluateReport.cell(bounds?[1]),
               String(comparison.pairs), String(comparison.skipped), comparison.verdict.rawValue]
    }
}
