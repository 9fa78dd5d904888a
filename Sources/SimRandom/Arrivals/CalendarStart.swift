/// The calendar hour at which simulated time 0 falls, in the proleptic Gregorian calendar.
///
/// Simulated time is minutes since this instant; the calendar is used only to find the hour of
/// the week (Monday 00:00 = 0) and the month of any simulated time. There are no time zones or
/// daylight-saving shifts: every day has 24 hours.
public struct CalendarStart: Sendable, Equatable {
    /// The year (any integer; proleptic Gregorian).
    public let year: Int
    /// The month, 1 = January.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int
    /// The hour of the day, 0–23.
    public let hour: Int
    /// Hours from 1970-01-01 00:00 to the start.
    let hoursSinceEpoch: Int

    /// Creates a start instant.
    /// - Throws: ``ArrivalError`` if the month, day or hour does not exist.
    public init(year: Int, month: Int, day: Int, hour: Int = 0) throws(ArrivalError) {
        guard (1...12).contains(month) else { throw ArrivalError(.invalidDate, "month must be 1–12, got \(month)") }
        let length = GregorianCalendar.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw ArrivalError(.invalidDate, "day must be 1–\(length) in \(year)-\(month), got \(day)")
        }
        guard (0...23).contains(hour) else { throw ArrivalError(.invalidDate, "hour must be 0–23, got \(hour)") }
        (self.year, self.month, self.day, self.hour) = (year, month, day, hour)
        hoursSinceEpoch = GregorianCalendar.daysSinceEpoch(year: year, month: month, day: day) * 24 + hour
    }

    /// The hour of the week (0 = Monday 00:00–01:00, 167 = Sunday 23:00) and month (1–12) at
    /// `minutes` after the start.
    public func calendarPosition(atMinute minutes: Double) -> (hourOfWeek: Int, month: Int) {
        let hours = hoursSinceEpoch + Int((minutes / 60).rounded(.down))
        let days = GregorianCalendar.floorDivide(hours, 24)
        let hourOfDay = hours - days * 24
        return (GregorianCalendar.weekday(daysSinceEpoch: days) * 24 + hourOfDay,
                GregorianCalendar.month(daysSinceEpoch: days))
    }
}

/// Day arithmetic in the proleptic Gregorian calendar (400-year cycles of 146,097 days).
enum GregorianCalendar {
    /// Days in a month, with the Gregorian leap-year rule.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days from 1970-01-01 to the date. Counts in years that start on 1 March, so that the
    /// leap day is the last day of its year; 719,468 is the day number of 1970-01-01 from 0000-03-01.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let cycle = floorDivide(marchYear, 400)
        let yearOfCycle = marchYear - cycle * 400
        let marchMonth = (month + 9) % 12
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468
    }

    /// The month (1–12) of a day number, inverting ``daysSinceEpoch(year:month:day:)``.
    static func month(daysSinceEpoch days: Int) -> Int {
        let shifted = days + 719_468
        let dayOfCycle = shifted - floorDivide(shifted, 146_097) * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1_460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        return marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
    }

    /// 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday.
    static func weekday(daysSinceEpoch days: Int) -> Int {
        let shifted = days + 3
        return shifted - floorDivide(shifted, 7) * 7
    }

    /// Division rounding towards −∞.
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
