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
        evaluate(circuits: circuits, tickets: tickets, circuitPositions: nil, period: period, span: span)
    }

    /// Judges tickets whose circuits the caller already knows by position, as the simulator
    /// does: `circuitPositions[i]` is the index in `circuits` of the circuit of `tickets[i]`.
    /// The records' ticket and circuit ids are then only copied into the evaluation, so they
    /// may be left empty (the simulator names its tickets only when it writes a file); tickets
    /// of one circuit with the same fault start are taken in input order when their ids are
    /// equal. With ids given, unique circuit ids and right positions, the result is exactly that
    /// of ``evaluate(circuits:tickets:period:span:)``; only the look-up of each ticket's circuit
    /// id is saved, which matters for hundreds of thousands of circuits.
    /// - Parameter rulings: `circuits` resolved by this engine's catalogue, prepared once by a
    ///   caller that judges the same circuits many times; nil (or rulings that do not fit) to
    ///   resolve them here.
    public func evaluate(
        circuits: [Circuit], tickets: [TicketRecord], circuitPositions: [Int32], period: PeriodKind = .month,
        span: Range<WallTime>? = nil, rulings: CircuitRulings? = nil
    ) -> Evaluation {
        precondition(circuitPositions.count == tickets.count, "evaluate: one circuit position per ticket")
        let fitting = rulings.flatMap { $0.fits(circuits, catalogue: catalogue) ? $0 : nil }
        return evaluate(circuits: circuits, tickets: tickets, circuitPositions: Optional(circuitPositions),
                        period: period, span: span, rulings: fitting)
    }

    /// The evaluation behind both entry points. `bulkQuiet: false` judges circuits without
    /// tickets one by one like the others (the reference the bulk count is tested against);
    /// `threads` resolves and judges the circuits on that many threads (nil: one per core; one
    /// by default, as a simulation judges its replications on every core already).
    func evaluate(
        circuits: [Circuit], tickets: [TicketRecord], circuitPositions: [Int32]?, period: PeriodKind,
        span: Range<WallTime>?, bulkQuiet: Bool = true, rulings: CircuitRulings? = nil, threads: Int? = 1
    ) -> Evaluation {
        var run = EvaluationRun(engine: self, circuits: circuits, period: period,
                                needsDirectory: circuitPositions == nil, rulings: rulings, threads: threads)
        run.judgeTickets(tickets, knownPositions: circuitPositions)
        run.fixRange(span: span)
        var periods: [CircuitPeriodEvaluation] = []
        periods.reserveCapacity(min(run.countingTickets, circuits.count * (run.range?.count ?? 0)))
        run.judgeCircuitPeriods(circuits, bulkQuiet: bulkQuiet) { periods.append($0) }
        run.circuitPeriods = periods
        return run.evaluation()
    }
}

/// An outage, non-excluded ticket as the circuit-period pass needs it (plain numbers).
struct CountingTicket {
    var start: Int64
    var end: Int64
    /// Per-ticket credit share (duration bands, restoration overrun).
    var share: Double
    /// Index into `EvaluationRun.evaluations`; when the run keeps no evaluations (a stream),
    /// the ticket's input index, which orders a circuit's tickets with equal starts.
    var evaluation: Int32
    var circuit: Int32
}

/// Mutable state of one evaluation; flat arrays indexed by circuit or ticket position.
struct EvaluationRun {
    let engine: RuleEngine
    let periodKind: PeriodKind
    /// Circuit id → position; nil when the caller gave every ticket's circuit position.
    let directory: CircuitDirectory?
    let plans: [CircuitPlan]
    /// Circuits' first instant of service and end of service (seconds), by inventory position.
    let lifeStarts: [Int64]
    let lifeEnds: [Int64]
    /// Rejections of circuits whose tier or product is unknown, by inventory position.
    let rejections: [Int: TicketRejection]
    var evaluations: [TicketEvaluation] = []
    var skipped: [SkippedTicket] = []
    var summaries: [TierSummary]
    /// Outage, non-excluded tickets by block of circuits (``circuitBlock``: the tickets of
    /// circuit c are in `counting[c / circuitBlock]`), each block's in evaluation order, so that
    /// the circuit-period pass finds each block's tickets together without sorting them all.
    var counting: [[CountingTicket]]
    var earliest = Int64.max
    var latest = Int64.min
    var range: PeriodRange?
    /// Threads resolving the circuits and judging their periods; nil for one per core. The
    /// figures never depend on it.
    let threads: Int?
    var circuitPeriods: [CircuitPeriodEvaluation] = []
    /// False when judging a stream (``TicketStreamJudgement``): no per-ticket evaluation is
    /// kept, each goes to the caller as it is judged.
    var keepsEvaluations = true
    /// In a stream that orders a circuit's tickets with equal starts by ticket id, as the batch
    /// call does: the ids of the counting tickets, by ``CountingTicket/evaluation``; nil to
    /// take them in input order.
    var countingIDs: [String]?

    init(engine: RuleEngine, circuits: [Circuit], period: PeriodKind, needsDirectory: Bool = true,
         rulings: CircuitRulings? = nil, threads: Int? = 1) {
        self.engine = engine
        periodKind = period
        self.threads = threads
        let rulings = rulings ?? CircuitRulings(engine: engine, circuits: circuits, threads: threads)
        plans = rulings.plans
        rejections = rulings.rejections
        lifeStarts = rulings.lifeStarts
        lifeEnds = rulings.lifeEnds
        directory = needsDirectory ? CircuitDirectory(circuits) : nil
        summaries = engine.tierKeys.map { TierSummary(tier: $0) }
        counting = Array(repeating: [], count: Self.blocks(of: plans.count).count)
    }

    /// Reserves room for about `tickets` counting tickets, spread over the blocks of circuits
    /// (with a sixteenth to spare, as tickets fall unevenly).
    mutating func reserveCounting(_ tickets: Int) {
        let perBlock = (tickets + tickets / 16) / max(1, counting.count)
        for block in counting.indices { counting[block].reserveCapacity(perBlock) }
    }

    /// The counting tickets kept.
    var countingTickets: Int { counting.reduce(0) { $0 + $1.count } }

    /// Every circuit's plan and the rejections (``CircuitRulings/plans(of:engine:)``).
    static func plans(of circuits: [Circuit], engine: RuleEngine)
        -> (plans: [CircuitPlan], rejections: [Int: TicketRejection]) {
        CircuitRulings.plans(of: circuits, engine: engine)
    }

    /// Tickets whose circuits' plans are gathered in one loop before they are judged: enough
    /// for the processor to overlap the look-ups' cache misses, few enough that the gathered
    /// plans take no memory to speak of (a whole log's would, at millions of tickets).
    static let planBlock = 4096

    mutating func judgeTickets(_ tickets: [TicketRecord], knownPositions: [Int32]? = nil) {
        evaluations.reserveCapacity(tickets.count)
        reserveCounting(tickets.count)
        let positions = knownPositions ?? locate(tickets)
        for blockStart in stride(from: 0, to: tickets.count, by: Self.planBlock) {
            let block = blockStart..<min(blockStart + Self.planBlock, tickets.count)
            let ticketPlans = plans(at: positions[block])
            for index in block {
                judge(tickets[index], index: index, circuit: Int(positions[index]), plan: ticketPlans[index - blockStart])
            }
        }
    }

    /// Every ticket's circuit position (−1 when unknown), found in one tight loop so that the
    /// processor overlaps the lookups' cache misses.
    func locate(_ tickets: [TicketRecord]) -> [Int32] {
        guard let directory else { preconditionFailure("EvaluationRun: no directory to look circuits up in") }
        return [Int32](unsafeUninitializedCapacity: tickets.count) { buffer, count in
            for index in tickets.indices { buffer[index] = directory.position(of: tickets[index].circuitID) }
            count = tickets.count
        }
    }

    /// The plan of each ticket's circuit (an empty plan for an unknown circuit).
    func plans(at positions: ArraySlice<Int32>) -> [CircuitPlan] {
        [CircuitPlan](unsafeUninitializedCapacity: positions.count) { buffer, count in
            for (offset, index) in positions.indices.enumerated() {
                let position = Int(positions[index])
                buffer.initializeElement(at: offset, to: position >= 0 ? plans[position] : CircuitPlan())
            }
            count = positions.count
        }
    }

    mutating func judge(_ ticket: TicketRecord, index: Int, circuit: Int, plan: CircuitPlan) {
        if let result = judged(ticket, index: index, circuit: circuit, plan: plan) { evaluations.append(result) }
    }

    /// Checks one ticket, counts it in its tier and keeps what the circuit-period pass needs;
    /// nil when it is skipped (listed in `skipped`). `namesIDs`: see
    /// ``RuleEngine/check(_:index:circuit:plan:namesIDs:)``.
    mutating func judged(_ ticket: TicketRecord, index: Int, circuit: Int, plan: CircuitPlan, namesIDs: Bool = true) -> TicketEvaluation? {
        guard circuit >= 0 else { skip(ticket, index: index, .unknownCircuit(ticket.circuitID)); return nil }
        if !rejections.isEmpty, let rejection = rejections[circuit] { skip(ticket, index: index, rejection); return nil }
        if !ticket.isInOrderFast, let violation = ticket.orderViolation {
            skip(ticket, index: index, violation)
            return nil
        }
        if !ticket.suspended.isEmpty, let violation = ticket.suspensionViolation {
            skip(ticket, index: index, violation)
            return nil
        }
        let (result, overrun) = engine.check(ticket, index: index, circuit: circuit, plan: plan, namesIDs: namesIDs)
        summaries[plan.tier].count(result)
        record(ticket, excluded: result.excluded, overrun: overrun, circuit: circuit, plan: plan, key: countingKey(index: index))
        return result
    }

    /// What orders a counting ticket among its circuit's tickets with the same start: its
    /// evaluation's place, its id's place in ``countingIDs``, or its input index.
    private func countingKey(index: Int) -> Int {
        if keepsEvaluations { return evaluations.count }
        if let countingIDs { return countingIDs.count }
        return index
    }

    /// - Parameter key: ``CountingTicket/evaluation`` of the ticket.
    mutating func record(_ ticket: TicketRecord, excluded: Bool, overrun: Int64, circuit: Int, plan: CircuitPlan, key: Int) {
        let start = ticket.faultStart.seconds, end = ticket.repairedAt.seconds
        earliest = min(earliest, start)
        latest = max(latest, end > start ? end - 1 : start)
        let rules = engine.tierRules[plan.tier]
        guard ticket.outage, !excluded, rules.judgesAvailability else { return }
        var share = Double(startedHours(overrun)) * rules.overrunShare
        if rules.hasDurationBands {
            share += engine.tierCredits[plan.tier].ticketShare(outageSeconds: end - start, overrunSeconds: 0)
        }
        counting[circuit / Self.circuitBlock].append(
            CountingTicket(start: start, end: end, share: share, evaluation: Int32(key), circuit: Int32(circuit)))
        countingIDs?.append(ticket.ticketID)
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

    /// The result; the `untiered` row is listed only when some valid circuit is untiered.
    func evaluation() -> Evaluation {
        let byTier = hasUntiered ? summaries : Array(summaries.prefix(engine.untieredIndex))
        return Evaluation(
            periodKind: periodKind, firstPeriod: range?.first.label, lastPeriod: range?.last.label,
            tickets: evaluations, skipped: skipped, circuitPeriods: circuitPeriods,
            byTier: byTier, totals: EvaluationTotals(summing: byTier, skipped: skipped.count)
        )
    }

    /// True when a circuit with a valid tier and product is judged by the repair-limit matrix.
    var hasUntiered: Bool {
        plans.indices.contains { plans[$0].tier == engine.untieredIndex && rejections[$0] == nil }
    }
}

extension EvaluationTotals {
    /// The totals of tier summaries, with `skipped` tickets skipped.
    init(summing summaries: [TierSummary], skipped: Int) {
        self.init()
        skippedTickets = skipped
        for summary in summaries {
            tickets += summary.tickets
            outageTickets += summary.outageTickets
            excludedTickets += summary.excludedTickets
            dispatch.add(summary.dispatch)
            accept.add(summary.accept)
            restoration.add(summary.restoration)
            confirmation.add(summary.confirmation)
            faultReport.add(summary.faultReport)
            feedback.add(summary.feedback)
            openTickets += summary.openTickets
            pendingRestorations += summary.pendingRestorations
            circuitPeriods += summary.circuitPeriods
            availabilityMet += summary.availabilityMet
            repeatViolations += summary.repeatViolations
            credits += summary.credits
            expectedCredits += summary.expectedCredits
        }
    }
}

/// A contiguous range of periods with their boundaries and labels precomputed.
struct PeriodRange {
    let first: Period
    let last: Period
    /// `bounds[i]` = start of period i (seconds); `bounds[count]` = end of the last.
    let bounds: [Int64]
    let labels: [String]
    var count: Int { bounds.count - 1 }

    init(kind: PeriodKind, from: Int64, through: Int64) {
        first = Period(containing: WallTime(seconds: from), kind: kind)
        last = Period(containing: WallTime(seconds: through), kind: kind)
        var bounds = [first.start.seconds]
        var labels: [String] = []
        var period = first
        while period <= last {
            labels.append(period.label)
            period = period.next
            bounds.append(period.start.seconds)
        }
        self.bounds = bounds
        self.labels = labels
    }

    /// Index of the period holding an instant, or nil outside the range: a binary search of
    /// the boundaries (no calendar arithmetic per look-up; a ticket needs one or two).
    @inline(__always)
    func offset(of seconds: Int64) -> Int? {
        guard seconds >= bounds[0], seconds < bounds[count] else { return nil }
        var low = 0, high = count   // bounds[low] ≤ seconds < bounds[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if bounds[middle] <= seconds { low = middle } else { high = middle }
        }
        return low
    }
}
