/// Working-time arithmetic (docs/rules-semantics.md "Time"): durations in working time, and
/// the instant N working days after another.
extension BusinessCalendar {
    /// Working seconds in `[from, to)`; negative when `to` is before `from`.
    /// - Complexity: O(1) inside the covered years.
    public func workingSeconds(from: WallTime, to: WallTime) -> Int64 {
        workingElapsed(until: to) - workingElapsed(until: from)
    }

    /// The instant at which `workingDays` × (normal working-day length) of working time has
    /// elapsed after `instant`: Fri 16:00 + 1 → Mon 16:00; Sat 10:00 + 1 → Mon 17:30.
    /// - Complexity: O(log days) inside the covered years.
    public func adding(workingDays: Int, to instant: WallTime) -> WallTime {
        guard workingDays > 0, workingDayLength > 0 else { return instant }
        let target = workingElapsed(until: instant) + Int64(workingDays) * workingDayLength
        let day = table.firstDay(reaching: target) ?? dayReaching(target, from: instant.dayNumber)
        let offset = secondOfDay(afterWorking: target - cumulative(beforeDay: day))
        return WallTime(seconds: Int64(day) * WallTime.secondsPerDay + offset)
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

    /// Day-by-day search outside the covered years: the first day during which `target` is reached.
    func dayReaching(_ target: Int64, from startDay: Int) -> Int {
        var day = startDay
        var reached = cumulative(beforeDay: day)
        while reached + workingSeconds(ofDay: day) < target {
            reached += workingSeconds(ofDay: day)
            day += 1
        }
        return day
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
