import ServiceRules
import SimCore

/// Converts simulated time to the wall-clock instants of ticket records.
///
/// Simulated time 0 is 00:00 local time on the scenario's start date; milliseconds are
/// truncated to whole seconds (a monotone map, so checkpoint order is preserved).
public struct WallClock: Sendable, Hashable {
    /// Seconds since 1970-01-01 00:00 local time at simulated time 0.
    public let originSeconds: Int64

    /// The clock of a run starting at 00:00 on `start`.
    public init(start: CivilDate) {
        originSeconds = Int64(start.dayNumber) * WallTime.secondsPerDay
    }

    /// The wall-clock instant of a simulated instant.
    public func wallTime(_ time: SimTime) -> WallTime {
        WallTime(seconds: originSeconds + time.milliseconds / SimDuration.millisecondsPerSecond)
    }

    /// The simulated instant of a wall-clock instant (whole seconds).
    public func simTime(_ wall: WallTime) -> SimTime {
        SimTime(milliseconds: (wall.seconds - originSeconds) * SimDuration.millisecondsPerSecond)
    }
}
