import ServiceRules
import Testing

@Suite struct TicketCheckTests {
    func judged(_ circuit: Circuit, _ ticket: TicketRecord, catalogue: RuleCatalogue = .builtIn) -> TicketEvaluation {
        let result = evaluate([circuit], [ticket], catalogue: catalogue)
        #expect(result.skipped.isEmpty)
        return result.tickets[0]
    }

    @Test func restorationExactlyAtTheLimitIsMetAndOneSecondOverIsMissed() {
        let aa = circuit(tier: "SLA-AA")
        let atLimit = judged(aa, outage("T1", start: "2026-03-02T09:00", minutes: 90))
        #expect(atLimit.restoration == .met)
        #expect(atLimit.restorationLimitMinutes == 90)
        let over = judged(aa, outage("T1", start: "2026-03-02T09:00", minutes: 90, seconds: 1))
        #expect(over.restoration == .missed)
        #expect(isClose(over.overrunMinutes, 1.0 / 60))
    }

    @Test func dispatchAcceptAndConfirmationLimitsAreInclusive() {
        var ticket = outage("T1", start: "2026-03-02T09:00", minutes: 60)
        ticket.dispatchedAt = at("2026-03-02T09:15")
        ticket.acceptedAt = at("2026-03-02T09:45")
        ticket.confirmedAt = at("2026-03-02T10:15")
        let met = judged(circuit(), ticket)
        #expect([met.dispatch, met.accept, met.confirmation] == [.met, .met, .met])
        ticket.dispatchedAt = at("2026-03-02T09:15:01")
        ticket.acceptedAt = at("2026-03-02T09:45:02")
        ticket.confirmedAt = at("2026-03-02T10:15:01")
        let missed = judged(circuit(), ticket)
        #expect([missed.dispatch, missed.accept, missed.confirmation] == [.missed, .missed, .missed])
    }

    @Test func emptyCheckpointsMakeTheirChecksNotApplicable() {
        var ticket = outage("T1", start: "2026-03-02T09:00", minutes: 60)
        ticket.dispatchedAt = nil
        ticket.confirmedAt = nil
        let result = judged(circuit(), ticket)
        #expect(result.dispatch == .notApplicable)
        #expect(result.accept == .notApplicable)
        #expect(result.confirmation == .notApplicable)
        #expect(result.faultReport == .notApplicable)
    }

    @Test(arguments: [("SLA-AA", "mpls-vpn", 120.0), ("SLA-A", "mpls-vpn", 240.0),
                      ("SLA-AA", "sdh", 90.0), ("SLA-A", "sdh", 180.0), ("SLA-AAA", "mpls-vpn", 60.0)])
    func vpnRestorationLimits(tier: String, product: String, minutes: Double) {
        let line = circuit(tier: tier, product: product)
        let met = judged(line, outage("T1", start: "2026-03-02T09:00", minutes: Int64(minutes)))
        #expect(met.restorationLimitMinutes == minutes)
        #expect(met.restoration == .met)
        let missed = judged(line, outage("T1", start: "2026-03-02T09:00", minutes: Int64(minutes), seconds: 1))
        #expect(missed.restoration == .missed)
    }

    @Test func theCircuitsOwnVPNFlagOverridesTheProduct() {
        let result = judged(circuit(tier: "SLA-AA", product: "sdh", vpn: true),
                            outage("T1", start: "2026-03-02T09:00", minutes: 100))
        #expect(result.limitSource == .tierVPN)
        #expect(result.restoration == .met)
    }

    @Test func withoutATierTheRepairLimitMatrixThenQLCApply() {
        let voice = circuit(tier: nil, product: "virtual-network", grade: .localB)
        let atLimit = judged(voice, outage("T1", start: "2026-03-02T09:00", minutes: 48 * 60))
        #expect(atLimit.limitSource == .repairLimitMatrix)
        #expect(atLimit.restorationLimitMinutes == 2880)
        #expect(atLimit.restorationClock == .calendar)
        #expect(atLimit.restoration == .met)
        #expect(atLimit.tier == "untiered")
        #expect(judged(voice, outage("T1", start: "2026-03-02T09:00", minutes: 48 * 60, seconds: 1)).restoration == .missed)

        let bandwidth = judged(circuit(tier: nil, product: "sdh"), outage("T1", start: "2026-03-02T09:00", minutes: 361))
        #expect(bandwidth.limitSource == .fallbackTier)
        #expect(bandwidth.restorationLimitMinutes == 360)
        #expect(bandwidth.restoration == .missed)
    }

    @Test func itServicesHaveThreeWorkingDays() {
        // Reported Fri 16:00; 3 working days = 27 h of work: 1.5 h Fri + 9 Mon + 9 Tue + 7.5 Wed.
        let ict = circuit(tier: nil, product: "it-services")
        var ticket = outage("T1", start: "2026-03-06T16:00", minutes: 0)
        ticket.repairedAt = at("2026-03-11T16:00")
        ticket.confirmedAt = nil
        let atLimit = judged(ict, ticket)
        #expect(atLimit.restorationClock == .working)
        #expect(atLimit.restorationLimitMinutes == 27 * 60)
        #expect(atLimit.restorationMinutes == 27 * 60)
        #expect(atLimit.restoration == .met)
        ticket.repairedAt = at("2026-03-11T16:00:01")
        #expect(judged(ict, ticket).restoration == .missed)
    }

    func reportTicket(repaired: String, sent: String) -> TicketRecord {
        var ticket = outage("T1", start: "2026-03-06T09:00", minutes: 0)
        ticket.repairedAt = at(repaired)
        ticket.confirmedAt = nil
        ticket.reportSentAt = at(sent)
        return ticket
    }

    @Test func faultReportIsDueAfterWorkingDays() {
        // SLA-AA: 2 working days after Fri 16:00 → Tue 16:00.
        let aa = circuit(tier: "SLA-AA")
        #expect(judged(aa, reportTicket(repaired: "2026-03-06T16:00", sent: "2026-03-10T16:00")).faultReport == .met)
        #expect(judged(aa, reportTicket(repaired: "2026-03-06T16:00", sent: "2026-03-10T16:00:01")).faultReport == .missed)
        // SLA-AAA: 1 working day after Sat 10:00 → Mon 17:30.
        let aaa = circuit(tier: "SLA-AAA")
        #expect(judged(aaa, reportTicket(repaired: "2026-03-07T10:00", sent: "2026-03-09T17:30")).faultReport == .met)
        #expect(judged(aaa, reportTicket(repaired: "2026-03-07T10:00", sent: "2026-03-09T17:31")).faultReport == .missed)
    }

    @Test func faultReportAcrossAHolidayAndAMakeUpSaturday() {
        var catalogue = RuleCatalogue.builtIn
        catalogue.calendars = [BusinessCalendar(
            name: "standard", holidays: [CivilDate(year: 2026, month: 3, day: 10)],
            makeUpDays: [CivilDate(year: 2026, month: 3, day: 7)])]
        // From Fri 16:00: Sat (make-up) + Mon → due Mon 16:00; Tue is a holiday either way.
        let aa = circuit(tier: "SLA-AA")
        let due = reportTicket(repaired: "2026-03-06T16:00", sent: "2026-03-09T16:00")
        #expect(judged(aa, due, catalogue: catalogue).faultReport == .met)
        let late = reportTicket(repaired: "2026-03-06T16:00", sent: "2026-03-09T16:01")
        #expect(judged(aa, late, catalogue: catalogue).faultReport == .missed)
        // From Mon 16:00: Tue is a holiday → Wed + Thu → due Thu 16:00.
        let overHoliday = reportTicket(repaired: "2026-03-09T16:00", sent: "2026-03-12T16:00")
        #expect(judged(aa, overHoliday, catalogue: catalogue).faultReport == .met)
        #expect(judged(aa, overHoliday).faultReport == .missed)
    }

    @Test func checkpointsOutOfOrderAreRejectedWithAMessage() {
        var ticket = outage("T1", start: "2026-03-02T09:00", minutes: 60)
        ticket.dispatchedAt = at("2026-03-02T09:20")
        ticket.acceptedAt = at("2026-03-02T09:10")
        let rejection = RuleCatalogue.builtIn.validate(ticket, circuit: circuit())
        #expect(rejection?.description == "accepted_at 2026-03-02T09:10:00 is before dispatched_at 2026-03-02T09:20:00")
        let result = evaluate([circuit()], [ticket])
        #expect(result.tickets.isEmpty)
        #expect(result.skipped.map(\.reason) == [rejection!.description])
    }

    @Test func unknownTierAndUnknownCircuitAreSkippedNotFatal() {
        let tickets = [outage("T1", circuit: "C1", start: "2026-03-02T09:00", minutes: 5),
                       outage("T2", circuit: "nowhere", start: "2026-03-02T09:00", minutes: 5),
                       outage("T3", circuit: "C2", start: "2026-03-02T09:00", minutes: 5)]
        let result = evaluate([circuit("C1", tier: "SLA-ZZ"), circuit("C2")], tickets)
        #expect(result.skipped.map(\.index) == [0, 1])
        #expect(result.skipped.map(\.reason) == ["unknown tier `SLA-ZZ`", "unknown circuit `nowhere`"])
        #expect(result.tickets.map(\.ticketID) == ["T3"])
        #expect(result.totals.tickets == 1)
        #expect(result.totals.skippedTickets == 2)
    }
}
