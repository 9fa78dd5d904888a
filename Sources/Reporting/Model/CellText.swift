import Foundation
import HTMLReport
import SimCore

/// The one number formatter of every report: how a cell reads for people (terminal and HTML)
/// and for programs (CSV). Missing values read `—` for people and empty in CSV; an estimate
/// reads `12.3 ± 0.4`, `12.3` alone with one replication, with ` n=K` when it rests on fewer
/// replications than the run's.
public enum CellText {
    /// The cell as people read it.
    public static func text(_ cell: Cell) -> String {
        switch cell {
        case .estimate(let estimate): return text(estimate)
        case .money(let amount): return amount.map { money($0) } ?? missing
        case .count(let count): return NumberText.grouped(Double(count))
        case .share(let fraction): return fraction.map { number($0, .share) } ?? missing
        case .duration(let minutes): return minutes.map { NumberText.duration(minutes: $0) } ?? missing
        case .number(let value, let unit): return value.map { number($0, unit) } ?? missing
        case .text(let text): return text
        case .lines(let parts): return parts.joined(separator: "; ")
        case .difference(let difference): return self.difference(difference)
        }
    }

    /// The written form of a missing value.
    public static let missing = "—"

    /// `mean ± half-width` in the unit, with the coverage mark.
    public static func text(_ cell: EstimateCell) -> String {
        guard let estimate = cell.estimate else { return missing }
        let halfWidth = estimate.hasInterval && estimate.halfWidth.isFinite ? " ± " + bare(estimate.halfWidth, cell.unit) : ""
        let suffix = cell.unit == .share ? " %" : ""
        let coverage = cell.isPartial ? " n=\(estimate.count)" : ""
        return bare(estimate.mean, cell.unit) + halfWidth + suffix + coverage
    }

    /// A signed difference ± half-width: `-2.9 ± 0.1 pp` (a share's in percentage points),
    /// `+54,080 ± 5,046` (money in whole units); other units get as many decimals (1 to 4) as
    /// show the half-width's first significant digit. A mean that rounds to zero has no sign.
    public static func difference(_ cell: EstimateCell) -> String {
        guard let estimate = cell.estimate else { return missing }
        let scale = cell.unit == .share ? 100.0 : 1
        let hasWidth = estimate.hasInterval && estimate.halfWidth.isFinite
        let decimals = significantDecimals(hasWidth ? estimate.halfWidth * scale : 0)
        let write = { (value: Double) in
            cell.unit == .money ? NumberText.grouped(value, 0) : NumberText.fixed(value * scale, decimals)
        }
        var mean = write(estimate.mean)
        let isZero = !mean.contains { $0.isNumber && $0 != "0" }
        if isZero, mean.hasPrefix("-") { mean.removeFirst() }
        if !isZero, estimate.mean > 0 { mean = "+" + mean }
        let width = hasWidth ? " ± " + write(estimate.halfWidth) : ""
        let coverage = cell.isPartial ? " n=\(estimate.count)" : ""
        return mean + width + (cell.unit == .share ? " pp" : "") + coverage
    }

    /// Decimals that show the first significant digit of `halfWidth`, between 1 and 4.
    static func significantDecimals(_ halfWidth: Double) -> Int {
        guard halfWidth.isFinite, halfWidth > 0 else { return 1 }
        return min(4, max(1, Int((-log10(halfWidth)).rounded(.up))))
    }

    /// A number in a unit: shares as percentages, money with two decimals, all grouped.
    public static func number(_ value: Double, _ unit: Unit) -> String {
        unit == .share ? bare(value, unit) + " %" : bare(value, unit)
    }

    /// A number in a unit without the `%` sign of a share, correctly rounded from its binary
    /// value (printf's rounding, as every report had before).
    static func bare(_ value: Double, _ unit: Unit) -> String {
        switch unit {
        case .share: return NumberText.fixed(value * 100, unit.decimals)
        case .timeUnits, .ratio: return NumberText.fixed(value, unit.decimals)
        default: return NumberText.grouped(value, unit.decimals)
        }
    }

    /// An amount with two decimals and thousands separators: 12,345.67.
    public static func money(_ amount: Double) -> String { bare(amount, .money) }

    /// The cell's CSV fields: raw numbers (shares as fractions), an estimate as value and
    /// half-width (empty with one replication), missing values empty.
    public static func csvFields(_ cell: Cell) -> [String] {
        switch cell {
        case .estimate(let estimate), .difference(let estimate):
            guard let value = estimate.estimate else { return ["", ""] }
            return [raw(value.mean), value.hasInterval && value.halfWidth.isFinite ? raw(value.halfWidth) : ""]
        case .money(let amount): return [amount.map(raw) ?? ""]
        case .count(let count): return [String(count)]
        case .share(let fraction): return [fraction.map(raw) ?? ""]
        case .duration(let minutes): return [minutes.map(raw) ?? ""]
        case .number(let value, _): return [value.map(raw) ?? ""]
        case .text(let text): return [text]
        case .lines(let parts): return [parts.joined(separator: "; ")]
        }
    }

    /// A number for a program: whole numbers without a decimal point, others in Swift's
    /// shortest round-trip form.
    public static func raw(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
