import Scenario
import ServiceRules
import SimCore

/// One replication of the repair workflow of a scenario (docs/repair-model.md).
///
/// A value: it holds only the scenario and the replication index, so it can be sent to any
/// thread; ``run()`` builds all mutable state (streams, tickets, crews) inside the call.
/// ```swift
/// let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
/// let evaluation = outcome.evaluate(period: .month)
/// ```
/// The same scenario (seed included) and replication always give an equal outcome.
public struct RepairSimulation: Sendable {
    /// The validated scenario simulated.
    public let scenario: Scenario
    /// The replication index; with `scenario.seed` it selects the random streams.
    public let replication: Int
    /// The scenario's circuits, when the caller expanded them once for all its replications;
    /// nil to expand them in ``run()``.
    public let inventory: ExpandedInventory?

    /// Prepares a replication; nothing runs until ``run()``.
    /// - Parameter inventory: `scenario`'s expanded inventory, shared by the replications of an
    ///   experiment (it must fit the scenario: same inventory and window).
    public init(scenario: Scenario, replication: Int, inventory: ExpandedInventory? = nil) {
        precondition(inventory?.fits(scenario) ?? true, "RepairSimulation: the inventory was expanded for another scenario")
        self.scenario = scenario
        self.replication = replication
        self.inventory = inventory
    }

    /// Simulates from time 0 to the horizon and returns the post-warm-up outcome.
    /// - Complexity: O(events × log events); events ≈ 10 per fault plus roster changes.
    public func run() -> ReplicationOutcome {
        var run = ReplicationRun(scenario: scenario, replication: replication)
        run.execute()
        return run.outcome(inventory: inventory ?? ExpandedInventory(scenario: scenario))
    }

    /// Simulates and judges every logged ticket by `catalogue` (the scenario's when nil) as the
    /// run goes: a ticket is read once it is settled and every earlier one was (the log's
    /// order), judged, handed to `sink` with its record and detail, and dropped; the tickets
    /// still open at the horizon follow, then the circuit-periods. No year of tickets, records,
    /// details or evaluations is kept (the outcome's ticket arrays are empty). The outcome
    /// equals ``run()``'s but for those arrays, and the evaluation has the tier summaries and
    /// totals of ``ReplicationOutcome/evaluate(period:rulings:)`` on it, bit for bit, but lists
    /// no tickets and no circuit-periods.
    public func run<Sink: JudgedTicketSink>(judgedBy catalogue: RuleCatalogue? = nil, period: PeriodKind = .month,
                                            into sink: inout Sink) -> (outcome: ReplicationOutcome, evaluation: Evaluation) {
        let inventory = inventory ?? ExpandedInventory(scenario: scenario)
        let rules = catalogue ?? scenario.catalogue
        let judge = LogJudge(TicketStreamJudgement(
            engine: RuleEngine(catalogue: rules), circuits: inventory.circuits, period: period, span: inventory.window,
            rulings: inventory.rulings, expectedTickets: ReplicationRun.ticketCapacity(scenario)), sink: sink)
        var run = ReplicationRun(scenario: scenario, replication: replication, keepsTickets: false)
        run.logReader = { record, detail, position in judge.take(record, detail: detail, position: position) }
        run.log.nextRead = LogReading.retryAfter
        run.execute()
        var outcome = run.judgedOutcome(inventory: inventory)
        outcome.catalogue = rules
        let evaluation = judge.finish()
        sink = judge.sink
        return (outcome, evaluation)
    }
}

/// Judges the tickets a run reads and hands them to a sink: the one owner of both while the
/// run holds its log reader. Used by one thread, one call at a time (the run's), so its state
/// needs no dynamic exclusivity checks (they cost ≈ 1 % of a run).
private final class LogJudge<Sink: JudgedTicketSink> {
    @exclusivity(unchecked) private var judgement: TicketStreamJudgement?
    @exclusivity(unchecked) private(set) var sink: Sink
    /// Position of the next ticket in the log.
    @exclusivity(unchecked) private var index = 0

    init(_ judgement: TicketStreamJudgement, sink: Sink) {
        self.judgement = judgement
        self.sink = sink
    }

    func take(_ record: TicketRecord, detail: TicketDetail, position: Int32) {
        sink.take(judgement!.judge(record, index: index, circuitPosition: position), record: record, detail: detail)
        index += 1
    }

    /// The circuit-period pass, each circuit-period to the sink; the tier summaries and totals.
    func finish() -> Evaluation {
        guard let judgement = judgement.take() else { preconditionFailure("LogJudge: finished twice") }
        guard sink.takesCircuitPeriods else { return judgement.finish() }
        return judgement.finish { sink.take($0) }
    }
}
