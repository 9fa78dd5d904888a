import Testing
@testable import SimRandom

/// Arrival counts match the integral of the rate.
@Suite struct ArrivalProcessTests {
    /// Counts arrivals in [0, horizon).
    private func arrivals(_ horizon: Double, _ next: (Double) -> Double) -> [Double] {
        var times: [Double] = []
        var t = next(0)
        while t < horizon {
            times.append(t)
            t = next(t)
        }
        return times
    }

    /// |count − expected| within 4.5 Poisson standard deviations.
    private func expectPoissonCount(_ count: Int, _ expected: Double, _ label: String) {
        #expect(abs(Double(count) - expected) <= 4.5 * expected.squareRoot(), "\(label): \(count) vs \(expected)")
    }

    @Test func poissonCountMatchesRateTimesHorizon() throws {
        var process = try PoissonArrivals(ratePerMinute: 0.5)
        let stream = RandomStream(masterSeed: 1, replication: 0, name: "poisson")
        let count = arrivals(400_000) { process.next(after: $0, stream) }.count
        expectPoissonCount(count, 200_000, "poisson")
        var idle = try PoissonArrivals(ratePerMinute: 0)
        #expect(idle.next(after: 5, stream) == .infinity)
        #expect(throws: ArrivalError.self) { try PoissonArrivals(ratePerMinute: -1) }
    }

    @Test func nightZeroProfileGivesNoNightArrivalsAndTheIntegratedCount() throws {
        let hourOfDay = (0..<24).map { $0 < 6 ? 0.0 : ($0 < 18 ? 2.0 : 1.0) }
        let profile = try RateProfile(hourOfDay: hourOfDay)
        let start = try CalendarStart(year: 2024, month: 3, day: 4, hour: 0)
        var process = try ThinnedArrivals(ratePerMinute: 0.5, profile: profile, start: start)
        let stream = RandomStream(masterSeed: 2, replication: 0, name: "thinning")
        let horizon = 28.0 * 1_440
        let times = arrivals(horizon) { process.next(after: $0, stream) }
        #expect(times.allSatisfy { Int($0 / 60) % 24 >= 6 })
        let expected = 0.5 * 60 * 28 * hourOfDay.reduce(0, +)
        expectPoissonCount(times.count, expected, "day profile")
        let evening = times.filter { Int($0 / 60) % 24 >= 18 }.count
        expectPoissonCount(evening, 0.5 * 60 * 28 * 6, "evening hours")
    }

    @Test func weekendAndMonthFactorsFollowTheCalendar() throws {
        // Monday 2024-01-01; weekends closed; February doubled (29 days in 2024).
        let hourOfWeek = (0..<168).map { $0 < 120 ? 1.0 : 0.0 }
        let month = (1...12).map { $0 == 2 ? 2.0 : 1.0 }
        let profile = try RateProfile(hourOfWeek: hourOfWeek, month: month)
        var process = try ThinnedArrivals(ratePerMinute: 0.1, profile: profile, start: try CalendarStart(year: 2024, month: 1, day: 1))
        let stream = RandomStream(masterSeed: 3, replication: 0, name: "calendar")
        let times = arrivals(91 * 1_440) { process.next(after: $0, stream) } // Jan–Mar 2024
        #expect(times.allSatisfy { Int($0 / 1_440) % 7 < 5 })
        let february = times.filter { $0 >= 31 * 1_440 && $0 < 60 * 1_440 }.count
        expectPoissonCount(february, 0.1 * 2 * 1_440 * 21, "February weekdays") // 21 weekdays
        expectPoissonCount(times.count, 0.1 * 1_440 * (23 + 2 * 21 + 21), "Jan–Mar weekdays")
    }

    @Test func profilesAreValidated() {
        #expect(throws: ArrivalError(.invalidProfile, "hourOfDay needs 24 factors, got 23")) {
            try RateProfile(hourOfDay: Array(repeating: 1, count: 23))
        }
        #expect(throws: ArrivalError(.invalidProfile, "hourOfWeek[3] must be finite and ≥ 0, got -1.0")) {
            try RateProfile(hourOfWeek: [1, 1, 1, -1] + Array(repeating: 1, count: 164))
        }
        #expect(throws: ArrivalError(.invalidProfile, "month factors are all zero: no arrivals could ever happen")) {
            try RateProfile(hourOfDay: Array(repeating: 1, count: 24), month: Array(repeating: 0, count: 12))
        }
    }

    @Test func calendarKnowsWeekdaysLeapYearsAndMonths() throws {
        #expect(GregorianCalendar.weekday(daysSinceEpoch: 0) == 3) // 1970-01-01, Thursday
        #expect(GregorianCalendar.weekday(daysSinceEpoch: GregorianCalendar.daysSinceEpoch(year: 2000, month: 2, day: 29)) == 1)
        #expect(GregorianCalendar.daysSinceEpoch(year: 1969, month: 12, day: 31) == -1)
        #expect(GregorianCalendar.month(daysSinceEpoch: GregorianCalendar.daysSinceEpoch(year: 1600, month: 2, day: 29)) == 2)
        let start = try CalendarStart(year: 2024, month: 2, day: 28, hour: 23)
        let position = start.calendarPosition(atMinute: 120) // Thursday 2024-02-29 01:00
        #expect(position.hourOfWeek == 3 * 24 + 1)
        #expect(position.month == 2)
        #expect(start.calendarPosition(atMinute: 26 * 60).month == 3)
        #expect(throws: ArrivalError.self) { try CalendarStart(year: 2023, month: 2, day: 29) }
        #expect(throws: ArrivalError.self) { try CalendarStart(year: 1900, month: 2, day: 29) }
        #expect(throws: ArrivalError.self) { try CalendarStart(year: 2024, month: 1, day: 1, hour: 24) }
    }

    @Test func overlappingStormsDoNotCompound() {
        let schedule = StormSchedule(
            episodes: [StormEpisode(start: 0, end: 10), StormEpisode(start: 5, end: 20), StormEpisode(start: 30, end: 31)],
            multiplier: 3, horizon: 40)
        #expect(schedule.multiplier(at: 7) == 3)
        #expect(schedule.multiplier(at: 20) == 1)
        #expect(schedule.multiplier(at: 30.5) == 3)
        #expect(schedule.multiplier(at: -1) == 1)
        #expect(schedule.activeMinutes == 21)
    }
}
