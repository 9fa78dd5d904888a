/// What the rule engine found: per ticket, per circuit-period, per tier, and in total.
/// Every list is in a deterministic order (see the properties).
public struct Evaluation: Hashable, Sendable, Codable {
    /// The period kind circuit-periods were judged on.
    public var periodKind: PeriodKind
    /// Label of the first evaluated period (nil when no period was evaluated).
    public var firstPeriod: String?
    /// Label of the last evaluated period.
    public var lastPeriod: String?
    /// Evaluated tickets, in input order.
    public var tickets: [TicketEvaluation]
    /// Tickets not evaluated (unknown circuit, unknown tier or product, out of order), in input order.
    public var skipped: [SkippedTicket]
    /// Circuit-periods with at least one outage ticket or repeat violation, by circuit (input
    /// order) then period. Quiet circuit-periods are only counted in `byTier`.
    public var circuitPeriods: [CircuitPeriodEvaluation]
    /// Aggregates per tier, in catalogue order (every tier, even with no tickets), then the
    /// `untiered` row when some circuit was judged by the repair-limit matrix.
    public var byTier: [TierSummary]
    /// Grand totals.
    public var totals: EvaluationTotals
    /// How many tickets and circuit-periods each version of the rules judged, in version order
    /// (set by ``RuleVersions/evaluate(circuits:tickets:period:span:)``; empty from a `RuleEngine`).
    public var versions: [RuleVersionUse] = []
}

/// The outcome of one check on one ticket.
public enum CheckOutcome: String, Hashable, Sendable, Codable {
    /// Within the limit (exactly at the limit counts as met) / over it / cannot be judged.
    case met, missed, notApplicable
}

/// Where a ticket's restoration limit came from (docs/rules-semantics.md "Restoration limit:
/// which one applies").
public enum LimitSource: String, Hashable, Sendable, Codable {
    /// The circuit's tier.
    case tier
    /// The circuit's tier, VPN variant.
    case tierVPN
    /// The product × customer-grade repair-limit matrix.
    case repairLimitMatrix
    /// The fallback tier (`QLC`).
    case fallbackTier
}

/// One evaluated ticket.
public struct TicketEvaluation: Hashable, Sendable, Codable {
    /// Position of the ticket in the input.
    public var index: Int
    /// Ticket id.
    public var ticketID: String
    /// Circuit id.
    public var circuitID: String
    /// Position of the ticket's circuit in the evaluated circuits.
    public var circuitIndex: Int
    /// Tier the ticket is judged and aggregated under: the circuit's tier, else the fallback tier.
    public var tier: String
    /// Where the restoration limit came from.
    public var limitSource: LimitSource
    /// Whether restoration minutes and limit are calendar or working time.
    public var restorationClock: RestorationClock
    /// Dispatch within the limit (default 15 min) of creation.
    public var dispatch: CheckOutcome
    /// Accept within the limit (default 30 min) of dispatch.
    public var accept: CheckOutcome
    /// Restoration within the limit (outage tickets only).
    public var restoration: CheckOutcome
    /// Confirmation within the limit (default 15 min) of repair.
    public var confirmation: CheckOutcome
    /// Fault report within the tier's working days of repair.
    public var faultReport: CheckOutcome
    /// First feedback within the repair-limit row's working days of the report (ICT and
    /// application products).
    public var feedback: CheckOutcome
    /// `repaired_at − reported_at`, less the suspended time where the tier pauses on it, in
    /// minutes of the limit's clock.
    public var restorationMinutes: Double
    /// Suspended time subtracted from the restoration, minutes of the limit's clock (0 when none
    /// or when the tier does not pause).
    public var suspendedMinutes: Double = 0
    /// The restoration limit in minutes of the same clock.
    public var restorationLimitMinutes: Double
    /// Minutes beyond the limit (0 when met or not applicable).
    public var overrunMinutes: Double
    /// True for an outage ticket.
    public var outage: Bool
    /// True when the ticket is excluded: listed, but counts for no compliance or credit.
    public var excluded: Bool
    /// True when the ticket is a repeat fault of an earlier one on the same circuit.
    public var isRepeat: Bool
    /// True when the ticket was still open when the log ended (judged as of then).
    public var open = false
    /// True for an open outage ticket not restored and still within its limit: its
    /// restoration is not judged yet (`restoration` is not applicable).
    public var restorationPending = false
}

/// A ticket the engine did not evaluate, with the reason.
public struct SkippedTicket: Hashable, Sendable, Codable {
    /// Position of the ticket in the input.
    public var index: Int
    /// Ticket id.
    public var ticketID: String
    /// Why it was skipped (`TicketRejection.description`).
    public var reason: String
}

/// Availability, repeats and credit of one circuit in one period.
public struct CircuitPeriodEvaluation: Hashable, Sendable, Codable {
    /// Circuit id.
    public var circuit: String
    /// Position of the circuit in the evaluated circuits.
    public var circuitIndex: Int
    /// Tier the circuit is judged under.
    public var tier: String
    /// `2026-03`, `2026-Q1` or `2026`.
    public var period: String
    /// Merged outage minutes, clipped to the period and the circuit's life.
    public var outageMinutes: Double
    /// 1 − outage / minutes the circuit existed in the period, in [0, 1].
    public var availability: Double
    /// availability ≥ the tier's target.
    public var availabilityMet: Bool
    /// Repeat-fault violations whose later ticket starts in the period.
    public var repeatViolations: Int
    /// Credit owed (0 for tiers without compensation), after the cap.
    public var credit: Double
    /// Credit expected to be paid (× payProbability for negotiable tiers).
    public var expectedCredit: Double
}

/// Met count and applicable count of one check over a set of tickets.
public struct CheckTally: Hashable, Sendable, Codable {
    /// Tickets where the check was met.
    public var met: Int = 0
    /// Tickets where the check applies (met + missed).
    public var applicable: Int = 0
    /// met / applicable; nil when the check never applied.
    public var fraction: Double? { applicable == 0 ? nil : Double(met) / Double(applicable) }

    @inline(__always) mutating func add(_ outcome: CheckOutcome) {
        if outcome == .notApplicable { return }
        applicable += 1
        if outcome == .met { met += 1 }
    }

    mutating func add(_ other: CheckTally) {
        met += other.met
        applicable += other.applicable
    }
}

/// The judged figures a tier's summary and the grand totals share, so a report reads either
/// the same way.
public protocol JudgedFigures {
    /// Evaluated tickets, outage tickets, excluded ones, open ones and restorations not judged yet.
    var tickets: Int { get }
    var outageTickets: Int { get }
    var excludedTickets: Int { get }
    var openTickets: Int { get }
    var pendingRestorations: Int { get }
    /// Each check's tally.
    var dispatch: CheckTally { get }
    var accept: CheckTally { get }
    var restoration: CheckTally { get }
    var confirmation: CheckTally { get }
    var faultReport: CheckTally { get }
    var feedback: CheckTally { get }
    /// Circuit-periods judged and meeting their availability target; repeat violations.
    var circuitPeriods: Int { get }
    var availabilityMet: Int { get }
    var repeatViolations: Int { get }
    /// Credits owed and expected to be paid.
    var credits: Double { get }
    var expectedCredits: Double { get }
}

/// Aggregates for one tier.
public struct TierSummary: Hashable, Sendable, Codable, JudgedFigures {
    /// Tier key.
    public var tier: String
    /// Evaluated tickets, excluded ones included.
    public var tickets: Int = 0
    /// Outage tickets that are not excluded.
    public var outageTickets: Int = 0
    /// Excluded tickets.
    public var excludedTickets: Int = 0
    /// Tickets still open when the log ended (judged as of then), excluded ones included.
    public var openTickets: Int = 0
    /// Open outage tickets, not excluded, not restored and still within their restoration
    /// limit: not judged yet (an open one past its limit counts as a missed restoration).
    public var pendingRestorations: Int = 0
    /// Dispatch check over tickets where it applies.
    public var dispatch = CheckTally()
    /// Accept check.
    public var accept = CheckTally()
    /// Restoration check.
    public var restoration = CheckTally()
    /// Confirmation check.
    public var confirmation = CheckTally()
    /// Fault-report check.
    public var faultReport = CheckTally()
    /// Feedback check (ICT and application products).
    public var feedback = CheckTally()
    /// Circuit-periods judged (quiet ones included).
    public var circuitPeriods: Int = 0
    /// Circuit-periods meeting the availability target.
    public var availabilityMet: Int = 0
    /// Repeat-fault violations.
    public var repeatViolations: Int = 0
    /// Credit owed.
    public var credits: Double = 0
    /// Credit expected to be paid.
    public var expectedCredits: Double = 0
}

/// Grand totals of an evaluation.
public struct EvaluationTotals: Hashable, Sendable, Codable, JudgedFigures {
    /// Tickets evaluated (sum of `byTier.tickets`).
    public var tickets: Int = 0
    /// Tickets skipped.
    public var skippedTickets: Int = 0
    /// Outage tickets (sum of `byTier.outageTickets`).
    public var outageTickets: Int = 0
    /// Tickets excluded from the restoration check (sum of `byTier.excludedTickets`).
    public var excludedTickets: Int = 0
    /// Each check over every tier's tickets.
    public var dispatch = CheckTally(), accept = CheckTally(), restoration = CheckTally()
    /// Each check over every tier's tickets (continued).
    public var confirmation = CheckTally(), faultReport = CheckTally(), feedback = CheckTally()
    /// Tickets still open when the log ended (sum of `byTier.openTickets`).
    public var openTickets: Int = 0
    /// Restorations not judged yet (sum of `byTier.pendingRestorations`).
    public var pendingRestorations: Int = 0
    /// Circuit-periods judged.
    public var circuitPeriods: Int = 0
    /// Circuit-periods meeting their availability target.
    public var availabilityMet: Int = 0
    /// Repeat-fault violations.
    public var repeatViolations: Int = 0
    /// Credit owed.
    public var credits: Double = 0
    /// Credit expected to be paid.
    public var expectedCredits: Double = 0
}
