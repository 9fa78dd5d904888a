/// Judges tickets one at a time, as a simulation closes them, with the same checks and
/// circuit-period pass as ``RuleEngine/evaluate(circuits:tickets:circuitPositions:period:span:rulings:)``,
/// but without a year of records: each ticket's ``TicketEvaluation`` goes back to the caller at
/// once, and per ticket only what the circuit-period pass needs is kept (32 bytes an outage
/// ticket). The circuit-periods then go to the caller one by one (``finish(_:)``).
///
/// Fed the tickets in the order of the batch call's input, it gives exactly the batch call's
/// figures (tier summaries, totals, every circuit-period's credit, summed in the same order) for
/// tickets without ids, as the simulator's are: a circuit's tickets with equal fault starts are
/// taken in input order; or, with `ordersTiesByID` (a real log), by ticket id as the batch call
/// takes them, at 16 bytes more an outage ticket. The evaluations it returns never say ``TicketEvaluation/isRepeat``
/// (repeats are found in the circuit-period pass, after the ticket has gone); repeats are counted
/// in the tier summaries and circuit-periods as in the batch call.
///
/// ```swift
/// var judgement = TicketStreamJudgement(engine: engine, circuits: circuits, period: .month, span: window)
/// for (index, ticket) in tickets.enumerated() { _ = judgement.judge(ticket, index: index, circuitPosition: positions[index]) }
/// let evaluation = judgement.finish { period in ... }   // its `tickets` and `circuitPeriods` are empty
/// ```
public struct TicketStreamJudgement: Sendable {
    private var run: EvaluationRun
    private let circuits: [Circuit]
    private let span: Range<WallTime>?

    /// Prepares to judge tickets of `circuits` over the periods overlapping `span`.
    /// - Parameters:
    ///   - span: nil for the periods the judged tickets span, as the batch call without one.
    ///   - rulings: `circuits` resolved once by `engine`'s catalogue for many judgements; nil (or
    ///     rulings that do not fit) to resolve them here.
    ///   - expectedTickets: room reserved for the outage tickets' circuit-period facts.
    ///   - ordersTiesByID: take a circuit's tickets with equal fault starts by ticket id (as the
    ///     batch call does) rather than in input order.
    ///   - threads: threads resolving the circuits and judging their periods (nil: one per core);
    ///     one by default, as a simulation judges its replications on every core already. The
    ///     figures never depend on it.
    public init(engine: RuleEngine, circuits: [Circuit], period: PeriodKind, span: Range<WallTime>?,
                rulings: CircuitRulings? = nil, expectedTickets: Int = 0, ordersTiesByID: Bool = false,
                threads: Int? = 1) {
        let fitting = rulings.flatMap { $0.fits(circuits, catalogue: engine.catalogue) ? $0 : nil }
        run = EvaluationRun(engine: engine, circuits: circuits, period: period, needsDirectory: false, rulings: fitting,
                            threads: threads)
        run.keepsEvaluations = false
        run.reserveCounting(expectedTickets)
        if ordersTiesByID { run.countingIDs = [] }
        run.countingIDs?.reserveCapacity(expectedTickets)
        self.circuits = circuits
        self.span = span
    }

    /// Judges the ticket at input position `index` (positions must increase) whose circuit is
    /// `circuits[circuitPosition]`; nil when it is not judged (listed in the result's `skipped`).
    public mutating func judge(_ ticket: TicketRecord, index: Int, circuitPosition: Int32) -> TicketEvaluation? {
        judged(ticket, index: index, circuitPosition: circuitPosition, namesIDs: true)
    }

    /// Judges the ticket as ``judge(_:index:circuitPosition:)`` does, for the figures only: no
    /// evaluation is handed back, and none is built with the ticket's ids (copying them is a
    /// cache miss each when another thread read the ticket). Returns false when the ticket is
    /// not judged (listed in the result's `skipped`).
    @discardableResult
    public mutating func count(_ ticket: TicketRecord, index: Int, circuitPosition: Int32) -> Bool {
        judged(ticket, index: index, circuitPosition: circuitPosition, namesIDs: false) != nil
    }

    /// The circuits' plans, for a caller that knows the circuits of the next few tickets to read
    /// ahead (each a cache miss in a million circuits), so that those misses overlap.
    public var planLookAhead: PlanLookAhead { PlanLookAhead(plans: run.plans) }

    /// Reads the plan judging a ticket of a circuit will look up first.
    public struct PlanLookAhead: Sendable {
        fileprivate let plans: [CircuitPlan]

        /// Reads the plan of `circuits[position]`; returns a part of it, for the caller to keep.
        public func read(_ position: Int32) -> Int64 {
            let circuit = Int(position)
            return circuit >= 0 && circuit < plans.count ? plans[circuit].limitSeconds : 0
        }
    }

    @inline(__always)
    private mutating func judged(_ ticket: TicketRecord, index: Int, circuitPosition: Int32, namesIDs: Bool) -> TicketEvaluation? {
        let circuit = Int(circuitPosition)
        let plan = circuit >= 0 && circuit < run.plans.count ? run.plans[circuit] : CircuitPlan()
        return run.judged(ticket, index: index, circuit: circuit < run.plans.count ? circuit : -1, plan: plan, namesIDs: namesIDs)
    }

    /// Judges every circuit in every period of the span, handing `circuitPeriod` each judged
    /// circuit-period (by circuit, then period), and returns the tier summaries and totals;
    /// the result lists no tickets and no circuit-periods.
    public consuming func finish(_ circuitPeriod: (CircuitPeriodEvaluation) -> Void) -> Evaluation {
        run.fixRange(span: span)
        run.judgeCircuitPeriods(circuits, emit: circuitPeriod)
        return run.evaluation()
    }

    /// Judges every circuit in every period of the span for the tier summaries and totals only
    /// (the same as ``finish(_:)``'s), handing out no circuit-period: none is built.
    public consuming func finish() -> Evaluation {
        run.fixRange(span: span)
        run.judgeCircuitPeriods(circuits, emits: false) { _ in }
        return run.evaluation()
    }
}
