import Experiments
import SimCore

/// An estimate across replications, with what it is measured in and how many replications the
/// run had, so a cell resting on fewer can say `n=K`.
public struct EstimateCell: Sendable, Hashable {
    /// The estimate; nil when the figure exists in no replication.
    public var estimate: Estimate?
    /// Its unit.
    public var unit: Unit
    /// The run's replications (an estimate with a smaller `count` is marked `n=K`).
    public var replications: Int

    /// An estimate cell.
    public init(_ estimate: Estimate?, _ unit: Unit, of replications: Int) {
        self.estimate = estimate
        self.unit = unit
        self.replications = replications
    }

    /// Whether the estimate rests on fewer replications than the run has.
    public var isPartial: Bool { estimate.map { $0.count < replications } ?? false }
}

/// One cell of a report table, typed, so each renderer writes it its own way (text with units
/// on the terminal and in HTML, raw numbers in CSV).
public enum Cell: Sendable, Hashable {
    /// A mean ± 95 % half-width across replications (two CSV columns: value and `_ci`).
    case estimate(EstimateCell)
    /// An amount of money; nil when missing.
    case money(Double?)
    /// A whole count.
    case count(Int)
    /// A fraction in [0, 1]; nil when the figure does not apply.
    case share(Double?)
    /// A duration in minutes; nil when missing.
    case duration(minutes: Double?)
    /// A number in a unit; nil when missing.
    case number(Double?, Unit)
    /// Text.
    case text(String)
    /// Text in parts (a mixture's components): one per line in HTML, joined by `; ` on the
    /// terminal and in CSV.
    case lines([String])
    /// A paired difference (variant − base): signed, a share's in percentage points, with as
    /// many decimals as show its half-width (two CSV columns: value and `_ci`).
    case difference(EstimateCell)

    /// An estimate cell.
    public static func estimate(_ estimate: Estimate?, _ unit: Unit, of replications: Int) -> Cell {
        .estimate(EstimateCell(estimate, unit, of: replications))
    }

    /// A paired-difference cell.
    public static func difference(_ estimate: Estimate?, _ unit: Unit, of replications: Int) -> Cell {
        .difference(EstimateCell(estimate, unit, of: replications))
    }

    /// Whether the cell is words (text), which reads from the left and may wrap.
    var isWords: Bool {
        switch self {
        case .text, .lines: return true
        default: return false
        }
    }

    /// How many CSV columns the cell takes: two for an estimate or a difference (value,
    /// half-width), else one.
    var csvWidth: Int {
        switch self {
        case .estimate, .difference: return 2
        default: return 1
        }
    }
}
