/// A business calendar: the working hours of a working day, which weekdays work, holidays
/// (whole days off) and make-up working days (调休: a weekend day worked with normal hours).
///
/// Working-time queries are answered from per-day prefix sums of working seconds built once for
/// `coveredYears`, so `workingSeconds(from:to:)` is O(1) and `adding(workingDays:to:)` is
/// O(log days). Instants outside the covered years are still answered exactly, day by day.
public struct BusinessCalendar: Hashable, Sendable {
    /// The calendar's name, referenced by tiers and repair-limit rows (e.g. `standard`).
    public let name: String
    /// The IANA time zone the wall-clock instants are read in (a label: instants are wall time).
    public let timeZone: String
    /// Weekdays that are working days unless they are holidays.
    public let workdays: Set<Weekday>
    /// Working hours of every working day, sorted and non-overlapping.
    public let hours: [WorkingHours]
    /// Whole days off.
    public let holidays: Set<CivilDate>
    /// Days worked with the normal hours even though their weekday is not a workday.
    public let makeUpDays: Set<CivilDate>
    var table: WorkingTimeTable

    /// Builds a calendar and its prefix sums for `coveredYears`.
    public init(
        name: String, timeZone: String = "Asia/Shanghai",
        workdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday],
        hours: [WorkingHours] = [WorkingHours(startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30)],
        holidays: Set<CivilDate> = [], makeUpDays: Set<CivilDate> = [],
        coveredYears: ClosedRange<Int> = 1990...2100
    ) {
        self.name = name
        self.timeZone = timeZone
        self.workdays = workdays
        self.hours = hours.sorted { $0.startMinute < $1.startMinute }
        self.holidays = holidays
        self.makeUpDays = makeUpDays
        table = WorkingTimeTable()
        table = WorkingTimeTable(calendar: self, coveredYears: coveredYears)
    }

    /// The default calendar: Mon–Fri 08:30–17:30, Asia/Shanghai, no holidays.
    public static let standard = BusinessCalendar(name: "standard")

    /// Seconds of work in a normal working day (9 h for 08:30–17:30).
    public var workingDayLength: Int64 {
        hours.reduce(0) { $0 + Int64($1.endMinute - $1.startMinute) * 60 }
    }

    /// Whether a date is worked: a make-up day, or a workday that is not a holiday.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        isWorkingDay(dayNumber: date.dayNumber)
    }

    func isWorkingDay(dayNumber: Int) -> Bool {
        let date = CivilDate(dayNumber: dayNumber)
        if makeUpDays.contains(date) { return true }
        return workdays.contains(date.weekday) && !holidays.contains(date)
    }

    /// Working seconds a day contributes (0 or the working-day length).
    func workingSeconds(ofDay dayNumber: Int) -> Int64 {
        isWorkingDay(dayNumber: dayNumber) ? workingDayLength : 0
    }

    /// Working seconds between local midnight and `secondOfDay` on a working day.
    func workedWithinDay(until secondOfDay: Int64) -> Int64 {
        var total: Int64 = 0
        for span in hours {
            let start = Int64(span.startMinute) * 60, end = Int64(span.endMinute) * 60
            total += max(0, min(secondOfDay, end) - start)
        }
        return total
    }

    /// The second of the day at which `elapsed` working seconds of a working day have passed
    /// (the earliest such instant, so a limit ending with the day ends at closing time).
    func secondOfDay(afterWorking elapsed: Int64) -> Int64 {
        var remaining = elapsed
        for span in hours {
            let start = Int64(span.startMinute) * 60, length = Int64(span.endMinute - span.startMinute) * 60
            if remaining <= length { return start + remaining }
            remaining -= length
        }
        return Int64(hours.last?.endMinute ?? 0) * 60
    }

    /// Calendars are equal when their definitions are (the prefix table follows from them).
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        (lhs.name, lhs.timeZone, lhs.workdays, lhs.hours, lhs.holidays, lhs.makeUpDays)
            == (rhs.name, rhs.timeZone, rhs.workdays, rhs.hours, rhs.holidays, rhs.makeUpDays)
    }

    /// Hashes the definition.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(hours)
        hasher.combine(holidays)
        hasher.combine(makeUpDays)
    }
}

/// One span of working hours within a day, in minutes after local midnight (`[start, end)`).
public struct WorkingHours: Hashable, Sendable {
    /// Minutes after midnight the span opens, e.g. 510 for 08:30.
    public var startMinute: Int
    /// Minutes after midnight the span closes, e.g. 1050 for 17:30.
    public var endMinute: Int

    /// A span `[startMinute, endMinute)`.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Minutes in a day: the latest clock time is `24:00`.
    public static let minutesPerDay = 24 * 60

    /// The minutes after midnight of a clock time written `HH:MM` (two digits each, `00:00`
    /// to `24:00`), or nil. The one clock reader of rules files and scenario files.
    public static func minuteOfDay(clock: some StringProtocol) -> Int? {
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              minute < 60, hour * 60 + minute <= minutesPerDay else { return nil }
        return hour * 60 + minute
    }
}
