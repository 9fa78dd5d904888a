/// An instant of simulated time, counted in whole milliseconds since the start of the simulation.
///
/// Integer milliseconds keep event ordering exact and reproducible: two events scheduled
/// at the "same" time compare equal on every platform, which floating-point seconds cannot promise.
public struct SimTime: Comparable, Hashable, Sendable {
    /// Milliseconds since the start of the simulation.
    public var milliseconds: Int64

    /// Creates an instant `milliseconds` after the start of the simulation.
    @inlinable
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// The start of the simulation.
    @inlinable public static var zero: SimTime { SimTime(milliseconds: 0) }

    /// The instant `value` milliseconds after the start.
    @inlinable
    public static func milliseconds(_ value: Int64) -> SimTime {
        SimTime(milliseconds: value)
    }

    /// The instant `value` seconds after the start.
    @inlinable
    public static func seconds(_ value: Int64) -> SimTime {
        SimTime(milliseconds: value * SimDuration.millisecondsPerSecond)
    }

    /// The instant `value` minutes after the start.
    @inlinable
    public static func minutes(_ value: Int64) -> SimTime {
        SimTime(milliseconds: value * SimDuration.millisecondsPerMinute)
    }

    /// The instant `value` hours after the start.
    @inlinable
    public static func hours(_ value: Int64) -> SimTime {
        SimTime(milliseconds: value * SimDuration.millisecondsPerHour)
    }

    /// The instant `value` days after the start.
    @inlinable
    public static func days(_ value: Int64) -> SimTime {
        SimTime(milliseconds: value * SimDuration.millisecondsPerDay)
    }

    /// The time elapsed since the start of the simulation.
    @inlinable
    public var sinceStart: SimDuration {
        SimDuration(milliseconds: milliseconds)
    }

    /// Orders instants chronologically.
    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}

extension SimTime: CustomStringConvertible {
    /// The instant as `d.hh:mm:ss.mmm` since the start, for traces.
    public var description: String {
        sinceStart.description
    }
}
