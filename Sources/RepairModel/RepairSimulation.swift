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
}
