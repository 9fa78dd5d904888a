import ServiceRules
import TicketLog

/// What the rule engine concluded about a ticket log, in the shape a corpus's `expected.json`
/// keeps it: every ticket's verdict per check, every judged circuit-period's availability,
/// repeats and credit, the figures per tier and in total, and every rejected row. Two
/// judgements of the same log compare entry by entry (``changes(since:)``).
public struct Judgement: Hashable, Sendable, Decodable {
    /// Verdicts by ticket id (ids are unique in an accepted log).
    public var tickets: [String: TicketVerdicts]
    /// Circuit-periods with an outage or a repeat violation, by `circuit period` (`C-1 2026-03`).
    public var circuitPeriods: [String: CircuitPeriodFigures]
    /// Figures by tier key, every tier of the catalogue.
    public var byTier: [String: TierCounts]
    /// Figures over every tier.
    public var totals: TierCounts
    /// Rejected rows by `file:line` (file name without folder), with the reason.
    public var rejected: [String: String]

    /// The judgement `evaluate` reached on a log.
    public init(_ outcome: EvaluationOutcome) {
        let evaluation = outcome.evaluation
        tickets = Dictionary(evaluation.tickets.map { ($0.ticketID, TicketVerdicts($0)) }, uniquingKeysWith: { a, _ in a })
        circuitPeriods = Dictionary(evaluation.circuitPeriods.map { (Self.key($0), CircuitPeriodFigures($0)) },
                                    uniquingKeysWith: { a, _ in a })
        byTier = Dictionary(evaluation.byTier.map { ($0.tier, TierCounts($0)) }, uniquingKeysWith: { a, _ in a })
        totals = TierCounts(evaluation.totals)
        rejected = Dictionary(outcome.rejected.map { (Self.key($0), $0.reason) }, uniquingKeysWith: { a, _ in a })
    }

    /// `circuit period`, the key of a circuit-period.
    static func key(_ record: CircuitPeriodEvaluation) -> String { "\(record.circuit) \(record.period)" }

    /// `file:line` with the file's name only, so a corpus reads the same from any folder.
    static func key(_ row: RejectedRow) -> String {
        "\(row.file.split(separator: "/").last.map(String.init) ?? row.file):\(row.line)"
    }
}

/// One ticket's verdicts: the tier it was judged under, each check, and whether it repeats an
/// earlier fault.
public struct TicketVerdicts: Hashable, Sendable, Codable {
    /// The tier the ticket was judged and counted under.
    public var tier: String
    /// Each check's verdict (docs/rules-semantics.md "The checks").
    public var dispatch: CheckOutcome
    public var accept: CheckOutcome
    public var restoration: CheckOutcome
    public var confirmation: CheckOutcome
    public var faultReport: CheckOutcome
    /// ICT feedback; absent from `expected.json` (and read as not applicable) when it does not apply.
    public var feedback: CheckOutcome = .notApplicable
    /// Whether it repeats an earlier fault on its circuit.
    public var `repeat`: Bool

    /// The verdicts of an evaluated ticket.
    public init(_ ticket: TicketEvaluation) {
        tier = ticket.tier
        (dispatch, accept, restoration) = (ticket.dispatch, ticket.accept, ticket.restoration)
        (confirmation, faultReport, feedback) = (ticket.confirmation, ticket.faultReport, ticket.feedback)
        `repeat` = ticket.isRepeat
    }

    private enum CodingKeys: String, CodingKey {
        case tier, dispatch, accept, restoration, confirmation, faultReport, feedback, `repeat`
    }

    /// Reads the verdicts; a missing `feedback` is not applicable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tier = try container.decode(String.self, forKey: .tier)
        dispatch = try container.decode(CheckOutcome.self, forKey: .dispatch)
        accept = try container.decode(CheckOutcome.self, forKey: .accept)
        restoration = try container.decode(CheckOutcome.self, forKey: .restoration)
        confirmation = try container.decode(CheckOutcome.self, forKey: .confirmation)
        faultReport = try container.decode(CheckOutcome.self, forKey: .faultReport)
        feedback = try container.decodeIfPresent(CheckOutcome.self, forKey: .feedback) ?? .notApplicable
        `repeat` = try container.decode(Bool.self, forKey: .`repeat`)
    }
}

/// A circuit-period's availability, repeat violations and credit.
public struct CircuitPeriodFigures: Hashable, Sendable, Codable {
    /// Merged outage in the period, minutes.
    public var outageMinutes: Double
    /// 1 − outage / minutes the circuit existed in the period, and whether it met the target.
    public var availability: Double
    public var availabilityMet: Bool
    /// Repeat violations counted in the period.
    public var repeatViolations: Int
    /// Credit owed, and expected to be paid.
    public var credit: Double
    public var expectedCredit: Double

    /// The figures of a judged circuit-period.
    public init(_ record: CircuitPeriodEvaluation) {
        (outageMinutes, availability, availabilityMet) = (record.outageMinutes, record.availability, record.availabilityMet)
        (repeatViolations, credit, expectedCredit) = (record.repeatViolations, record.credit, record.expectedCredit)
    }
}

/// A tier's (or the totals') figures as whole counts, so a change of one ticket shows: each
/// check's met and applicable tickets, not a rounded share.
public struct TierCounts: Hashable, Sendable, Codable {
    /// Tickets judged, with an outage, excluded, open, and restorations not judged yet.
    public var tickets: Int, outageTickets: Int, excludedTickets: Int, openTickets: Int, pendingRestorations: Int
    /// Each check's met tickets and tickets where it applied.
    public var dispatchMet: Int, dispatchApplicable: Int, acceptMet: Int, acceptApplicable: Int
    public var restorationMet: Int, restorationApplicable: Int, confirmationMet: Int, confirmationApplicable: Int
    public var faultReportMet: Int, faultReportApplicable: Int
    /// ICT feedback; absent from `expected.json` (and read as 0) when it never applied.
    public var feedbackMet = 0, feedbackApplicable = 0
    /// Circuit-periods judged and meeting the availability target; repeat violations.
    public var circuitPeriods: Int, availabilityMet: Int, repeatViolations: Int
    /// Credits owed and expected to be paid.
    public var credits: Double, expectedCredits: Double

    /// The counts of a tier summary or of the totals.
    public init(_ figures: some JudgedFigures) {
        (tickets, outageTickets, excludedTickets) = (figures.tickets, figures.outageTickets, figures.excludedTickets)
        (openTickets, pendingRestorations) = (figures.openTickets, figures.pendingRestorations)
        (dispatchMet, dispatchApplicable) = (figures.dispatch.met, figures.dispatch.applicable)
        (acceptMet, acceptApplicable) = (figures.accept.met, figures.accept.applicable)
        (restorationMet, restorationApplicable) = (figures.restoration.met, figures.restoration.applicable)
        (confirmationMet, confirmationApplicable) = (figures.confirmation.met, figures.confirmation.applicable)
        (faultReportMet, faultReportApplicable) = (figures.faultReport.met, figures.faultReport.applicable)
        (feedbackMet, feedbackApplicable) = (figures.feedback.met, figures.feedback.applicable)
        (circuitPeriods, availabilityMet, repeatViolations) = (figures.circuitPeriods, figures.availabilityMet, figures.repeatViolations)
        (credits, expectedCredits) = (figures.credits, figures.expectedCredits)
    }
}

extension TierCounts {
    private enum CodingKeys: String, CodingKey {
        case tickets, outageTickets, excludedTickets, openTickets, pendingRestorations
        case dispatchMet, dispatchApplicable, acceptMet, acceptApplicable, restorationMet, restorationApplicable
        case confirmationMet, confirmationApplicable, faultReportMet, faultReportApplicable, feedbackMet, feedbackApplicable
        case circuitPeriods, availabilityMet, repeatViolations, credits, expectedCredits
    }

    /// Reads the counts; missing feedback counts are 0.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let count = { (key: CodingKeys) throws -> Int in try c.decode(Int.self, forKey: key) }
        (tickets, outageTickets, excludedTickets) = (try count(.tickets), try count(.outageTickets), try count(.excludedTickets))
        (openTickets, pendingRestorations) = (try count(.openTickets), try count(.pendingRestorations))
        (dispatchMet, dispatchApplicable) = (try count(.dispatchMet), try count(.dispatchApplicable))
        (acceptMet, acceptApplicable) = (try count(.acceptMet), try count(.acceptApplicable))
        (restorationMet, restorationApplicable) = (try count(.restorationMet), try count(.restorationApplicable))
        (confirmationMet, confirmationApplicable) = (try count(.confirmationMet), try count(.confirmationApplicable))
        (faultReportMet, faultReportApplicable) = (try count(.faultReportMet), try count(.faultReportApplicable))
        feedbackMet = try c.decodeIfPresent(Int.self, forKey: .feedbackMet) ?? 0
        feedbackApplicable = try c.decodeIfPresent(Int.self, forKey: .feedbackApplicable) ?? 0
        (circuitPeriods, availabilityMet, repeatViolations) = (try count(.circuitPeriods), try count(.availabilityMet),
                                                               try count(.repeatViolations))
        credits = try c.decode(Double.self, forKey: .credits)
        expectedCredits = try c.decode(Double.self, forKey: .expectedCredits)
    }
}
