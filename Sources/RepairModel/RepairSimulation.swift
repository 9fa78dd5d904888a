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

    /// Simulates, then judges every logged ticket by `catalogue` (the scenario's when nil) as
    /// the log is read, handing each judged ticket and circuit-period to `sink`: no record,
    /// detail or evaluation per ticket is kept (the outcome's ticket arrays are empty). The
    /// evaluation has the tier summaries and totals of ``ReplicationOutcome/evaluate(period:rulings:)``
    /// on ``run()``'s outcome, bit for bit, but lists no tickets and no circuit-periods.
    public func run<Sink: JudgedTicketSink>(judgedBy catalogue: RuleCatalogue? = nil, period: PeriodKind = .month,
                                            into sink: inout Sink) -> (outcome: ReplicationOutcome, evaluation: Evaluation) {
        var run = ReplicationRun(scenario: scenario, replication: replication)
        run.execute()
        let inventory = inventory ?? ExpandedInventory(scenario: scenario)
        let rules = catalogue ?? scenario.catalogue
        var judgement = TicketStreamJudgement(
            engine: RuleEngine(catalogue: rules), circuits: inventory.circuits, period: period, span: inventory.window,
            rulings: inventory.rulings, expectedTickets: run.tickets.count)
        var outcome = run.judgedOutcome(inventory: inventory, judgement: &judgement, sink: &sink)
        outcome.catalogue = rules
        let evaluation = judgement.finish { sink.take($0) }
        return (outcome, evaluation)
    }
}
