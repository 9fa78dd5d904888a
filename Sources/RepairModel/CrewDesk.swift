import Scenario
import SimCore

/// The crews of one region: on-duty and on-call units following their rosters, the line of
/// work waiting for them, and their time-weighted levels.
///
/// Units are identical and counted, not named. A decrease of either roster never interrupts
/// work: units above the new capacity finish their job and are then withdrawn.
struct CrewDesk {
    let rosters: CrewRegion
    var onDuty: Int
    var busyOnDuty = 0
    var onCall: Int
    var busyOnCall = 0
    var line = DispatchLine<CrewJob>()
    var bands: BandedLevel
    /// Crew-hours of on-call crews while called out (paid as crew hours).
    var callouts = LevelIntegral()

    init(region: CrewRegion, startMinuteOfWeek: Int) {
        rosters = region
        bands = BandedLevel(startMinuteOfWeek: startMinuteOfWeek)
        onDuty = region.onDuty.capacity(at: .zero)
        onCall = region.onCall.capacity(at: .zero)
        bands.set(busy: 0, present: onDuty, at: .zero)
    }

    /// Whether an on-duty crew is free.
    @inline(__always) var hasFreeDutyCrew: Bool { busyOnDuty < onDuty }
    /// Whether an on-call crew can be called out.
    @inline(__always) var hasFreeOnCallCrew: Bool { busyOnCall < onCall && rosters.callout != nil }

    /// Records the levels after a change at `time`. On-call crews are present only while out.
    mutating func recordLevels(at time: SimTime) {
        bands.set(busy: busyOnDuty + busyOnCall, present: max(onDuty, busyOnDuty) + busyOnCall, at: time)
        callouts.set(busyOnCall, at: time)
    }
}

/// The time integral of a staff level, in staff-hours (e.g. on-call crews out on a call).
struct LevelIntegral {
    private var hours = 0.0
    private var level = 0
    private var changedAt = SimTime.zero

    /// Sets the level from `time` on.
    mutating func set(_ newLevel: Int, at time: SimTime) {
        hours += Double(level) * (time - changedAt).hours
        level = newLevel
        changedAt = time
    }

    /// Forgets everything before `time` (end of warm-up); the level is kept.
    mutating func reset(at time: SimTime) {
        hours = 0
        changedAt = time
    }

    /// Staff-hours up to `time`.
    func closed(at time: SimTime) -> Double {
        hours + Double(level) * (time - changedAt).hours
    }
}
