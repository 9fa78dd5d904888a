/// A unit a duration may carry in text; every duration is converted to minutes.
enum DurationUnit: String, CaseIterable, Sendable {
    case seconds = "s"
    case minutes = "m"
    case hours = "h"
    case days = "d"
    case weeks = "w"

    /// Reads a unit symbol (`min` is accepted for minutes).
    init?(symbol: String) {
        if symbol == "min" {
            self = .minutes
        } else {
            self.init(rawValue: symbol)
        }
    }

    /// Minutes per unit as an exact ratio, so that e.g. `30s` is exactly 0.5 minutes.
    private var ratio: (numerator: Double, denominator: Double) {
        switch self {
        case .seconds: (1, 60)
        case .minutes: (1, 1)
        case .hours: (60, 1)
        case .days: (1_440, 1)
        case .weeks: (10_080, 1)
        }
    }

    /// `value` of this unit, in minutes.
    func minutes(_ value: Double) -> Double {
        value * ratio.numerator / ratio.denominator
    }

    /// `minutes` expressed as a whole number of this unit, if that is exact.
    func wholeCount(ofMinutes minutes: Double) -> Double? {
        let count = minutes * ratio.denominator / ratio.numerator
        guard count == count.rounded(), abs(count) < 1e15, self.minutes(count) == minutes else { return nil }
        return count
    }

    /// The accepted symbols, for error messages.
    static let symbolList = "s, m (or min), h, d, w"
}
