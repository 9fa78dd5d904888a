/// Proleptic Gregorian calendar arithmetic on plain integers (no Foundation, no time zones).
public enum CivilDate {
    /// True when `year` has a 29 February.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` (1–12) of `year`.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given date (negative before), for years 1...9999.
    ///
    /// Counts whole years since 1970 plus the leap days between, then the days of the
    /// elapsed months of `year`. The date must be valid (see `daysIn(month:year:)`).
    @inlinable
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let yearsDays = 365 * (year - 1970) + leapDaysThrough(year - 1) - leapDaysThrough(1969)
        let beforeMonth = cumulativeDays(beforeMonth: month)
        let leapShift = month > 2 && isLeapYear(year) ? 1 : 0
        return yearsDays + beforeMonth + leapShift + day - 1
    }

    /// Leap years in 1...year (0 for year ≤ 0).
    @inlinable
    static func leapDaysThrough(_ year: Int) -> Int {
        guard year > 0 else { return 0 }
        return year / 4 - year / 100 + year / 400
    }

    /// Days of a common year before the first of `month` (1–12).
    @inlinable
    static func cumulativeDays(beforeMonth month: Int) -> Int {
        // Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
        let table = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
        switch month {
        case 1: return table.0
        case 2: return table.1
        case 3: return table.2
        case 4: return table.3
        case 5: return table.4
        case 6: return table.5
        case 7: return table.6
        case 8: return table.7
        case 9: return table.8
        case 10: return table.9
        case 11: return table.10
        default: return table.11
        }
    }
}
