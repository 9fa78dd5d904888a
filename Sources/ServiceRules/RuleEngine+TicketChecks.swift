/// Per-ticket checks (docs/rules-semantics.md "The checks"): dispatch, accept, restoration,
/// confirmation, fault report, feedback. Exactly at the limit is met.
///
/// A ticket not restored when the log ends (`openAsOf`) is judged as of that instant: its
/// restoration is missed once `openAsOf − reported_at` exceeds the limit, and otherwise not
/// judged yet (``TicketEvaluation/restorationPending``, counted apart); the same for a dispatch
/// still missing. Accept is not judged while missing (a remote fix is never accepted by a
/// crew), nor are confirmation and the fault report (both follow the repair).
extension RuleEngine {
    /// Judges one valid ticket of a resolved circuit; also returns the restoration overrun in
    /// seconds of the limit's clock (0 when met, not applicable or excluded).
    /// - Parameter namesIDs: false when the evaluation is only counted: its ticket and circuit
    ///   ids are left empty (copying them touches strings another thread made, a cache miss each).
    func check(_ ticket: TicketRecord, index: Int, circuit: Int, plan: CircuitPlan, namesIDs: Bool = true) -> (TicketEvaluation, overrun: Int64) {
        let limits = catalogue.checkpointLimits
        let excluded = ticket.excluded != nil
        let restored = restoration(ticket, plan: plan)
        var result = TicketEvaluation(
            index: index, ticketID: namesIDs ? ticket.ticketID : "", circuitID: namesIDs ? ticket.circuitID : "", circuitIndex: circuit,
            tier: tierKeys[plan.tier], limitSource: plan.limitSource,
            restorationClock: plan.limitIsWorking ? .working : .calendar,
            dispatch: within(ticket.reportedAt, ticket.dispatchedAt, limits.dispatchSeconds, asOf: ticket.openAsOf),
            accept: within(ticket.dispatchedAt, ticket.acceptedAt, limits.acceptSeconds),
            restoration: ticket.outage ? restored.outcome : .notApplicable,
            confirmation: ticket.openAsOf == nil
                ? within(ticket.repairedAt, ticket.confirmedAt, limits.confirmationSeconds) : .notApplicable,
            faultReport: faultReport(ticket, plan: plan),
            feedback: feedback(ticket, plan: plan),
            restorationMinutes: Double(restored.seconds) / 60,
            suspendedMinutes: Double(restored.suspended) / 60,
            restorationLimitMinutes: Double(plan.limitSeconds) / 60,
            overrunMinutes: ticket.outage ? Double(restored.overrun) / 60 : 0,
            outage: ticket.outage, excluded: excluded, isRepeat: false,
            open: ticket.openAsOf != nil, restorationPending: ticket.outage && restored.outcome == .notApplicable
        )
        if excluded { result.clearOutcomes() }
        return (result, excluded || !ticket.outage ? 0 : restored.overrun)
    }

    /// `to − from ≤ limit` in calendar time; not applicable when either instant is missing,
    /// except that a missing `to` of a ticket open `asOf` an instant past `from + limit` is missed.
    @inline(__always)
    func within(_ from: WallTime?, _ to: WallTime?, _ limit: Int64, asOf: WallTime? = nil) -> CheckOutcome {
        guard let from else { return .notApplicable }
        guard let to else {
            guard let asOf else { return .notApplicable }
            return asOf.seconds - from.seconds > limit ? .missed : .notApplicable
        }
        return to.seconds - from.seconds <= limit ? .met : .missed
    }

    /// Restoration duration on the limit's clock, less the suspended time on that clock where
    /// the tier pauses on it; its overrun (0 when met); the suspended time subtracted.
    func restoration(_ ticket: TicketRecord, plan: CircuitPlan)
        -> (seconds: Int64, overrun: Int64, outcome: CheckOutcome, suspended: Int64) {
        let suspended = plan.pausesRestoration && !ticket.suspended.isEmpty
            ? ticket.suspended.reduce(0) { $0 + elapsed($1.lowerBound, $1.upperBound, plan: plan) } : 0
        let seconds = elapsed(ticket.reportedAt, ticket.repairedAt, plan: plan) - suspended
        let overrun = max(0, seconds - plan.limitSeconds)
        if overrun == 0 && ticket.openAsOf != nil { return (seconds, 0, .notApplicable, suspended) }
        return (seconds, overrun, overrun == 0 ? .met : .missed, suspended)
    }

    /// Seconds from `from` to `to` on the restoration limit's clock (calendar or working time).
    @inline(__always)
    func elapsed(_ from: WallTime, _ to: WallTime, plan: CircuitPlan) -> Int64 {
        plan.limitIsWorking ? calendars[plan.calendar].workingSeconds(from: from, to: to) : to.seconds - from.seconds
    }

    /// `report_sent_at ≤ repaired_at + N working days` for tiers that promise a report.
    func faultReport(_ ticket: TicketRecord, plan: CircuitPlan) -> CheckOutcome {
        let rules = tierRules[plan.tier]
        guard rules.faultReportDays > 0, let sent = ticket.reportSentAt else { return .notApplicable }
        // A calendar without enough working time never reaches the deadline (validation refuses it).
        guard let due = calendars[rules.calendarIndex].adding(workingDays: rules.faultReportDays, to: ticket.repairedAt)
        else { return .met }
        return sent <= due ? .met : .missed
    }
}

extension RuleEngine {
    /// `feedback_at ≤ reported_at + N working days` where the circuit's repair-limit row promises
    /// feedback (ICT and application products); not applicable when the instant is absent.
    func feedback(_ ticket: TicketRecord, plan: CircuitPlan) -> CheckOutcome {
        guard plan.feedbackDays > 0, let given = ticket.feedbackAt else { return .notApplicable }
        guard let due = calendars[plan.calendar].adding(workingDays: Int(plan.feedbackDays), to: ticket.reportedAt)
        else { return .met }
        return given <= due ? .met : .missed
    }
}

extension TicketEvaluation {
    /// An excluded ticket is listed but counts for no compliance.
    mutating func clearOutcomes() {
        dispatch = .notApplicable
        accept = .notApplicable
        restoration = .notApplicable
        confirmation = .notApplicable
        faultReport = .notApplicable
        feedback = .notApplicable
        overrunMinutes = 0
        restorationPending = false
    }
}

extension TierSummary {
    /// Adds one evaluated ticket to the tier's tallies.
    mutating func count(_ ticket: TicketEvaluation) {
        tickets += 1
        if ticket.open { openTickets += 1 }
        if ticket.excluded { excludedTickets += 1; return }
        if ticket.outage { outageTickets += 1 }
        if ticket.restorationPending { pendingRestorations += 1 }
        dispatch.add(ticket.dispatch)
        accept.add(ticket.accept)
        restoration.add(ticket.restoration)
        confirmation.add(ticket.confirmation)
        faultReport.add(ticket.faultReport)
        feedback.add(ticket.feedback)
    }
}
