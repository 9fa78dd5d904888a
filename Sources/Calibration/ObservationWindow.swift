import ServiceRules
import TicketLog

/// The stretch of time a ticket log observes, and each circuit's exposure within it.
///
/// The window is the inventory's span when every circuit is dated (as `evaluate` judges it and
/// as `run --export-tickets` writes it); otherwise from the earliest `fault_start` to the latest
/// checkpoint in the log. A circuit's exposure is its service period (`start` inclusive, `end`
/// exclusive, open sides meaning "the whole window") clipped to the window.
public struct ObservationWindow: Sendable, Equatable, Encodable {
    /// First instant observed.
    public let start: WallTime
    /// First instant no longer observed.
    public let end: WallTime
    /// Where the window comes from: `inventory` (every circuit dated) or `tickets` (the log's span).
    public let source: String

    /// Seconds in a 365-day year: rates are per circuit per 365-day year, as in the scenario format.
    public static let secondsPerYear = 365.0 * 86_400

    /// The window's length in 365-day years.
    public var years: Double { Double(end.seconds - start.seconds) / Self.secondsPerYear }

    /// The window of a log read as `evaluate` reads it.
    /// - Throws: ``CalibrationError/emptyWindow`` when the inventory's dates and the log leave no time.
    public init(circuits: [Circuit], tickets: [TicketRecord]) throws(CalibrationError) {
        if let span = EvaluationOutcome.inventorySpan(circuits) {
            self.init(start: span.lowerBound, end: span.upperBound, source: "inventory")
        } else {
            guard let first = tickets.map(\.faultStart).min(),
                  let last = tickets.map({ max($0.repairedAt, $0.confirmedAt ?? $0.repairedAt) }).max(), first < last
            else { throw .emptyWindow("the ticket log spans no time and the inventory does not date every circuit") }
            self.init(start: first, end: WallTime(seconds: last.seconds + 1), source: "tickets")
        }
    }

    /// A window from `start` to `end`.
    public init(start: WallTime, end: WallTime, source: String) {
        self.start = start
        self.end = end
        self.source = source
    }

    /// Years `circuit` is in service inside the window (0 when its service lies outside it).
    public func exposureYears(of circuit: Circuit) -> Double {
        let from = max(start, circuit.start ?? start), to = min(end, circuit.end ?? end)
        return to > from ? Double(to.seconds - from.seconds) / Self.secondsPerYear : 0
    }

    private enum CodingKeys: String, CodingKey { case start, end, source, years }

    /// Start and end as the log writes instants; the length in years.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start.isoString, forKey: .start)
        try container.encode(end.isoString, forKey: .end)
        try container.encode(source, forKey: .source)
        try container.encode(years, forKey: .years)
    }

    /// Whether `instant` lies inside the window.
    public func contains(_ instant: WallTime) -> Bool { instant >= start && instant < end }
}

/// Why a log cannot be calibrated at all. The CLI turns it into one line and exit 2.
public enum CalibrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The window is empty or no circuit is in service inside it.
    case emptyWindow(String)
    /// No ticket falls inside the window.
    case noTickets(String)
    /// The base scenario cannot take the fitted values.
    case baseScenario(String)

    /// A one-line message naming what was expected.
    public var description: String {
        switch self {
        case let .emptyWindow(why), let .noTickets(why), let .baseScenario(why): why
        }
    }
}
