import SimCore

/// Time-weighted busy and present staff by hour of the day (24 bands, hour 0 = 00:00–01:00).
///
/// Simulated time 0 is 00:00 local time, so the hour of the day of an instant is its hour
/// count modulo 24. Utilisation of a band = busy staff-hours / present staff-hours in it.
public struct HourBands: Sendable, Hashable {
    /// Staff-hours spent working, by hour of the day.
    public var busyHours: [Double]
    /// Staff-hours present (on duty, or finishing work after their shift, or called out), by hour.
    public var presentHours: [Double]

    /// Empty bands.
    public init() {
        busyHours = Array(repeating: 0, count: 24)
        presentHours = Array(repeating: 0, count: 24)
    }

    /// Utilisation by hour of the day; nil for an hour with nobody present.
    public var utilisationByHour: [Double?] {
        zip(busyHours, presentHours).map { $1 > 0 ? $0 / $1 : nil }
    }

    /// Utilisation over the whole observation window (0 when nobody was ever present).
    public var utilisation: Double {
        let present = presentHours.reduce(0, +)
        return present > 0 ? busyHours.reduce(0, +) / present : 0
    }
}

/// Busy and present levels of one staff group, accumulated into ``HourBands``.
struct BandedLevel {
    private(set) var bands = HourBands()
    private var busy = 0.0
    private var present = 0.0
    private var changedAt = SimTime.zero

    /// Sets both levels from `time` on.
    mutating func set(busy newBusy: Int, present newPresent: Int, at time: SimTime) {
        accumulate(until: time)
        busy = Double(newBusy)
        present = Double(newPresent)
    }

    /// Forgets everything before `time` (end of warm-up); the levels are kept.
    mutating func reset(at time: SimTime) {
        bands = HourBands()
        changedAt = time
    }

    /// The bands, closed at `time`.
    func closed(at time: SimTime) -> HourBands {
        var copy = self
        copy.accumulate(until: time)
        return copy.bands
    }

    /// Adds the levels × time since the last change, split at hour boundaries.
    private mutating func accumulate(until time: SimTime) {
        let hour = SimDuration.millisecondsPerHour
        var from = changedAt.milliseconds
        let end = time.milliseconds
        while from < end {
            let hourIndex = from / hour
            let to = min(end, (hourIndex + 1) * hour)
            let band = Int(hourIndex % 24)
            let hours = Double(to - from) / Double(hour)
            bands.busyHours[band] += busy * hours
            bands.presentHours[band] += present * hours
            from = to
        }
        changedAt = time
    }
}
