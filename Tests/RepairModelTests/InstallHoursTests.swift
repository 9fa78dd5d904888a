@testable import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// Installations are ordered and started in the calendar's working hours only.
@Suite struct InstallHoursTests {
    /// Mon–Fri 08:30–17:30 from Monday 2026-01-05; Friday 2026-01-09 is a holiday in `holiday`
    /// and Saturday 2026-01-17 a make-up working day.
    static func clock(holidays: Set<CivilDate> = [], makeUp: Set<CivilDate> = []) -> WorkingHoursClock {
        let calendar = BusinessCalendar(name: "standard", holidays: holidays, makeUpDays: makeUp)
        return WorkingHoursClock(calendar: calendar, start: CivilDate(year: 2026, month: 1, day: 5))
    }

    /// Simulated instant of day `day` (0 = Monday 2026-01-05) at hh:mm.
    static func at(day: Int64, _ hour: Int64, _ minute: Int64 = 0) -> SimTime {
        SimTime(milliseconds: day * SimDuration.millisecondsPerDay + (hour * 60 + minute) * 60_000)
    }

    /// The clock with its working dates looked up in advance answers as the calendar does: an
    /// instant is working time exactly when its wall-clock second holds working time by
    /// `BusinessCalendar.workingSeconds` (how the model decided before it asked the clock), over
    /// six weeks with a holiday and a make-up day, inside and beyond the days looked up.
    @Test func theDayTableAnswersAsTheCalendar() {
        let holiday = CivilDate(year: 2026, month: 1, day: 9), makeUp = CivilDate(year: 2026, month: 1, day: 17)
        let calendar = BusinessCalendar(name: "standard", holidays: [holiday], makeUpDays: [makeUp])
        let start = CivilDate(year: 2026, month: 1, day: 5)
        let tabled = WorkingHoursClock(calendar: calendar, start: start, days: 20)
        let midnight = WallTime(start).seconds
        var working = 0
        for minute in stride(from: Int64(0), to: 42 * 1440, by: 7) {
            let time = SimTime(milliseconds: minute * 60_000 + 30_500)
            let wall = WallTime(seconds: midnight + time.milliseconds / 1000)
            let byCalendar = calendar.workingSeconds(from: wall, to: WallTime(seconds: wall.seconds + 1)) > 0
            #expect(tabled.isWorking(time) == byCalendar, "minute \(minute)")
            if byCalendar { working += 1 }
        }
        #expect(working > 0)
        #expect(tabled.nextSpanStart(after: Self.at(day: 3, 18)) == Self.at(day: 7, 8, 30))   // Thursday → Monday
        #expect(tabled.nextSpanStart(after: Self.at(day: 11, 18)) == Self.at(day: 12, 8, 30))  // Friday → make-up Saturday
    }

    @Test func anInstallOrderedFriday1700StartsMonday() {
        let clock = Self.clock()
        let friday1700 = Self.at(day: 4, 17)
        #expect(clock.isWorking(friday1700))
        #expect(!clock.isWorking(Self.at(day: 4, 17, 30)))   // spans are [08:30, 17:30)
        // The order waits (no crew free before closing): the next start of work is Monday 08:30.
        #expect(clock.nextSpanStart(after: friday1700) == Self.at(day: 7, 8, 30))
        // One hour of working time after Friday 17:00: 30 minutes on Friday, 30 on Monday.
        #expect(clock.advance(friday1700, working: .minutes(60)) == Self.at(day: 7, 9))
    }

    @Test func holidaysAreSkippedAndMakeUpDaysWorked() {
        let clock = Self.clock(holidays: [CivilDate(year: 2026, month: 1, day: 9)],
                               makeUp: [CivilDate(year: 2026, month: 1, day: 17)])
        // Thursday 17:00 + 1 h: Friday is a holiday → Monday 09:00.
        #expect(clock.advance(Self.at(day: 3, 17), working: .minutes(60)) == Self.at(day: 7, 9))
        #expect(!clock.isWorking(Self.at(day: 4, 10)))
        // Friday 2026-01-16 17:00: the next start is the make-up Saturday 08:30.
        #expect(clock.nextSpanStart(after: Self.at(day: 11, 17)) == Self.at(day: 12, 8, 30))
        #expect(clock.isWorking(Self.at(day: 12, 12)))
        // A whole working week (5 × 9 h) from Monday 08:30 ends Friday 17:30.
        #expect(clock.advance(Self.at(day: 14, 8, 30), working: .minutes(5 * 540)) == Self.at(day: 18, 17, 30))
    }

    /// With crews always free, every order is assigned the moment it arrives (it arrives in
    /// working hours); with crews on duty only at night, no installation is ever started.
    @Test func ordersArriveAndStartOnlyInWorkingHours() throws {
        func outcome(roster: String) throws -> ReplicationOutcome {
            var yaml = Fixtures.queueingYAML(circuits: [100, 100, 100], ratePerCircuitYear: 0.1, crews: 1,
                                             repairMean: 60, days: 100, installsPerDay: 10)
            yaml = yaml.replacingOccurrences(of: "r: {roster: [{shift: always, crews: 1}]}", with: "r: {roster: \(roster)}")
            return RepairSimulation(scenario: try Fixtures.scenario(yaml), replication: 0).run()
        }
        let day = try outcome(roster: "[{shift: always, crews: 50}]").installs
        // 10 a working day over 90 observed days (64 working days, 2026-01-15 … 2026-04-14).
        #expect(day.ordered > 560 && day.ordered < 720, "\(day.ordered)")
        #expect(day.assigned == day.ordered && day.appointmentMet == day.ordered)
        #expect(day.appointmentMinutes.max == 0)
        let night = try outcome(roster: "[{shift: \"22:00-06:00\", crews: 50}]").installs
        #expect(night.ordered == day.ordered)   // same order stream
        #expect(night.assigned == 0)
    }
}
