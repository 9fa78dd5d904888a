import ServiceRules
import Testing

/// 2026-03-06 is a Friday, 03-07 Saturday, 03-09 Monday.
@Suite struct BusinessCalendarTests {
    let standard = BusinessCalendar.standard

    @Test func civilDatesRoundTripAndKnownDays() {
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
        #expect(CivilDate(year: 2026, month: 3, day: 6).weekday == .friday)
        #expect(CivilDate(year: 1969, month: 12, day: 31).weekday == .wednesday)
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: day).dayNumber == day)
        }
        #expect(at("2026-03-02T09:15:00").isoString == "2026-03-02T09:15:00")
        #expect(WallTime(iso: "2026-02-29T00:00") == nil)
    }

    @Test func fridayAfternoonPlusOneWorkingDayIsMondayAfternoon() {
        #expect(standard.adding(workingDays: 1, to: at("2026-03-06T16:00")) == at("2026-03-09T16:00"))
    }

    @Test func saturdayPlusOneWorkingDayIsMondayClosingTime() {
        #expect(standard.adding(workingDays: 1, to: at("2026-03-07T10:00")) == at("2026-03-09T17:30"))
    }

    @Test func workingSecondsSkipTheWeekendAndOffHours() {
        #expect(standard.workingSeconds(from: at("2026-03-06T16:00"), to: at("2026-03-09T09:30")) == 9000)
        #expect(standard.workingSeconds(from: at("2026-03-07T00:00"), to: at("2026-03-08T23:59")) == 0)
        #expect(standard.workingSeconds(from: at("2026-03-02T07:00"), to: at("2026-03-02T20:00")) == 9 * 3600)
    }

    @Test func aHolidaySkipsADay() {
        let calendar = BusinessCalendar(name: "h", holidays: [CivilDate(year: 2026, month: 3, day: 9)])
        #expect(calendar.adding(workingDays: 1, to: at("2026-03-06T16:00")) == at("2026-03-10T16:00"))
        #expect(calendar.adding(workingDays: 2, to: at("2026-03-06T16:00")) == at("2026-03-11T16:00"))
    }

    @Test func aMakeUpSaturdayIsWorkedWithNormalHours() {
        let calendar = BusinessCalendar(name: "m", makeUpDays: [CivilDate(year: 2026, month: 3, day: 7)])
        #expect(calendar.adding(workingDays: 1, to: at("2026-03-06T16:00")) == at("2026-03-07T16:00"))
        #expect(calendar.workingSeconds(from: at("2026-03-07T08:00"), to: at("2026-03-07T12:00")) == 12_600)
    }

    @Test func acrossTheYearEndWithANewYearHoliday() {
        let holiday = CivilDate(year: 2027, month: 1, day: 1)
        let covered = BusinessCalendar(name: "y", holidays: [holiday])
        // Thu 2026-12-31 12:00 + 1 → Fri is a holiday → Mon 2027-01-04 12:00.
        #expect(covered.adding(workingDays: 1, to: at("2026-12-31T12:00")) == at("2027-01-04T12:00"))
        // The same answer when the prefix table stops at 2026 (day-by-day fallback).
        let short = BusinessCalendar(name: "s", holidays: [holiday], coveredYears: 2026...2026)
        #expect(short.adding(workingDays: 1, to: at("2026-12-31T12:00")) == at("2027-01-04T12:00"))
        #expect(short.workingSeconds(from: at("2026-12-31T12:00"), to: at("2027-01-04T12:00")) == 9 * 3600)
        #expect(short.adding(workingDays: 1, to: at("1980-01-04T16:00")) == at("1980-01-07T16:00"))
    }
}
