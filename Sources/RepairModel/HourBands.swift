import SimCore

/// Time-weighted busy and present staff by hour of the week (168 bands, Monday 00:00–01:00 first)
/// and by hour of the day (24 bands, hour 0 = 00:00–01:00).
///
/// Simulated time 0 is 00:00 local time of the scenario's start day, which falls
/// `startMinuteOfWeek / 60` hours into the week (Monday 00:00 = 0); so the hour of the week of an
/// instant is (that offset + its hour count) modulo 168, and its hour of the day the hour count
/// modulo 24. Utilisation of a band = busy staff-hours / present staff-hours in it.
///
/// The hour-of-day bands are accumulated directly rather than summed from the week's, so the
/// figures that existing reports print stay bit-for-bit what they were.
public struct HourBands: Sendable, Hashable, Codable {
    /// Hours in a week.
    public static let hoursPerWeek = 168

    /// Staff-hours spent working, by hour of the day.
    public var busyHours: [Double]
    /// Staff-hours present (on duty, or finishing work after their shift, or called out), by hour.
    public var presentHours: [Double]
    /// Staff-hours spent working, by hour of the week (index 0 = Monday 00:00–01:00).
    public var busyHoursOfWeek: [Double]
    /// Staff-hours present, by hour of the week (index 0 = Monday 00:00–01:00).
    public var presentHoursOfWeek: [Double]

    /// Empty bands.
    public init() {
        busyHours = Array(repeating: 0, count: 24)
        presentHours = Array(repeating: 0, count: 24)
        busyHoursOfWeek = Array(repeating: 0, count: Self.hoursPerWeek)
        presentHoursOfWeek = Array(repeating: 0, count: Self.hoursPerWeek)
    }

    /// Utilisation by hour of the day; nil for an hour with nobody present.
    public var utilisationByHour: [Double?] {
        zip(busyHours, presentHours).map { $1 > 0 ? $0 / $1 : nil }
    }

    /// Utilisation by hour of the week (Monday 00:00–01:00 first); nil for an hour with nobody present.
    public var utilisationByHourOfWeek: [Double?] {
        zip(busyHoursOfWeek, presentHoursOfWeek).map { $1 > 0 ? $0 / $1 : nil }
    }

    /// Utilisation over the whole observation window (0 when nobody was ever present).
    public var utilisation: Double {
        let present = presentHours.reduce(0, +)
        return present > 0 ? busyHours.reduce(0, +) / present : 0
    }

    /// Adds another group's or replication's staff-hours, band by band.
    public mutating func add(_ other: HourBands) {
        for hour in 0..<24 {
            busyHours[hour] += other.busyHours[hour]
            presentHours[hour] += other.presentHours[hour]
        }
        for hour in 0..<Self.hoursPerWeek {
            busyHoursOfWeek[hour] += other.busyHoursOfWeek[hour]
            presentHoursOfWeek[hour] += other.presentHoursOfWeek[hour]
        }
    }
}

/// Busy and present levels of one staff group, accumulated into ``HourBands``.
///
/// The four band arrays live in one flat buffer while the run accumulates (one uniqueness
/// check per level change instead of four); ``closed(at:)`` copies them out. The additions are
/// the same, in the same order, so the figures are bit for bit those of ``HourBands``' arrays.
struct BandedLevel {
    /// Busy by hour of the day, present by hour of the day, busy by hour of the week, present
    /// by hour of the week, one after the other.
    private var sums = [Double](repeating: 0, count: 2 * (24 + HourBands.hoursPerWeek))
    private var busy = 0.0
    private var present = 0.0
    private var changedAt = SimTime.zero
    /// Hour of the week at simulated time 0.
    private let startHourOfWeek: Int64

    private static let presentOfDay = 24
    private static let busyOfWeek = 48
    private static let presentOfWeek = 48 + HourBands.hoursPerWeek

    /// Empty levels for a run whose time 0 is `startMinuteOfWeek` minutes after Monday 00:00
    /// (a whole hour: scenarios start at midnight).
    init(startMinuteOfWeek: Int) {
        precondition(startMinuteOfWeek % 60 == 0, "BandedLevel: start \(startMinuteOfWeek) is not on the hour")
        startHourOfWeek = Int64(startMinuteOfWeek / 60)
    }

    /// The bands accumulated so far (up to the last change).
    var bands: HourBands {
        var bands = HourBands()
        bands.busyHours = Array(sums[0..<Self.presentOfDay])
        bands.presentHours = Array(sums[Self.presentOfDay..<Self.busyOfWeek])
        bands.busyHoursOfWeek = Array(sums[Self.busyOfWeek..<Self.presentOfWeek])
        bands.presentHoursOfWeek = Array(sums[Self.presentOfWeek...])
        return bands
    }

    /// Sets both levels from `time` on.
    mutating func set(busy newBusy: Int, present newPresent: Int, at time: SimTime) {
        accumulate(until: time)
        busy = Double(newBusy)
        present = Double(newPresent)
    }

    /// Forgets everything before `time` (end of warm-up); the levels are kept.
    mutating func reset(at time: SimTime) {
        for index in sums.indices { sums[index] = 0 }
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
        changedAt = time
        guard from < end else { return }
        let (busy, present, startHourOfWeek) = (self.busy, self.present, self.startHourOfWeek)
        sums.withUnsafeMutableBufferPointer { sums in
            while from < end {
                let hourIndex = from / hour
                let to = min(end, (hourIndex + 1) * hour)
                let band = Int(hourIndex % 24)
                let weekBand = Int((startHourOfWeek + hourIndex) % Int64(HourBands.hoursPerWeek))
                let hours = Double(to - from) / Double(hour)
                sums[band] += busy * hours
                sums[Self.presentOfDay + band] += present * hours
                sums[Self.busyOfWeek + weekBand] += busy * hours
                sums[Self.presentOfWeek + weekBand] += present * hours
                from = to
            }
        }
    }
}
