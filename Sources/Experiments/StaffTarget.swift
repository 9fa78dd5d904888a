import SimCore

/// A service target `faultline staff` must meet, such as `SLA-AA.restoration >= 0.95` or
/// `credits.p95 <= 5000000`: `METRIC[.STAT] OP VALUE`.
///
/// STAT says which figure of the metric's replication values is held to the threshold: `mean`
/// (the default) or the `p95`/`p99` percentile across replications (a tail, e.g. of credits).
/// A target **holds at confidence γ** when a one-sided γ-confidence bound on that figure lies on
/// the right side of the threshold — see ``judge(_:confidence:)``.
public struct StaffTarget: Sendable, Hashable, CustomStringConvertible {
    /// Which figure of the replication values is judged.
    public enum Statistic: Sendable, Hashable {
        /// The mean across replications.
        case mean
        /// A percentile across replications, as a fraction (0.95 for `p95`).
        case percentile(Double)

        /// `mean`, `p95`, `p99`.
        public var name: String {
            switch self {
            case .mean: return "mean"
            case .percentile(let q): return "p\(Int((q * 100).rounded()))"
            }
        }
    }

    /// The direction of the comparison.
    public enum Comparison: String, Sendable, Hashable {
        /// The figure must be at least the threshold.
        case atLeast = ">="
        /// The figure must be at most the threshold.
        case atMost = "<="
    }

    /// The metric, as `Metric.parse` reads it.
    public var metric: Metric
    /// The figure judged.
    public var statistic: Statistic
    /// `>=` or `<=`.
    public var comparison: Comparison
    /// The threshold, in the metric's unit (a share 0…1 for compliance).
    public var threshold: Double

    /// Creates a target.
    public init(metric: Metric, statistic: Statistic = .mean, comparison: Comparison, threshold: Double) {
        self.metric = metric
        self.statistic = statistic
        self.comparison = comparison
        self.threshold = threshold
    }

    /// The target as text, e.g. `credits.p95 <= 5000000`.
    public var description: String {
        let stat = statistic == .mean ? "" : ".\(statistic.name)"
        return "\(metric)\(stat) \(comparison.rawValue) \(Self.number(threshold))"
    }

    /// A threshold without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Reads `METRIC[.STAT] OP VALUE` (spaces optional; VALUE may end in `%`, e.g. `95%` = 0.95).
    /// Fails with a message that says what is wrong, without the option's name.
    public static func parse(_ text: String) -> Result<StaffTarget, StaffTargetError> {
        let comparisons: [Comparison] = [.atLeast, .atMost]
        let found = comparisons.compactMap { comparison in text.range(of: comparison.rawValue).map { (comparison, $0) } }
        guard found.count == 1, let (comparison, range) = found.first else {
            return .failure(StaffTargetError(text, "expected METRIC[.mean|.p95|.p99] >= VALUE or <= VALUE"))
        }
        var name = trimmed(text[..<range.lowerBound])
        let valueText = trimmed(text[range.upperBound...])
        var statistic = Statistic.mean
        for (suffix, stat) in [(".mean", Statistic.mean), (".p95", .percentile(0.95)), (".p99", .percentile(0.99))]
        where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            statistic = stat
        }
        guard let threshold = value(valueText) else {
            return .failure(StaffTargetError(text, "expected a number after \(comparison.rawValue), found «\(valueText)»"))
        }
        switch Metric.parse(name) {
        case .failure(let error): return .failure(StaffTargetError(text, error.description))
        case .success(let metric):
            if let problem = shareProblem(metric, threshold, written: valueText) { return .failure(StaffTargetError(text, problem)) }
            return .success(StaffTarget(metric: metric, statistic: statistic, comparison: comparison, threshold: threshold))
        }
    }

    /// A share (compliance, utilisation) lies in 0…1; `95` for 95 % is the usual slip.
    private static func shareProblem(_ metric: Metric, _ threshold: Double, written: String) -> String? {
        guard metric.unit == .share, !(0...1).contains(threshold) else { return nil }
        let hint = threshold > 1 && threshold <= 100 && !written.hasSuffix("%")
            ? "; did you mean \(number(threshold / 100)) (or \(written)%)?" : "; write e.g. 0.95 or 95%"
        return "\(metric) is a share between 0 and 1, found \(written)\(hint)"
    }

    /// A number, with `_` separators allowed and a trailing `%` meaning hundredths.
    private static func value(_ text: String) -> Double? {
        var digits = text.replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        if digits.hasSuffix("%") { digits.removeLast(); scale = 0.01 }
        guard let number = Double(trimmed(digits)), number.isFinite else { return nil }
        return number * scale
    }
}

/// The text without leading and trailing white space.
private func trimmed<Text: StringProtocol>(_ text: Text) -> String {
    String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
}

/// Why a `--target` could not be read.
public struct StaffTargetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target text as given.
    public var text: String
    /// What is wrong.
    public var reason: String

    init(_ text: String, _ reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "«\(text)»: \(reason)" }
}
