import Foundation

/// Number and table formatting shared by every terminal report, so figures read the same way
/// in `queue`, `evaluate` and the commands to come.
enum TextFormat {
    /// An integer with thousands separators: 1,000,000.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A number with a fixed count of decimals; `∞` when it is not finite.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "∞"
    }

    /// A fraction as a percentage with one decimal: 0.25 → `25.0 %`.
    static func percent(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }

    /// An amount with two decimals and thousands separators: 12,345.67.
    static func money(_ amount: Double) -> String {
        let cents = Int((amount * 100).rounded())
        let fraction = abs(cents) % 100
        let sign = cents < 0 ? "-" : ""
        return sign + grouped(abs(cents) / 100) + "." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// One table row: the label left-aligned in `labelWidth`, each column right-aligned in its width.
    /// Trailing spaces are trimmed, so empty cells at the end leave no invisible padding.
    static func row(_ label: String, labelWidth: Int, _ columns: [String], widths: [Int]) -> String {
        let text = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            + zip(columns, widths).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }
            .joined(separator: " ")
        return String(text.reversed().drop { $0 == " " }.reversed())
    }
}
