import SimCore

/// What a figure is measured in; decides how every renderer writes it.
public enum Unit: String, Sendable, Hashable, Encodable {
    /// A fraction in [0, 1], written as a percentage.
    case share
    /// An amount of money (the currency of the fees).
    case money
    /// A count of things (tickets, orders), possibly a mean across replications.
    case count
    /// Events per year.
    case perYear
    /// Minutes.
    case minutes
    /// Hours.
    case hours
    /// A plain number in the time units of an abstract queue.
    case timeUnits
    /// A plain ratio (utilisation of an abstract queue, L, λ).
    case ratio

    /// Decimals a figure in this unit is written with (a share's are of its percentage).
    public var decimals: Int {
        switch self {
        case .share, .count, .perYear, .minutes, .hours: return 1
        case .money: return 2
        case .timeUnits, .ratio: return 4
        }
    }

    /// The unit's short name for headings and axes (`%`, `per year`); empty for counts.
    public var symbol: String {
        switch self {
        case .share: return "%"
        case .money: return "currency"
        case .count, .timeUnits, .ratio: return ""
        case .perYear: return "per year"
        case .minutes: return "min"
        case .hours: return "h"
        }
    }
}

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

    /// An estimate cell.
    public static func estimate(_ estimate: Estimate?, _ unit: Unit, of replications: Int) -> Cell {
        .estimate(EstimateCell(estimate, unit, of: replications))
    }

    /// How many CSV columns the cell takes: two for an estimate (value, half-width), else one.
    var csvWidth: Int {
        if case .estimate = self { return 2 }
        return 1
    }
}
