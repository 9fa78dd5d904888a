import Experiments
import ServiceRules
import TicketLog

/// The JSON document of `evaluate`: `inputs`, `periods`, `rows` (the accounting and every
/// rejected row), `byTier`, `totals` and, unless summary only, `tickets` and `circuitPeriods`.
struct EvaluateDocument: Encodable, Sendable {
    var outcome: EvaluationOutcome
    var rules: String?
    var summaryOnly: Bool

    private enum Key: String, CodingKey { case inputs, periods, rows, byTier, totals, tickets, circuitPeriods, rulesVersions }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var inputs = container.nestedContainer(keyedBy: NameKey.self, forKey: .inputs)
        try inputs.encode(outcome.inventory.path, forKey: NameKey("inventory"))
        try inputs.encode(outcome.tickets.path, forKey: NameKey("tickets"))
        try inputs.encode(rules, forKey: NameKey("rules"))
        try container.encode(RowAccounting(outcome), forKey: .rows)
        try encodeSummary(of: outcome.evaluation, into: &container)
        if outcome.evaluation.versions.count > 1 { try container.encode(outcome.evaluation.versions, forKey: .rulesVersions) }
        guard !summaryOnly else { return }
        try container.encode(outcome.evaluation.tickets.map { TicketRow(ticket: $0, line: outcome.line(of: $0)) }, forKey: .tickets)
        try container.encode(outcome.evaluation.circuitPeriods, forKey: .circuitPeriods)
    }
}

/// `rows`: read = evaluated + rejected, per file, and every rejected row.
struct RowAccounting: Encodable {
    struct File: Encodable {
        var file: String, kind: String, read: Int, evaluated: Int, rejected: Int
    }

    var read: Int, evaluated: Int, rejectedCount: Int
    var files: [File]
    var rejected: [RejectedRow]

    init(_ outcome: EvaluationOutcome) {
        read = outcome.read
        evaluated = outcome.evaluated
        rejectedCount = outcome.rejected.count
        let inventory = outcome.inventory, tickets = outcome.tickets, judged = outcome.judgedTickets
        files = [File(file: inventory.path, kind: "inventory", read: inventory.rowsRead, evaluated: inventory.accepted,
                      rejected: inventory.rowsRead - inventory.accepted),
                 File(file: tickets.path, kind: "tickets", read: tickets.rowsRead, evaluated: judged,
                      rejected: tickets.rowsRead - judged)]
        rejected = outcome.rejected
    }
}

/// One judged ticket with its input line; verdicts true (met), false (missed), null (n/a).
struct TicketRow: Encodable {
    var ticket: TicketEvaluation
    var line: Int

    private enum Key: String, CodingKey {
        case ticket, line, circuit, tier, outage, excluded, restorationMinutes, suspendedMinutes, restorationLimitMinutes, restorationClock
        case limitSource, restorationMet, dispatchMet, acceptMet, confirmationMet, faultReportMet, feedbackMet, `repeat`
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(ticket.ticketID, forKey: .ticket)
        try container.encode(line, forKey: .line)
        try container.encode(ticket.circuitID, forKey: .circuit)
        try container.encode(ticket.tier, forKey: .tier)
        try container.encode(ticket.outage, forKey: .outage)
        try container.encode(ticket.excluded, forKey: .excluded)
        try container.encode(ticket.restorationMinutes, forKey: .restorationMinutes)
        try container.encode(ticket.suspendedMinutes, forKey: .suspendedMinutes)
        try container.encode(ticket.restorationLimitMinutes, forKey: .restorationLimitMinutes)
        try container.encode(ticket.restorationClock.rawValue, forKey: .restorationClock)
        try container.encode(ticket.limitSource.rawValue, forKey: .limitSource)
        try container.encode(verdict(ticket.restoration), forKey: .restorationMet)
        try container.encode(verdict(ticket.dispatch), forKey: .dispatchMet)
        try container.encode(verdict(ticket.accept), forKey: .acceptMet)
        try container.encode(verdict(ticket.confirmation), forKey: .confirmationMet)
        try container.encode(verdict(ticket.faultReport), forKey: .faultReportMet)
        try container.encode(verdict(ticket.feedback), forKey: .feedbackMet)
        try container.encode(ticket.isRepeat, forKey: .`repeat`)
    }

    func verdict(_ outcome: CheckOutcome) -> Bool? {
        switch outcome {
        case .met: return true
        case .missed: return false
        case .notApplicable: return nil
        }
    }
}

/// A tier's figures as `evaluate` writes them: counts, each check's met share (null when it
/// never applied), availability, repeats and credits.
struct TierFigures: Encodable {
    var tickets: Int, outageTickets: Int, excludedTickets: Int, openTickets: Int, pendingRestorations: Int
    var dispatchMet: Double?, acceptMet: Double?, restorationMet: Double?, confirmationMet: Double?, faultReportMet: Double?
    var feedbackMet: Double?
    var circuitPeriods: Int, availabilityMet: Int, repeatViolations: Int
    var credits: Double, expectedCredits: Double

    private enum Key: String, CodingKey {
        case tickets, outageTickets, excludedTickets, openTickets, pendingRestorations, dispatchMet, acceptMet, restorationMet, confirmationMet, faultReportMet
        case feedbackMet
        case circuitPeriods, availabilityMet, repeatViolations, credits, expectedCredits
    }

    init(_ figures: some JudgedFigures) {
        (tickets, outageTickets, excludedTickets) = (figures.tickets, figures.outageTickets, figures.excludedTickets)
        (openTickets, pendingRestorations) = (figures.openTickets, figures.pendingRestorations)
        (dispatchMet, acceptMet) = (figures.dispatch.fraction, figures.accept.fraction)
        (restorationMet, confirmationMet) = (figures.restoration.fraction, figures.confirmation.fraction)
        (faultReportMet, feedbackMet) = (figures.faultReport.fraction, figures.feedback.fraction)
        (circuitPeriods, availabilityMet) = (figures.circuitPeriods, figures.availabilityMet)
        repeatViolations = figures.repeatViolations
        (credits, expectedCredits) = (figures.credits, figures.expectedCredits)
    }

    /// Every key written, null for a check that never applied.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(tickets, forKey: .tickets)
        try container.encode(outageTickets, forKey: .outageTickets)
        try container.encode(excludedTickets, forKey: .excludedTickets)
        try container.encode(openTickets, forKey: .openTickets)
        try container.encode(pendingRestorations, forKey: .pendingRestorations)
        try container.encode(dispatchMet, forKey: .dispatchMet)
        try container.encode(acceptMet, forKey: .acceptMet)
        try container.encode(restorationMet, forKey: .restorationMet)
        try container.encode(confirmationMet, forKey: .confirmationMet)
        try container.encode(faultReportMet, forKey: .faultReportMet)
        try container.encode(feedbackMet, forKey: .feedbackMet)
        try container.encode(circuitPeriods, forKey: .circuitPeriods)
        try container.encode(availabilityMet, forKey: .availabilityMet)
        try container.encode(repeatViolations, forKey: .repeatViolations)
        try container.encode(credits, forKey: .credits)
        try container.encode(expectedCredits, forKey: .expectedCredits)
    }
}
