import ServiceRules
import Testing

@Suite struct AvailabilityTests {
    @Test func anOutageAcrossMonthEndCountsInBothMonths() throws {
        let result = evaluate([circuit()], [outage("T1", start: "2026-03-31T23:00", minutes: 120)])
        let march = try #require(result.period("C1", "2026-03"))
        let april = try #require(result.period("C1", "2026-04"))
        #expect(march.outageMinutes == 60)
        #expect(april.outageMinutes == 60)
        #expect(isClose(march.availability, 1 - 60.0 / 44_640))
        #expect(isClose(april.availability, 1 - 60.0 / 43_200))
        #expect(!march.availabilityMet && !april.availabilityMet)
    }

    @Test func overlappingOutagesAreMerged() throws {
        let tickets = [outage("T1", start: "2026-03-10T10:00", minutes: 60),
                       outage("T2", start: "2026-03-10T10:30", minutes: 90)]
        let march = try #require(evaluate([circuit()], tickets).period("C1", "2026-03"))
        #expect(march.outageMinutes == 120)
    }

    @Test func aPartPeriodCircuitIsJudgedOnTheMinutesItExisted() throws {
        let line = circuit(start: "2026-03-16T00:00")
        let march = try #require(evaluate([line], [outage("T1", start: "2026-03-20T10:00", minutes: 60)])
            .period("C1", "2026-03"))
        #expect(isClose(march.availability, 1 - 60.0 / (16 * 1440)))
    }

    @Test func outageBeforeTheCircuitExistedIsClippedAway() throws {
        let line = circuit(start: "2026-03-16T00:00")
        let march = try #require(evaluate([line], [outage("T1", start: "2026-03-15T23:00", minutes: 120)])
            .period("C1", "2026-03"))
        #expect(march.outageMinutes == 60)
    }

    @Test func quietCircuitPeriodsCountInTheirTier() {
        let circuits = [circuit("C1"), circuit("C2"), circuit("C3", end: "2026-03-20T00:00"),
                        circuit("C4", start: "2026-05-01T00:00")]
        let result = evaluate(circuits, [outage("T1", start: "2026-03-31T23:00", minutes: 120)])
        let aa = result.summary("SLA-AA")
        #expect(result.firstPeriod == "2026-03" && result.lastPeriod == "2026-04")
        #expect(aa.circuitPeriods == 5)
        #expect(aa.availabilityMet == 3)
        #expect(result.circuitPeriods.map(\.period) == ["2026-03", "2026-04"])
        #expect(result.totals.circuitPeriods == 5)
    }

    @Test func quarterAndYearPeriods() throws {
        let tickets = [outage("T1", start: "2026-03-31T23:00", minutes: 120)]
        let quarter = evaluate([circuit()], tickets, period: .quarter)
        #expect(quarter.circuitPeriods.map(\.period) == ["2026-Q1", "2026-Q2"])
        let year = evaluate([circuit()], tickets, period: .year)
        let whole = try #require(year.period("C1", "2026"))
        #expect(whole.outageMinutes == 120)
        #expect(isClose(whole.availability, 1 - 120.0 / (365 * 1440)))
    }

    @Test func excludedTicketsCountForNothing() {
        let tickets = [outage("T1", start: "2026-03-02T09:00", minutes: 5 * 1440, excluded: "force majeure"),
                       outage("T2", start: "2026-03-12T09:00", minutes: 10)]
        let result = evaluate([circuit()], tickets)
        let aa = result.summary("SLA-AA")
        #expect(aa.tickets == 2)
        #expect(aa.excludedTickets == 1)
        #expect(aa.outageTickets == 1)
        #expect(aa.restoration.applicable == 1)
        #expect(result.tickets[0].restoration == .notApplicable)
        #expect(result.period("C1", "2026-03")?.outageMinutes == 10)
        #expect(result.period("C1", "2026-03")?.repeatViolations == 0)
        #expect(!result.tickets[1].isRepeat)
        #expect(result.totals.credits == 0)
    }
}

@Suite struct RepeatFaultTests {
    func aaa(_ second: String) -> Evaluation {
        evaluate([circuit(tier: "SLA-AAA")], [outage("T1", start: "2026-01-01T00:00", minutes: 10),
                                              outage("T2", start: second, minutes: 10)])
    }

    @Test func exactlyTheWindowIsARepeatAndAMinuteMoreIsNot() {
        let edge = aaa("2026-04-01T00:00")  // 31 + 28 + 31 = 90 days later
        #expect(edge.tickets.map(\.isRepeat) == [false, true])
        #expect(edge.period("C1", "2026-04")?.repeatViolations == 1)
        #expect(edge.period("C1", "2026-01")?.repeatViolations == 0)
        #expect(edge.summary("SLA-AAA").repeatViolations == 1)
        let beyond = aaa("2026-04-01T00:01")
        #expect(beyond.tickets.map(\.isRepeat) == [false, false])
        #expect(beyond.totals.repeatViolations == 0)
    }

    @Test func windowsFollowTheTier() {
        let tickets = [outage("T1", start: "2026-03-01T00:00", minutes: 1),
                       outage("T2", start: "2026-03-31T00:00", minutes: 1),
                       outage("T3", start: "2026-05-01T00:01", minutes: 1)]
        #expect(evaluate([circuit(tier: "SLA-A")], tickets).tickets.map(\.isRepeat) == [false, true, false])
        #expect(evaluate([circuit(tier: "SLA-AA")], tickets).tickets.map(\.isRepeat) == [false, true, true])
        #expect(evaluate([circuit(tier: "MQ-I")], tickets).tickets.map(\.isRepeat) == [false, false, false])
    }

    @Test func equalStartsMakeTheLaterTicketIDTheRepeat() {
        let tickets = [outage("T-b", start: "2026-03-01T00:00", minutes: 1),
                       outage("T-a", start: "2026-03-01T00:00", minutes: 1)]
        let result = evaluate([circuit()], tickets)
        #expect(result.tickets.map(\.ticketID) == ["T-b", "T-a"])
        #expect(result.tickets.map(\.isRepeat) == [true, false])
    }

    @Test func protectedSegmentFaultsAreNotRepeats() {
        let tickets = [outage("T1", start: "2026-03-01T00:00", minutes: 1),
                       outage("T2", start: "2026-03-02T00:00", minutes: 1, outage: false)]
        let result = evaluate([circuit()], tickets)
        #expect(result.totals.repeatViolations == 0)
        #expect(result.tickets[1].restoration == .notApplicable)
    }
}
