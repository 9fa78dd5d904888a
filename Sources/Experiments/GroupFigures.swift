import ServiceRules
import SimCore

/// One group's figures (a tier, a product, ...) in one replication, over its observed window.
public struct GroupFigures: Sendable, Codable {
    /// The group's key (tier key, product key, grade or region).
    public var key: String
    /// Evaluated tickets.
    public var tickets = 0
    /// Outage tickets.
    public var outageTickets = 0
    /// Tickets still open at the horizon (in `tickets`, judged as of the horizon).
    public var openTickets = 0
    /// Open outage tickets not yet restored and still within their limit: restoration not judged yet.
    public var pendingRestorations = 0
    /// Met and applicable counts per checkpoint.
    public var dispatch = CheckCount(), accept = CheckCount(), restoration = CheckCount(), confirmation = CheckCount()
    /// Met and applicable counts of the fault-report check (tiers that promise a report).
    public var faultReport = CheckCount()
    /// Circuit-periods judged, quiet ones included.
    public var circuitPeriods = 0
    /// Circuit-periods meeting their availability target.
    public var availabilityMet = 0
    /// Repeat-fault violations.
    public var repeatViolations = 0
    /// Credit liability over the window.
    public var credits = 0.0
    /// Credit expected to be paid (negotiable tiers × payProbability).
    public var expectedCredits = 0.0
    /// Expected credit × the tier's claim rate: what customers are expected to claim.
    public var claimedCredits = 0.0
    /// `repaired_at − reported_at` of the restored outage tickets, in calendar seconds (one not
    /// restored by the horizon has no restoration time yet; it is counted in `openTickets`).
    /// Starts empty (one bucket) and grows to the largest value recorded: a run builds one
    /// `GroupFigures` per group and replication, so a preallocated range (115 KB at 2²² s)
    /// would cost that much per replication even when empty.
    public var restorationSeconds = Histogram(highestTrackableValue: 0)

    /// Empty figures of a group.
    public init(key: String) { self.key = key }

    /// Counts a judged ticket and its calendar restoration time.
    mutating func count(_ ticket: TicketEvaluation, record: TicketRecord) {
        tickets += 1
        if ticket.open { openTickets += 1 }
        guard !ticket.excluded else { return }
        if ticket.restorationPending { pendingRestorations += 1 }
        dispatch.add(ticket.dispatch)
        accept.add(ticket.accept)
        restoration.add(ticket.restoration)
        confirmation.add(ticket.confirmation)
        faultReport.add(ticket.faultReport)
        guard ticket.outage else { return }
        outageTickets += 1
        guard record.openAsOf == nil else { return }
        restorationSeconds.record(max(0, record.repairedAt.seconds - record.reportedAt.seconds))
    }

    /// Adds a circuit-period with outage or repeats (quiet ones are counted separately).
    mutating func count(_ period: CircuitPeriodEvaluation, claimRate: Double) {
        if !period.availabilityMet { availabilityMet -= 1 }
        repeatViolations += period.repeatViolations
        credits += period.credit
        expectedCredits += period.expectedCredit
        claimedCredits += period.expectedCredit * claimRate
    }
}

/// Met and applicable counts of one checkpoint.
public struct CheckCount: Sendable, Hashable, Codable {
    /// Tickets where the check was met.
    public var met = 0
    /// Tickets where it applied.
    public var applicable = 0
    /// met / applicable; nil when the check never applied.
    public var fraction: Double? { applicable == 0 ? nil : Double(met) / Double(applicable) }

    /// No tickets.
    public init() {}

    mutating func add(_ outcome: CheckOutcome) {
        guard outcome != .notApplicable else { return }
        applicable += 1
        if outcome == .met { met += 1 }
    }
}
