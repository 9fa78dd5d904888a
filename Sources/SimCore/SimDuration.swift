/// A span of simulated time in whole milliseconds; may be negative (the difference of two instants).
public struct SimDuration: Comparable, Hashable, Sendable {
    /// Length of the span in milliseconds.
    public var milliseconds: Int64

    /// Creates a span of `milliseconds` milliseconds.
    @inlinable
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A span of `minutes` minutes, rounded to the nearest millisecond (halves away from zero).
    @inlinable
    public init(minutes: Double) {
        self.init(milliseconds: Int64((minutes * Double(Self.millisecondsPerMinute)).rounded()))
    }

    /// A span of `hours` hours, rounded to the nearest millisecond (halves away from zero).
    @inlinable
    public init(hours: Double) {
        self.init(milliseconds: Int64((hours * Double(Self.millisecondsPerHour)).rounded()))
    }

    // The constants are inlinable computed properties: a `static let` read from another module
    // goes through an accessor call per read, and the simulator reads them per event.

    /// The empty span.
    @inlinable public static var zero: SimDuration { SimDuration(milliseconds: 0) }

    /// The longest span a drawn duration is given: 1e12 minutes (≈ 1.9 million years, the
    /// longest duration a scenario may write). Far beyond any horizon, and so far inside Int64
    /// that an instant plus it cannot overflow.
    @inlinable public static var longestDrawn: SimDuration { SimDuration(milliseconds: 1_000_000_000_000 * millisecondsPerMinute) }

    /// A drawn duration of `minutes`, rounded half up to the millisecond; negative or NaN draws
    /// give zero and draws beyond ``longestDrawn`` (a heavy tail) give ``longestDrawn`` instead of
    /// trapping on the conversion to Int64.
    @inlinable
    public init(drawnMinutes minutes: Double) {
        let milliseconds = minutes * Double(Self.millisecondsPerMinute) + 0.5
        if milliseconds < Double(Self.longestDrawn.milliseconds) {
            self.init(milliseconds: milliseconds >= 1 ? Int64(milliseconds) : 0)
        } else {
            self = milliseconds.isNaN ? .zero : Self.longestDrawn
        }
    }

    /// Milliseconds in one second.
    @inlinable public static var millisecondsPerSecond: Int64 { 1_000 }
    /// Milliseconds in one minute.
    @inlinable public static var millisecondsPerMinute: Int64 { 60_000 }
    /// Milliseconds in one hour.
    @inlinable public static var millisecondsPerHour: Int64 { 3_600_000 }
    /// Milliseconds in one day.
    @inlinable public static var millisecondsPerDay: Int64 { 86_400_000 }

    /// A span of `value` milliseconds.
    @inlinable
    public static func milliseconds(_ value: Int64) -> SimDuration {
        SimDuration(milliseconds: value)
    }

    /// A span of `value` seconds.
    @inlinable
    public static func seconds(_ value: Int64) -> SimDuration {
        SimDuration(milliseconds: value * millisecondsPerSecond)
    }

    /// A span of `value` minutes.
    @inlinable
    public static func minutes(_ value: Int64) -> SimDuration {
        SimDuration(milliseconds: value * millisecondsPerMinute)
    }

    /// A span of `value` hours.
    @inlinable
    public static func hours(_ value: Int64) -> SimDuration {
        SimDuration(milliseconds: value * millisecondsPerHour)
    }

    /// A span of `value` days.
    @inlinable
    public static func days(_ value: Int64) -> SimDuration {
        SimDuration(milliseconds: value * millisecondsPerDay)
    }

    /// The span in (fractional) minutes.
    @inlinable
    public var minutes: Double {
        Double(milliseconds) / Double(Self.millisecondsPerMinute)
    }

    /// The span in (fractional) hours.
    @inlinable
    public var hours: Double {
        Double(milliseconds) / Double(Self.millisecondsPerHour)
    }

    /// The span in (fractional) days of 24 hours.
    @inlinable
    public var days: Double {
        Double(milliseconds) / Double(Self.millisecondsPerDay)
    }

    /// Orders spans by length.
    @inlinable
    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}

extension SimDuration: CustomStringConvertible {
    /// The span as `[-]d.hh:mm:ss.mmm`, for traces.
    public var description: String {
        let sign = milliseconds < 0 ? "-" : ""
        let total = milliseconds.magnitude
        let millis = total % 1_000
        let seconds = total / 1_000 % 60
        let minutes = total / 60_000 % 60
        let hours = total / 3_600_000 % 24
        let days = total / 86_400_000
        return "\(sign)\(days).\(Self.pad(hours, 2)):\(Self.pad(minutes, 2)):"
            + "\(Self.pad(seconds, 2)).\(Self.pad(millis, 3))"
    }

    private static func pad(_ value: UInt64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
