import Foundation

/// Numbers as text with a fixed precision, independent of the locale, so the same figures give
/// the same bytes on every machine.
public enum NumberText {
    /// `value` with `decimals` digits after the point (`-0.0` is written `0.0`); `—` when not finite.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(decimals)f", value)
        let isNegativeZero = text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
        return isNegativeZero ? String(text.dropFirst()) : text
    }

    /// `value` with thousands separators and `decimals` digits: 1,234,567.8.
    public static func grouped(_ value: Double, _ decimals: Int = 0) -> String {
        let text = fixed(value, decimals)
        guard value.isFinite else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let digits = Array(parts[0])
        var whole = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { whole.append(",") }
            whole.append(digit)
        }
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A fraction as a percentage: 0.9712 → `97.1 %` (one decimal by default).
    public static func percent(_ fraction: Double, _ decimals: Int = 1) -> String {
        fixed(fraction * 100, decimals) + " %"
    }

    /// A large amount shortened with k (thousands) or M (millions): 2,345,678 → `2.35 M`.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e6 { return fixed(value / 1e6, magnitude >= 1e8 ? 0 : magnitude >= 1e7 ? 1 : 2) + " M" }
        if magnitude >= 1e3 { return fixed(value / 1e3, magnitude >= 1e5 ? 0 : magnitude >= 1e4 ? 1 : 2) + " k" }
        return fixed(value, magnitude >= 100 || value == value.rounded() ? 0 : 1)
    }

    /// A duration given in minutes, in the largest fitting unit: `45 min`, `2 h`, `1.5 d`, `1 w`.
    public static func duration(minutes: Double) -> String {
        let units: [(limit: Double, size: Double, name: String)] = [(10_080, 10_080, "w"), (1440, 1440, "d"), (60, 60, "h")]
        for unit in units where minutes >= unit.limit {
            return trimmed(minutes / unit.size) + " " + unit.name
        }
        return trimmed(minutes) + " min"
    }

    /// A coordinate for SVG: at most one decimal, no trailing `.0`.
    public static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? fixed(rounded, 0) : fixed(rounded, 1)
    }

    /// Up to one decimal, without a trailing `.0`.
    static func trimmed(_ value: Double) -> String {
        let text = fixed(value, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// How an axis or a cell writes its values.
public enum ValueFormat: Sendable, Hashable {
    /// A fraction as a percentage with the given decimals: 0.95 → `95 %`.
    case percent(Int)
    /// A plain number with the given decimals and thousands separators.
    case number(Int)
    /// Money, shortened with k and M.
    case compactMoney
    /// Minutes as `45 min`, `2 h`, `1 d`.
    case duration

    /// The text of `value`.
    public func text(_ value: Double) -> String {
        switch self {
        case .percent(let decimals): return NumberText.percent(value, decimals)
        case .number(let decimals): return NumberText.grouped(value, decimals)
        case .compactMoney: return NumberText.compact(value)
        case .duration: return NumberText.duration(minutes: value)
        }
    }
}

/// An axis's title and unit, written `Title (unit)` under or beside the axis.
public struct AxisLabel: Sendable, Hashable {
    /// What the axis measures, e.g. `Share of tickets meeting the checkpoint`.
    public var title: String
    /// The unit, e.g. `%`, `minutes`, `per year`; empty for none.
    public var unit: String
    /// How tick values are written.
    public var format: ValueFormat

    /// An axis label.
    public init(_ title: String, unit: String, format: ValueFormat) {
        self.title = title
        self.unit = unit
        self.format = format
    }

    /// `Title (unit)`, or the title alone without a unit.
    public var text: String { unit.isEmpty ? title : "\(title) (\(unit))" }
}
