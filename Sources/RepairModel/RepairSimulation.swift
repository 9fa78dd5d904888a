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

    /// Prepares a replication; nothing runs until ``run()``.
    public init(scenario: Scenario, replication: Int) {
        self.scenario = scenario
        self.replication = replication
    }

    /// Simulates from time 0 to the horizon and returns the post-warm-up outcome.
    /// - Complexity: O(events × log events); events ≈ 10 per fault plus roster changes.
    public func run() -> ReplicationOutcome {
        var run = ReplicationRun(scenario: scenario, replication: replication)
        run.execute()
        return run.outcome()
    }
}
