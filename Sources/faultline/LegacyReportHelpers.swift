import Experiments
import Reports
import Reporting
import SimCore

// Helpers the compare, staff and price renderers still call by their old names. They move to
// the Reporting model in their own change; delete this file then.

/// The old run renderer's shared helpers.
enum RunReport {
    /// `{mean, halfWidth, replications}`; `halfWidth` null when infinite; null when absent.
    static func estimate(_ estimate: Estimate?) -> JSONValue {
        guard let estimate else { return nil }
        return ["mean": .number(estimate.mean), "halfWidth": finite(estimate.halfWidth), "replications": .int(estimate.count)]
    }

    static func exposure(_ exposure: ExposureEstimate) -> JSONValue {
        ["mean": .number(exposure.estimate.mean), "halfWidth": finite(exposure.estimate.halfWidth),
         "p95": .number(exposure.p95), "p99": .number(exposure.p99), "max": .number(exposure.max)]
    }

    static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : nil }

    /// Mean and half-width cells; empty when absent or infinite.
    static func cells(_ estimate: Estimate?) -> [String] {
        guard let estimate else { return ["", ""] }
        return [EvaluateReport.cell(estimate.mean), estimate.halfWidth.isFinite ? EvaluateReport.cell(estimate.halfWidth) : ""]
    }

    static func money(_ estimate: Estimate) -> String {
        TextFormat.money(estimate.mean) + (estimate.halfWidth.isFinite ? " ± " + TextFormat.money(estimate.halfWidth) : "")
    }
}

/// The old evaluate renderer's CSV number cell.
enum EvaluateReport {
    /// A number in its shortest round-trip form, a whole number without `.0`; empty for nil.
    static func cell(_ value: Double?) -> String {
        guard let value else { return "" }
        return CellText.raw(value)
    }
}

/// One CSV file of `--csv DIR`: its name in the folder and its bytes.
struct CSVTable {
    /// File name, e.g. `by-tier.csv`.
    var name: String
    /// The whole file.
    var bytes: [UInt8]
}
