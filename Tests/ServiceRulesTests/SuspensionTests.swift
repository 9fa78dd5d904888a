import ServiceRules
import Testing

/// Suspended intervals (customer-caused delays) stop the restoration clock where the tier pauses
/// on them (docs/rules-semantics.md "Suspended clock"). Hand-computed restorations.
@Suite struct SuspensionTests {
    /// SLA-AA sdh, limit 90 min: reported 10:00, repaired 12:00 = 120 min; 30 min suspended → 90: met.
    @Test func calendarTimeLessTheSuspensionExactlyAtTheLimit() {
        var ticket = outage("T1", start: "2026-03-02T10:00", minutes: 120)
        ticket.suspended = [at("2026-03-02T10:30")..<at("2026-03-02T11:00")]
        let judged = evaluate([circuit()], [ticket]).tickets[0]
        #expect(judged.restorationMinutes == 90 && judged.suspendedMinutes == 30)
        #expect(judged.restoration == .met && judged.overrunMinutes == 0)
    }

    /// Two touching intervals (10:30–11:00, 11:00–11:15) add up: 120 − 45 = 75 min.
    @Test func touchingIntervalsAreNotOverlapping() {
        var ticket = outage("T1", start: "2026-03-02T10:00", minutes: 120)
        ticket.suspended = [at("2026-03-02T11:00")..<at("2026-03-02T11:15"), at("2026-03-02T10:30")..<at("2026-03-02T11:00")]
        let judged = evaluate([circuit()], [ticket])
        #expect(judged.skipped.isEmpty)
        #expect(judged.tickets[0].restorationMinutes == 75)
    }

    /// ICT, 3 working days = 1,620 working minutes (Mon–Fri 08:30–17:30). Reported Friday
    /// 20 March 16:00, repaired Wednesday 25 March 17:00: 1.5 + 9 + 9 + 8.5 h = 1,680 min, missed.
    /// Suspended Friday 17:00 → Monday 09:30 spans the weekend: working time 0.5 h (Fri
    /// 17:00–17:30) + 1 h (Mon 08:30–09:30) = 90 min; 1,680 − 90 = 1,590 ≤ 1,620: met.
    @Test func workingTimeSuspensionAcrossTheWeekend() {
        let ict = circuit("I1", tier: nil, product: "it-services", grade: .localB)
        var ticket = outage("T1", circuit: "I1", start: "2026-03-20T16:00", minutes: (5 * 24 + 1) * 60)
        let unsuspended = evaluate([ict], [ticket]).tickets[0]
        #expect(unsuspended.restorationMinutes == 1680 && unsuspended.restoration == .missed)
        ticket.suspended = [at("2026-03-20T17:00")..<at("2026-03-23T09:30")]
        let judged = evaluate([ict], [ticket]).tickets[0]
        #expect(judged.suspendedMinutes == 90 && judged.restorationMinutes == 1590)
        #expect(judged.restoration == .met)
    }

    /// The overrun credit follows the suspended restoration: 150 − 30 = 120 min, 30 over the
    /// 90 → 1 started hour × 1/30 of 3,000 = 100 (without the suspension 60 over, still 1 hour).
    @Test func availabilityStillCountsTheWholeOutage() {
        var ticket = outage("T1", start: "2026-03-02T10:00", minutes: 150)
        ticket.suspended = [at("2026-03-02T10:30")..<at("2026-03-02T11:00")]
        let judged = evaluate([circuit(fee: 3000)], [ticket])
        #expect(judged.tickets[0].overrunMinutes == 30)
        #expect(judged.period("C1", "2026-03")?.outageMinutes == 150)
    }

    @Test(arguments: [
        ([("2026-03-02T10:30", "2026-03-02T11:00"), ("2026-03-02T10:50", "2026-03-02T11:10")],
         "suspended intervals 2026-03-02T10:30:00/2026-03-02T11:00:00 and 2026-03-02T10:50:00/2026-03-02T11:10:00 overlap"),
        ([("2026-03-02T09:30", "2026-03-02T10:30")],
         "suspended interval 2026-03-02T09:30:00/2026-03-02T10:30:00 is outside the restoration clock "
            + "(reported_at 2026-03-02T10:00:00 to repaired_at 2026-03-02T12:00:00)"),
        ([("2026-03-02T11:30", "2026-03-02T12:01")],
         "suspended interval 2026-03-02T11:30:00/2026-03-02T12:01:00 is outside the restoration clock "
            + "(reported_at 2026-03-02T10:00:00 to repaired_at 2026-03-02T12:00:00)"),
        ([("2026-03-02T11:00", "2026-03-02T11:00")],
         "suspended interval 2026-03-02T11:00:00/2026-03-02T11:00:00 does not end after it starts"),
    ])
    func invalidIntervalsRejectTheTicketWithTheirReason(intervals: [(String, String)], reason: String) {
        var ticket = outage("T1", start: "2026-03-02T10:00", minutes: 120)
        ticket.suspended = intervals.map { at($0.0)..<at($0.1) }
        let judged = evaluate([circuit()], [ticket])
        #expect(judged.tickets.isEmpty)
        #expect(judged.skipped.map(\.reason) == [reason])
        #expect(RuleCatalogue.builtIn.validate(ticket)?.description == reason)
    }

    /// `pauseOn: none` on SLA-AA: the 30 minutes count (120 > 90, missed). Untiered circuits
    /// follow the fallback tier: `pauseOn: none` on QLC stops subtracting for ICT too.
    @Test func aTierThatDoesNotPauseCountsTheSuspension() throws {
        let catalogue = try RuleCatalogue.builtIn.applying(rulesYAML: """
            tiers:
              SLA-AA: {pauseOn: none}
              QLC: {pauseOn: []}
            """, file: "rules.yaml")
        var ticket = outage("T1", start: "2026-03-02T10:00", minutes: 120)
        ticket.suspended = [at("2026-03-02T10:30")..<at("2026-03-02T11:00")]
        let judged = evaluate([circuit()], [ticket], catalogue: catalogue).tickets[0]
        #expect(judged.restorationMinutes == 120 && judged.suspendedMinutes == 0 && judged.restoration == .missed)
        var onICT = ticket
        onICT.circuitID = "I1"
        let ict = evaluate([circuit("I1", tier: nil, product: "it-services")], [onICT], catalogue: catalogue).tickets[0]
        #expect(ict.suspendedMinutes == 0)
        #expect(RuleCatalogue.builtIn.tier("SLA-AA")?.pausesRestoration == true)
    }

    @Test func aBadPauseOnValueIsLocated() {
        do {
            _ = try RuleCatalogue.builtIn.applying(rulesYAML: "tiers:\n  SLA-AA: {pauseOn: [restoratoin]}\n", file: "rules.yaml")
            Issue.record("pauseOn: [restoratoin] was accepted")
        } catch {
            #expect(error.problems.first?.keyPath == "tiers.SLA-AA.pauseOn[0]")
            #expect(error.problems.first?.suggestion == "restoration")
        }
    }
}
