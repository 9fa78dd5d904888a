import ServiceRules
import SimCore

/// The scenario calendar's working hours on the simulation's clock: when crews may start
/// installation work and when installation orders arrive.
///
/// Simulated day `d` is the calendar date `start + d`; a working date (a workday that is not a
/// holiday, or a make-up day) is worked in each of the calendar's working-hours spans
/// (e.g. 08:30–17:30). Instants are milliseconds; a span is `[start, end)`.
struct WorkingHoursClock {
    /// Day number of simulated day 0.
    let firstDay: Int
    let calendar: BusinessCalendar
    /// The working-hours spans of a working date, in milliseconds after midnight, in order.
    let spans: [(start: Int64, end: Int64)]
    /// Whether simulated day `d` is a working date, for the first days (the run's): the
    /// calendar's answer looked up once per day instead of once per question.
    let workingDays: [Bool]

    /// Days searched for the next working span before giving up (a calendar without any).
    static let searchDays = 800

    /// The clock of a run starting on `start`; `days`: the simulated days whose working status
    /// is looked up in advance (later days ask the calendar).
    init(calendar: BusinessCalendar, start: CivilDate, days: Int = 0) {
        self.calendar = calendar
        let firstDay = start.dayNumber
        self.firstDay = firstDay
        spans = calendar.hours.sorted { $0.startMinute < $1.startMinute }
            .map { (Int64($0.startMinute) * 60_000, Int64($0.endMinute) * 60_000) }
        workingDays = (0..<max(0, days)).map { calendar.isWorkingDay(CivilDate(dayNumber: firstDay + $0)) }
    }

    /// Whether an instant is inside working hours.
    func isWorking(_ time: SimTime) -> Bool {
        let (day, offset) = Self.split(time.milliseconds)
        return isWorkingDay(day) && spans.contains { $0.start <= offset && offset < $0.end }
    }

    /// The start of the first working span strictly after `time`; nil if none within
    /// ``searchDays`` days.
    func nextSpanStart(after time: SimTime) -> SimTime? {
        let (today, _) = Self.split(time.milliseconds)
        for day in today..<today + Int64(Self.searchDays) where isWorkingDay(day) {
            for span in spans where day * Self.day + span.start > time.milliseconds {
                return SimTime(milliseconds: day * Self.day + span.start)
            }
        }
        return nil
    }

    /// The instant at which `working` of working time has elapsed after `time` (working time
    /// counts only inside working hours); nil if the calendar has no working hours ahead.
    func advance(_ time: SimTime, working: SimDuration) -> SimTime? {
        var now = time.milliseconds
        var remaining = working.milliseconds
        while true {
            let (day, offset) = Self.split(now)
            if isWorkingDay(day), let span = spans.first(where: { offset < $0.end }) {
                let from = day * Self.day + max(offset, span.start)
                let available = day * Self.day + span.end - from
                if remaining <= available { return SimTime(milliseconds: from + remaining) }
                remaining -= available
                now = day * Self.day + span.end
                continue
            }
            guard let next = nextSpanStart(after: SimTime(milliseconds: now)) else { return nil }
            now = next.milliseconds
        }
    }

    private static let day = SimDuration.millisecondsPerDay

    private func isWorkingDay(_ day: Int64) -> Bool {
        if day >= 0, day < workingDays.count { return workingDays[Int(day)] }
        return calendar.isWorkingDay(CivilDate(dayNumber: firstDay + Int(day)))
    }

    /// Simulated day and milliseconds after its midnight.
    private static func split(_ milliseconds: Int64) -> (day: Int64, offset: Int64) {
        (milliseconds / day, milliseconds % day)
    }
}
