/// Working-time arithmetic (docs/rules-semantics.md "Time"): durations in working time, and
/// the instant N working days after another.
extension BusinessCalendar {
    /// Working seconds in `[from, to)`; negative when `to` is before `from`.
    /// - Complexity: O(1) inside the covered years.
    public func workingSeconds(from: WallTime, to: WallTime) -> Int64 {
        workingElapsed(until: to) - workingElapsed(until: from)
    }

    /// The longest run of days without work a rules file or scenario may give a calendar (a year
    /// and a day): working-day deadlines then always fall within (N + 1) of these.
    public static let longestPauseDays = 366

    /// Whether the calendar has any working time: working hours, and a workday or a make-up day.
    /// Validation refuses calendars without; the arithmetic below stays bounded even so.
    public var hasWorkingTime: Bool {
        workingDayLength > 0 && (!workdays.isEmpty || !makeUpDays.isEmpty)
    }

    /// The instant at which `workingDays` × (normal working-day length) of working time has
    /// elapsed after `instant`: Fri 16:00 + 1 → Mon 16:00; Sat 10:00 + 1 → Mon 17:30.
    ///
    /// Nil when that much working time never elapses: the calendar has no working time, or only
    /// make-up days and too few of them after `instant`, or the count overflows. The search is
    /// bounded by construction (see ``longestSearch(forWorkingDays:from:)``), never "until found".
    /// - Complexity: O(log days) inside the covered years; O(days searched) outside them.
    public func adding(workingDays: Int, to instant: WallTime) -> WallTime? {
        guard workingDays > 0 else { return instant }
        guard hasWorkingTime else { return nil }
        let (needed, overflow) = Int64(workingDays).multipliedReportingOverflow(by: workingDayLength)
        guard !overflow else { return nil }
        let target = workingElapsed(until: instant) + needed
        let start = instant.dayNumber
        guard let day = table.firstDay(reaching: target)
                ?? dayReaching(target, from: start, searching: longestSearch(forWorkingDays: workingDays, from: start))
        else { return nil }
        let offset = secondOfDay(afterWorking: target - cumulative(beforeDay: day))
        return WallTime(seconds: Int64(day) * WallTime.secondsPerDay + offset)
    }

    /// The first working day in `first...last`, or nil when the calendar has no working time there.
    /// - Complexity: O(days looked at); at most 7 + holidays when there is a workday.
    public func firstWorkingDay(from first: CivilDate, through last: CivilDate) -> CivilDate? {
        guard hasWorkingTime, first <= last else { return nil }
        let day = (first.dayNumber...last.dayNumber).first { isWorkingDay(dayNumber: $0) }
        return day.map(CivilDate.init(dayNumber:))
    }

    /// The first day of the first run of at least `days` (> 7) consecutive days without work,
    /// or nil when there is none. With a workday, only holidays can make a run longer than a
    /// week, so only their span (and a week either side) is looked at; a calendar without working
    /// time is one endless run (reported from day 0, 1970-01-01).
    /// - Complexity: O(days from the first holiday to the last).
    public func firstStretchWithoutWork(atLeast days: Int) -> CivilDate? {
        precondition(days > 7, "a week holds a workday unless holidays take it; ask about longer runs")
        guard hasWorkingTime, !workdays.isEmpty else { return CivilDate(dayNumber: 0) }
        let holidayDays = holidays.map(\.dayNumber)
        guard let first = holidayDays.min(), let last = holidayDays.max() else { return nil }
        var runStart = first, run = 0
        for day in (first - 7)...(last + 7) {
            guard !isWorkingDay(dayNumber: day) else { run = 0; continue }
            if run == 0 { runStart = day }
            run += 1
            if run >= days { return CivilDate(dayNumber: runStart) }
        }
        return nil
    }

    /// How many days from `startDay` can hold `workingDays` working days. With at least one
    /// workday, every 7 consecutive days hold one unless a holiday takes it, so
    /// 7 × (days + holidays + 1) days always suffice; with none, only make-up days work, and
    /// the last of them bounds the search.
    func longestSearch(forWorkingDays workingDays: Int, from startDay: Int) -> Int {
        guard workdays.isEmpty else { return 7 * (workingDays + holidays.count + 1) }
        let lastMakeUp = makeUpDays.map(\.dayNumber).max() ?? startDay
        return max(0, lastMakeUp - startDay + 1)
    }

    /// Working seconds from the table's origin to `instant` (negative before the origin).
    func workingElapsed(until instant: WallTime) -> Int64 {
        let day = instant.dayNumber
        let base = cumulative(beforeDay: day)
        guard table.isWorking(day) ?? isWorkingDay(dayNumber: day) else { return base }
        return base + workedWithinDay(until: instant.secondOfDay)
    }

    /// Working seconds from the table's origin to the start of `day`.
    func cumulative(beforeDay day: Int) -> Int64 {
        if let value = table.cumulative(beforeDay: day) { return value }
        if day < table.firstDay {
            return -(day..<table.firstDay).reduce(0) { $0 + workingSeconds(ofDay: $1) }
        }
        let last = table.endDay
        return table.total + (last..<day).reduce(0) { $0 + workingSeconds(ofDay: $1) }
    }

    /// Day-by-day search outside the covered years: the first day during which `target` is
    /// reached, looking at most `limit` days from `startDay`; nil when it is not reached in them.
    func dayReaching(_ target: Int64, from startDay: Int, searching limit: Int) -> Int? {
        var reached = cumulative(beforeDay: startDay)
        for day in startDay..<(startDay + limit) {
            reached += workingSeconds(ofDay: day)
            if reached >= target { return day }
        }
        return nil
    }
}

/// Prefix sums of working seconds per day over a range of years.
struct WorkingTimeTable: Sendable {
    /// Day number of the first covered day.
    private(set) var firstDay: Int = 0
    /// `prefix[i]` = working seconds in days `firstDay ..< firstDay + i`.
    private var prefix: [Int64] = [0]

    init() {}

    init(calendar: BusinessCalendar, coveredYears: ClosedRange<Int>) {
        firstDay = CivilDate(year: coveredYears.lowerBound, month: 1, day: 1).dayNumber
        let end = CivilDate(year: coveredYears.upperBound + 1, month: 1, day: 1).dayNumber
        prefix.reserveCapacity(end - firstDay + 1)
        var running: Int64 = 0
        for day in firstDay..<end {
            running += calendar.workingSeconds(ofDay: day)
            prefix.append(running)
        }
    }

    /// One past the last covered day.
    var endDay: Int { firstDay + prefix.count - 1 }
    /// Working seconds over the whole covered range.
    var total: Int64 { prefix[prefix.count - 1] }

    func cumulative(beforeDay day: Int) -> Int64? {
        let index = day - firstDay
        return index >= 0 && index < prefix.count ? prefix[index] : nil
    }

    func isWorking(_ day: Int) -> Bool? {
        let index = day - firstDay
        guard index >= 0, index + 1 < prefix.count else { return nil }
        return prefix[index + 1] > prefix[index]
    }

    /// The covered day during which the cumulative working time first reaches `target`,
    /// or nil when `target` lies outside the covered range.
    func firstDay(reaching target: Int64) -> Int? {
        guard target > prefix[0], target <= total else { return nil }
        var low = 1, high = prefix.count - 1
        while low < high {
            let mid = (low + high) / 2
            if prefix[mid] >= target { high = mid } else { low = mid + 1 }
        }
        return firstDay + low - 1
    }
}
