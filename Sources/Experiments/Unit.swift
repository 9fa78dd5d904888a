// Lives in Experiments so that a metric can name its unit; Reporting re-exports it.

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
