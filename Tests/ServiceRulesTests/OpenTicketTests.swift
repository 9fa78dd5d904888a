import ServiceRules
import Testing

/// A ticket still open when the log ends (`openAsOf`) is judged as of that instant: unavailable
/// up to then, a missed restoration once past its limit, not judged yet within it.
@Suite struct OpenTicketTests {
    /// An SLA-AA outage reported at 2026-03-10 10:00, dispatched at 10:05, not restored by `asOf`.
    static func open(asOf: String, dispatched: Bool = true) -> TicketRecord {
        TicketRecord(ticketID: "T1", circuitID: "C1", faultStart: at("2026-03-10T10:00"), reportedAt: at("2026-03-10T10:00"),
                     dispatchedAt: dispatched ? at("2026-03-10T10:05") : nil, acceptedAt: nil,
                     openAsOf: at(asOf), outage: true)
    }

    @Test func openPastItsLimitIsAMissedRestorationAndUnavailableUpToTheEndOfTheLog() throws {
        let result = evaluate([circuit()], [Self.open(asOf: "2026-03-12T10:00")])
        let ticket = try #require(result.tickets.first)
        #expect(ticket.restorationLimitMinutes < 2 * 1440, "the SLA-AA limit is well inside the two days open")
        #expect(ticket.restoration == .missed && ticket.open && !ticket.restorationPending)
        #expect(ticket.restorationMinutes == 2 * 1440 && ticket.overrunMinutes > 0)
        let summary = result.summary("SLA-AA")
        #expect(summary.restoration.applicable == 1 && summary.restoration.met == 0)
        #expect(summary.openTickets == 1 && summary.pendingRestorations == 0)
        let march = try #require(result.period("C1", "2026-03"))
        #expect(march.outageMinutes == 2 * 1440)
        #expect(!march.availabilityMet && march.credit > 0)
    }

    @Test func openWithinItsLimitIsNotJudgedYetButCountsAsUnavailable() throws {
        let result = evaluate([circuit()], [Self.open(asOf: "2026-03-10T10:30")])
        let ticket = try #require(result.tickets.first)
        #expect(ticket.restorationLimitMinutes > 30)
        #expect(ticket.restoration == .notApplicable && ticket.restorationPending)
        #expect(ticket.confirmation == .notApplicable, "no confirmation is due before the repair")
        let summary = result.summary("SLA-AA")
        #expect(summary.restoration.applicable == 0 && summary.pendingRestorations == 1 && summary.openTickets == 1)
        #expect(result.totals.pendingRestorations == 1 && result.totals.openTickets == 1)
        #expect(try #require(result.period("C1", "2026-03")).outageMinutes == 30)
    }

    @Test func aDispatchStillMissingPastItsLimitIsMissedAndWithinItIsNotJudged() throws {
        let late = try #require(evaluate([circuit()], [Self.open(asOf: "2026-03-10T10:30", dispatched: false)]).tickets.first)
        #expect(late.dispatch == .missed, "30 minutes without a dispatch is past the 15-minute limit")
        let early = try #require(evaluate([circuit()], [Self.open(asOf: "2026-03-10T10:10", dispatched: false)]).tickets.first)
        #expect(early.dispatch == .notApplicable && early.accept == .notApplicable)
    }

    @Test func theSameTicketClosedAtTheSameInstantIsJudgedAsClosed() throws {
        var closed = Self.open(asOf: "2026-03-10T10:30")
        closed.openAsOf = nil
        let ticket = try #require(evaluate([circuit()], [closed]).tickets.first)
        #expect(ticket.restoration == .met && !ticket.open && !ticket.restorationPending)
    }
}
