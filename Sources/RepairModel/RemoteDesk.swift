import Scenario
import SimCore

/// The remote-fix engineers (`Scenario.remoteEngineers`): identical units following their
/// roster, the line of remote-fix tickets waiting for them, and their time-weighted levels.
///
/// Works as a region's ``CrewDesk`` does for its on-duty crews: a decrease of the roster never
/// interrupts work (engineers above the new capacity finish their ticket and are then
/// withdrawn), and the line holds ``CrewJob``s whose stale entries (a ticket re-queued by an
/// escalation) are recognised by the ticket's `queueToken`.
struct RemoteDesk {
    let roster: Roster
    /// Engineers on duty now.
    var onDuty: Int
    /// Engineers working now (may exceed ``onDuty`` just after a decrease).
    var busy = 0
    var line = DispatchLine<CrewJob>()
    var bands: BandedLevel

    init(_ engineers: RemoteEngineers, startMinuteOfWeek: Int) {
        roster = engineers.roster
        onDuty = roster.capacity(at: .zero)
        bands = BandedLevel(startMinuteOfWeek: startMinuteOfWeek)
        bands.set(busy: 0, present: onDuty, at: .zero)
    }

    /// Whether an engineer is free.
    var hasFreeEngineer: Bool { busy < onDuty }

    /// Records the levels after a change at `time`.
    mutating func recordLevels(at time: SimTime) {
        bands.set(busy: busy, present: max(onDuty, busy), at: time)
    }
}
