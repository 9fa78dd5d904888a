/// The evaluation entry point.
extension RuleEngine {
    /// Judges tickets against circuits.
    ///
    /// - Tickets whose circuit is unknown, whose circuit's tier or product is unknown, or whose
    ///   checkpoints go backwards are not evaluated; they are listed in `Evaluation.skipped`.
    /// - The evaluated range of periods: the periods overlapping `span` when given, else the
    ///   periods from the one holding the earliest `fault_start` to the one holding the latest
    ///   instant of outage (`repaired_at` exclusive) of the evaluated tickets. Every circuit is
    ///   judged in every period of that range in which it exists.
    /// - Complexity: O(tickets + circuits × periods), plus sorting each circuit's outage tickets.
    public func evaluate(
        circuits: [Circuit], tickets: [TicketRecord], period: PeriodKind = .month,
        span: Range<WallTime>? = nil
    ) -> Evaluation {
        var run = EvaluationRun(engine: self, circuits: circuits, period: period)
        run.judgeTickets(tickets)
        run.fixRange(span: span)
        run.groupTicketsByCircuit()
        run.judgeCircuitPeriods(circuits)
        return run.evaluation()
    }
}

/// Mutable state of one evaluation; flat arrays indexed by circuit or evaluated-ticket index.
struct EvaluationRun {
    let engine: RuleEngine
    let periodKind: PeriodKind
    let plans: [CircuitPlan]
    let circuitIndex: [String: Int32]
    var evaluations: [TicketEvaluation] = []
    var skipped: [SkippedTicket] = []
    var summaries: [TierSummary]
    /// Per evaluated ticket: circuit index, outage interval, whether it counts for availability
    /// and repeats (outage, not excluded), and its per-ticket credit share.
    var circuitOf: [Int32] = []
    var starts: [Int64] = []
    var ends: [Int64] = []
    var counts: [Bool] = []
    var shares: [Double] = []
    var earliest = Int64.max
    var latest = Int64.min
    var range: PeriodRange?
    /// Evaluated tickets grouped by circuit: `order[groupStart[c] ..< groupStart[c + 1]]`.
    var order: [Int32] = []
    var groupStart: [Int32] = []
    var circuitPeriods: [CircuitPeriodEvaluation] = []

    init(engine: RuleEngine, circuits: [Circuit], period: PeriodKind) {
        self.engine = engine
        periodKind = period
        plans = circuits.map(engine.plan(for:))
        var index: [String: Int32] = [:]
        index.reserveCapacity(circuits.count)
        for (position, circuit) in circuits.enumerated() where index[circuit.id] == nil {
            index[circuit.id] = Int32(position)
        }
        circuitIndex = index
        summaries = engine.tierRules.map { TierSummary(tier: $0.key) }
    }

    mutating func judgeTickets(_ tickets: [TicketRecord]) {
        reserve(tickets.count)
        for (index, ticket) in tickets.enumerated() {
            judge(ticket, index: index)
        }
    }

    mutating func reserve(_ count: Int) {
        evaluations.reserveCapacity(count)
        circuitOf.reserveCapacity(count)
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        counts.reserveCapacity(count)
        shares.reserveCapacity(count)
    }

    mutating func judge(_ ticket: TicketRecord, index: Int) {
        guard let circuit = circuitIndex[ticket.circuitID] else {
            return skip(ticket, index: index, .unknownCircuit(ticket.circuitID))
        }
        let plan = plans[Int(circuit)]
        if let rejection = plan.rejection { return skip(ticket, index: index, rejection) }
        if !ticket.isInOrderFast, let violation = ticket.orderViolation {
            return skip(ticket, index: index, violation)
        }
        let (result, overrun) = engine.check(ticket, index: index, plan: plan)
        summaries[plan.tierIndex].count(result)
        record(ticket, result: result, overrun: overrun, circuit: circuit, plan: plan)
        evaluations.append(result)
    }

    mutating func record(
        _ ticket: TicketRecord, result: TicketEvaluation, overrun: Int64, circuit: Int32, plan: CircuitPlan
    ) {
        let counting = ticket.outage && !result.excluded
        let start = ticket.faultStart.seconds, end = ticket.repairedAt.seconds
        circuitOf.append(circuit)
        starts.append(start)
        ends.append(end)
        counts.append(counting)
        earliest = min(earliest, start)
        latest = max(latest, end > start ? end - 1 : start)
        guard counting else { return shares.append(0) }
        let credits = engine.tierRules[plan.tierIndex].credits
        shares.append(credits.ticketShare(outageSeconds: end - start, overrunSeconds: overrun))
    }

    mutating func skip(_ ticket: TicketRecord, index: Int, _ reason: TicketRejection) {
        skipped.append(SkippedTicket(index: index, ticketID: ticket.ticketID, reason: reason.description))
    }

    mutating func fixRange(span: Range<WallTime>?) {
        if let span, span.lowerBound < span.upperBound {
            range = PeriodRange(kind: periodKind, from: span.lowerBound.seconds, through: span.upperBound.seconds - 1)
        } else if span == nil, earliest <= latest {
            range = PeriodRange(kind: periodKind, from: earliest, through: latest)
        }
    }

    /// Counting sort of evaluated tickets by circuit index (stable: input order within a circuit).
    mutating func groupTicketsByCircuit() {
        var start = [Int32](repeating: 0, count: plans.count + 1)
        for circuit in circuitOf { start[Int(circuit) + 1] += 1 }
        for index in 0..<plans.count { start[index + 1] += start[index] }
        groupStart = start
        order = [Int32](repeating: 0, count: circuitOf.count)
        for (ticket, circuit) in circuitOf.enumerated() {
            order[Int(start[Int(circuit)])] = Int32(ticket)
            start[Int(circuit)] += 1
        }
    }

    func evaluation() -> Evaluation {
        var totals = EvaluationTotals()
        totals.skippedTickets = skipped.count
        for summary in summaries {
            totals.tickets += summary.tickets
            totals.circuitPeriods += summary.circuitPeriods
            totals.availabilityMet += summary.availabilityMet
            totals.repeatViolations += summary.repeatViolations
            totals.credits += summary.credits
            totals.expectedCredits += summary.expectedCredits
        }
        return Evaluation(
            periodKind: periodKind, firstPeriod: range?.first.label, lastPeriod: range?.last.label,
            tickets: evaluations, skipped: skipped, circuitPeriods: circuitPeriods,
            byTier: summaries, totals: totals
        )
    }
}

/// A contiguous range of periods with their boundaries precomputed.
struct PeriodRange {
    let first: Period
    let last: Period
    /// `bounds[i]` = start of period i (seconds); `bounds[count]` = end of the last.
    let bounds: [Int64]
    var count: Int { bounds.count - 1 }

    init(kind: PeriodKind, from: Int64, through: Int64) {
        first = Period(containing: WallTime(seconds: from), kind: kind)
        last = Period(containing: WallTime(seconds: through), kind: kind)
        var bounds = [first.start.seconds]
        var period = first
        while period <= last {
            period = period.next
            bounds.append(period.start.seconds)
        }
        self.bounds = bounds
    }

    /// Index of the period holding an instant, or nil outside the range.
    @inline(__always)
    func offset(of seconds: Int64) -> Int? {
        guard seconds >= bounds[0], seconds < bounds[count] else { return nil }
        return first.distance(to: Period(containing: WallTime(seconds: seconds), kind: first.kind))
    }

    /// The label of the period at an offset.
    func label(_ offset: Int) -> String {
        Period(kind: first.kind, monthIndex: first.firstMonth + offset * first.kind.months).label
    }
}
