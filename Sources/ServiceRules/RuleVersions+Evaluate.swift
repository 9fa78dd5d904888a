/// Judging with versioned rules: each version's engine judges the tickets it is in force for
/// and the periods that start while it is in force; the pieces are put together as one
/// `Evaluation` (docs/rules-semantics.md "Versioned rules").
extension RuleVersions {
    /// Judges tickets against circuits, each ticket by its version and each circuit-period by
    /// the version in force at the period's start; otherwise as ``RuleEngine/evaluate(circuits:tickets:period:span:)``.
    /// Repeats are found over every ticket of the circuit, each ticket with its own version's
    /// window; a period's repeat violations and credits use the period's version.
    /// - Complexity: two evaluations per version.
    public func evaluate(
        circuits: [Circuit], tickets: [TicketRecord], period: PeriodKind = .month, span: Range<WallTime>? = nil
    ) -> Evaluation {
        evaluate(circuits: circuits, tickets: tickets, circuitPositions: nil, period: period, span: span)
    }

    /// As ``evaluate(circuits:tickets:period:span:)``, for tickets whose circuits the caller
    /// already found: `circuitPositions[i]` is the index in `circuits` of the circuit of
    /// `tickets[i]` (as ``RuleEngine/evaluate(circuits:tickets:circuitPositions:period:span:rulings:)``
    /// takes them; with unique ticket ids the result is the same); nil to look them up by id.
    public func evaluate(
        circuits: [Circuit], tickets: [TicketRecord], circuitPositions: [Int32]?, period: PeriodKind = .month,
        span: Range<WallTime>? = nil
    ) -> Evaluation {
        let engines = versions.map { RuleEngine(catalogue: $0.catalogue) }
        let judge = { (engine: RuleEngine, span: Range<WallTime>?) -> Evaluation in
            engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: circuitPositions, period: period,
                            span: span, threads: nil)
        }
        guard engines.count > 1 else {
            var evaluation = judge(engines[0], span)
            evaluation.versions = [use(0, tickets: evaluation.tickets.count, circuitPeriods: evaluation.totals.circuitPeriods)]
            return evaluation
        }
        let whole = engines.map { judge($0, span) }
        var assembly = VersionAssembly(tierKeys: tierOrder(whole), periodKind: period)
        assembly.takeTickets(tickets.indices.map { version(of: tickets[$0]) }, from: whole)
        for (index, slice) in periodSlices(span: span ?? assembly.ticketSpan(tickets), kind: period).enumerated() {
            guard let slice else { continue }
            let judged = judge(engines[index], slice)
            assembly.takeCircuitPeriods(of: judged, version: index)
        }
        var evaluation = assembly.evaluation()
        evaluation.versions = versions.indices.map {
            use($0, tickets: assembly.ticketsJudged[$0, default: 0], circuitPeriods: assembly.periodsJudged[$0, default: 0])
        }
        return evaluation
    }

    /// For rules with one version, a judgement of tickets one at a time that gives the figures
    /// of ``evaluate(circuits:tickets:circuitPositions:period:span:)`` (tier summaries, totals,
    /// skipped tickets) without holding the tickets or their evaluations; finish it with
    /// ``summary(of:)``. Nil for several versions: their tickets are assembled after judging.
    public func streamJudgement(circuits: [Circuit], period: PeriodKind, span: Range<WallTime>?) -> TicketStreamJudgement? {
        guard versions.count == 1 else { return nil }
        return TicketStreamJudgement(engine: RuleEngine(catalogue: versions[0].catalogue), circuits: circuits,
                                     period: period, span: span, ordersTiesByID: true, threads: nil)
    }

    /// The evaluation of a ``streamJudgement(circuits:period:span:)``: the batch call's, less
    /// the lists of tickets and circuit-periods.
    public func summary(of judgement: consuming TicketStreamJudgement) -> Evaluation {
        var evaluation = judgement.finish()
        evaluation.versions = [use(0, tickets: evaluation.totals.tickets, circuitPeriods: evaluation.totals.circuitPeriods)]
        return evaluation
    }

    private func use(_ index: Int, tickets: Int, circuitPeriods: Int) -> RuleVersionUse {
        RuleVersionUse(name: versions[index].name, effective: versions[index].effective.map { $0.date.description },
                       tickets: tickets, circuitPeriods: circuitPeriods)
    }

    /// Tier keys of the latest version's judgement, then those only earlier versions' have.
    private func tierOrder(_ judged: [Evaluation]) -> [String] {
        var keys = judged[judged.count - 1].byTier.map(\.tier)
        for evaluation in judged.reversed() { keys += evaluation.byTier.map(\.tier).filter { !keys.contains($0) } }
        return keys
    }

    /// For each version, the span of the periods (within `span`'s) that start while it is in
    /// force; nil for a version in force at no period's start.
    func periodSlices(span: Range<WallTime>?, kind: PeriodKind) -> [Range<WallTime>?] {
        var slices = [Range<WallTime>?](repeating: nil, count: versions.count)
        guard let span, span.lowerBound < span.upperBound else { return slices }
        var period = Period(containing: span.lowerBound, kind: kind)
        let last = Period(containing: WallTime(seconds: span.upperBound.seconds - 1), kind: kind)
        while period <= last {
            let index = version(at: period.start)
            slices[index] = (slices[index]?.lowerBound ?? period.start)..<period.end
            period = period.next
        }
        return slices
    }
}

/// The pieces of a versioned evaluation, gathered per tier key.
struct VersionAssembly {
    let tierKeys: [String]
    let periodKind: PeriodKind
    var summaries: [String: TierSummary] = [:]
    var tickets: [TicketEvaluation] = []
    var skipped: [SkippedTicket] = []
    var circuitPeriods: [CircuitPeriodEvaluation] = []
    var ticketsJudged: [Int: Int] = [:]
    var periodsJudged: [Int: Int] = [:]
    var firstPeriod: String?
    var lastPeriod: String?

    init(tierKeys: [String], periodKind: PeriodKind) {
        self.tierKeys = tierKeys
        self.periodKind = periodKind
        for key in tierKeys { summaries[key] = TierSummary(tier: key) }
    }

    /// Each ticket's evaluation (or skip) from its own version's judgement.
    mutating func takeTickets(_ chosen: [Int], from whole: [Evaluation]) {
        let judged = whole.map { Dictionary($0.tickets.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a }) }
        let skips = whole.map { Dictionary($0.skipped.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a }) }
        for (index, version) in chosen.enumerated() {
            if let ticket = judged[version][index] {
                tickets.append(ticket)
                summaries[ticket.tier, default: TierSummary(tier: ticket.tier)].count(ticket)
                ticketsJudged[version, default: 0] += 1
            } else if let skip = skips[version][index] {
                skipped.append(skip)
            }
        }
    }

    /// The span the judged tickets cover (as the engine finds it without one): from the earliest
    /// `fault_start` to the last instant of outage.
    func ticketSpan(_ records: [TicketRecord]) -> Range<WallTime>? {
        guard !tickets.isEmpty else { return nil }
        var earliest = Int64.max, latest = Int64.min
        for ticket in tickets {
            let record = records[ticket.index]
            let start = record.faultStart.seconds, end = record.repairedAt.seconds
            earliest = min(earliest, start)
            latest = max(latest, end > start ? end - 1 : start)
        }
        return WallTime(seconds: earliest)..<WallTime(seconds: latest + 1)
    }

    /// A version's circuit-periods and their per-tier figures (its slice of periods only).
    mutating func takeCircuitPeriods(of judged: Evaluation, version: Int) {
        circuitPeriods += judged.circuitPeriods
        for tier in judged.byTier {
            var summary = summaries[tier.tier, default: TierSummary(tier: tier.tier)]
            summary.circuitPeriods += tier.circuitPeriods
            summary.availabilityMet += tier.availabilityMet
            summary.repeatViolations += tier.repeatViolations
            summary.credits += tier.credits
            summary.expectedCredits += tier.expectedCredits
            summaries[tier.tier] = summary
        }
        periodsJudged[version, default: 0] += judged.totals.circuitPeriods
        firstPeriod = firstPeriod ?? judged.firstPeriod
        lastPeriod = judged.lastPeriod ?? lastPeriod
    }

    /// The evaluation: circuit-periods by circuit then period, tiers in `tierKeys` order.
    func evaluation() -> Evaluation {
        let ordered = circuitPeriods.enumerated().sorted {
            ($0.element.circuitIndex, $0.element.period, $0.offset) < ($1.element.circuitIndex, $1.element.period, $1.offset)
        }.map(\.element)
        let byTier = tierKeys.compactMap { summaries[$0] }
        return Evaluation(periodKind: periodKind, firstPeriod: firstPeriod, lastPeriod: lastPeriod, tickets: tickets,
                          skipped: skipped, circuitPeriods: ordered, byTier: byTier,
                          totals: EvaluationTotals(summing: byTier, skipped: skipped.count))
    }
}
