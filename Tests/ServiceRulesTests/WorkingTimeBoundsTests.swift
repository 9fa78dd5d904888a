import ServiceRules
import Testing

/// Working-time arithmetic ends whatever the calendar: a calendar without working time gives a
/// typed "never" (nil) instead of looping, and the rules file refuses such calendars and limits
/// too long to count, each with its location. 2026-03-06 is a Friday.
@Suite struct WorkingTimeBoundsTests {
    func problems(_ yaml: String) -> [RulesFileProblem] {
        do {
            _ = try RuleCatalogue.builtIn.applying(rulesYAML: yaml, file: "rules.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    /// Calendars the type can hold but that never accumulate a working day.
    static let withoutWorkingTime: [(String, BusinessCalendar)] = [
        ("no workdays", BusinessCalendar(name: "w", workdays: [])),
        ("no hours", BusinessCalendar(name: "h", hours: [])),
        ("no workdays, table ending in 2026", BusinessCalendar(name: "t", workdays: [], coveredYears: 2026...2026)),
    ]

    @Test(arguments: withoutWorkingTime)
    func aCalendarWithoutWorkingTimeNeverReachesADeadline(_ label: String, _ calendar: BusinessCalendar) {
        #expect(!calendar.hasWorkingTime, "\(label)")
        #expect(calendar.adding(workingDays: 1, to: at("2026-03-06T16:00")) == nil, "\(label)")
        #expect(calendar.adding(workingDays: 1, to: at("2150-03-06T16:00")) == nil, "\(label)")
        #expect(calendar.workingSeconds(from: at("2026-03-06T16:00"), to: at("2026-03-20T16:00")) == 0, "\(label)")
        #expect(calendar.firstWorkingDay(from: CivilDate(year: 2026, month: 1, day: 1),
                                         through: CivilDate(year: 2026, month: 12, day: 31)) == nil, "\(label)")
    }

    /// Only make-up days work: after the last one, no deadline is ever reached — found in a
    /// bounded search outside the prefix table, not by scanning for ever.
    @Test func makeUpDaysAloneRunOut() {
        let saturday = CivilDate(year: 2150, month: 3, day: 7)
        let calendar = BusinessCalendar(name: "m", workdays: [], makeUpDays: [saturday], coveredYears: 2026...2026)
        #expect(calendar.hasWorkingTime)
        #expect(calendar.adding(workingDays: 1, to: at("2150-03-06T16:00")) == at("2150-03-07T17:30"))
        #expect(calendar.adding(workingDays: 2, to: at("2150-03-06T16:00")) == nil)
        #expect(calendar.adding(workingDays: 1, to: at("2150-03-09T09:00")) == nil)
    }

    /// Holidays over every covered day: the search walks past them and finds the next workday.
    @Test func holidaysOverAWholeYearAreWalkedPast() {
        let year = (CivilDate(year: 2026, month: 1, day: 1).dayNumber...CivilDate(year: 2026, month: 12, day: 31).dayNumber)
        let calendar = BusinessCalendar(name: "y", holidays: Set(year.map(CivilDate.init(dayNumber:))),
                                        coveredYears: 2026...2026)
        #expect(calendar.adding(workingDays: 1, to: at("2026-03-06T16:00")) == at("2027-01-01T17:30"))
        #expect(calendar.firstWorkingDay(from: CivilDate(year: 2026, month: 2, day: 1),
                                         through: CivilDate(year: 2026, month: 12, day: 31)) == nil)
    }

    @Test func aCountOfWorkingDaysThatOverflowsIsNeverRatherThanATrap() {
        #expect(BusinessCalendar.standard.adding(workingDays: Int.max, to: at("2026-03-06T16:00")) == nil)
    }

    @Test(arguments: [
        ("calendars: {standard: {workdays: []}}", "calendars.standard.workdays", "a calendar needs at least one workday"),
        ("calendars: {standard: {hours: []}}", "calendars.standard.hours", "a calendar needs working hours"),
        ("calendars: {night: {workdays: [], hours: [\"20:00-23:00\"]}}", "calendars.night.workdays", "at least one workday"),
        ("calendars: {standard: {workdays: [], makeUpDays: [2026-01-03]}}", "calendars.standard.workdays", "at least one workday"),
        ("calendars: {standard: {holidays: [\"2026-01-01..9999-12-31\"]}}", "calendars.standard.holidays",
         "the holidays leave no working day for 366 days or more from 2026-01-01"),
        ("tiers: {SLA-AA: {restorationLimit: 99999999999999999999999d}}", "tiers.SLA-AA.restorationLimit",
         "may be at most 36500 days (100 years), found `99999999999999999999999d`"),
        ("tiers: {SLA-AA: {faultReport: 99999999999999999999 working days}}", "tiers.SLA-AA.faultReport",
         "may be at most 36500 days"),
        ("tiers: {SLA-AA: {faultReport: 36501 working days}}", "tiers.SLA-AA.faultReport", "may be at most 36500 days"),
        ("checkpoints: {dispatchWithin: 1e300h}", "checkpoints.dispatchWithin", "expected a duration"),
    ])
    func theRulesFileRefusesCalendarsWithoutWorkingTimeAndEndlessLimits(_ yaml: String, _ keyPath: String, _ fragment: String) {
        let found = problems(yaml)
        #expect(found.count == 1, "\(yaml): \(found)")
        #expect(found.first?.keyPath == keyPath, "\(yaml)")
        #expect(found.first?.message.contains(fragment) == true, "\(yaml): \(found.first?.message ?? "")")
        #expect(found.first?.line == 1, "\(yaml)")
    }

    @Test func aHundredYearsOfWorkingDaysAndAYearOfHolidaysAreAccepted() throws {
        #expect(problems("tiers: {SLA-AA: {faultReport: 36500 working days}}").isEmpty)
        #expect(problems("calendars: {standard: {holidays: [\"2026-01-01..2026-12-31\"]}}").isEmpty)
    }

    @Test func theLongestStretchWithoutWorkComesFromTheHolidays() {
        let year = (CivilDate(year: 2026, month: 1, day: 1).dayNumber...CivilDate(year: 2026, month: 12, day: 31).dayNumber)
        let holidays = Set(year.map(CivilDate.init(dayNumber:)))
        // Wed 2025-12-31 and Fri 2027-01-01 are worked: the 365 days of 2026 are the run.
        #expect(BusinessCalendar(name: "y", holidays: holidays).firstStretchWithoutWork(atLeast: 365)
                == CivilDate(year: 2026, month: 1, day: 1))
        #expect(BusinessCalendar(name: "y", holidays: holidays).firstStretchWithoutWork(atLeast: 366) == nil)
        #expect(BusinessCalendar.standard.firstStretchWithoutWork(atLeast: 8) == nil)
        #expect(BusinessCalendar(name: "w", workdays: []).firstStretchWithoutWork(atLeast: 366) != nil)
    }
}

/// `--rules` and `rules:` may name any readable file; a file that is not a rules file is said so
/// once, and what it holds never reaches a message.
@Suite struct NotARulesFileTests {
    @Test(arguments: [
        ("root:$6$Zq0secretHashValue$abc:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n", "a mapping with none of them"),
        ("- tiers\n- calendars\n", "a list"),
        ("just some words\n", "plain text"),
    ])
    func aFileThatIsNotARulesFileIsOneProblemWithoutItsContents(_ text: String, _ found: String) {
        do {
            _ = try RuleCatalogue.builtIn.applying(rulesYAML: text, file: "passwd")
            Issue.record("accepted as a rules file")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.message == "not a rules file: expected a mapping of rules sections "
                    + "(tiers, calendars, …), found \(found)")
            for secret in ["Zq0secretHashValue", "daemon", "words"] {
                #expect(!"\(error)".contains(secret))
            }
        }
    }
}
