import RepairModel
import Scenario
import ServiceRules
import SimCore
import Synchronization

/// Independent replications of a scenario, run in parallel and aggregated in replication order,
/// so the results never depend on the thread count.
///
/// ```swift
/// let results = Experiment(scenario: scenario, replications: 20).run(threads: 4)
/// ```
public struct Experiment: Sendable {
    /// The validated scenario.
    public var scenario: Scenario
    /// How many replications (at least one).
    public var replications: Int
    /// The availability period credits are judged on.
    public var period: PeriodKind
    /// The breakdowns to report; `.tier` is always included, first.
    public var breakdowns: [Breakdown]

    /// Prepares an experiment; nothing runs until ``run(threads:progress:)``.
    public init(scenario: Scenario, replications: Int, period: PeriodKind = .month, breakdowns: [Breakdown] = []) {
        precondition(replications >= 1, "Experiment: at least one replication")
        self.scenario = scenario
        self.replications = replications
        self.period = period
        self.breakdowns = [.tier] + breakdowns.filter { $0 != .tier }
    }

    /// Runs every replication (each its own `RepairSimulation`) on up to `threads` threads and
    /// aggregates them. `progress` is called with the count of finished replications, from
    /// whichever thread finished one, one call at a time and in increasing order.
    ///
    /// Memory: a finished replication's restoration-time and wait histograms are merged into the run's
    /// at once; what is kept per replication until the end is its small counts and statistics.
    public func run(threads: Int? = nil, progress: (@Sendable (Int) -> Void)? = nil) -> ExperimentResults {
        results(of: replicationSet(threads: threads, progress: progress))
    }

    /// Runs the replications `shard` owns (all of them by default) on up to `threads` threads:
    /// their figures in replication order, restoration-time histograms merged as each
    /// replication finishes (what is kept per replication until the end is its small counts
    /// and statistics). `progress` is called as for ``run(threads:progress:)``, counting this
    /// shard's replications.
    public func replicationSet(shard: Shard = .whole, threads: Int? = nil,
                               progress: (@Sendable (Int) -> Void)? = nil) -> ReplicationSet {
        let finished = Mutex(0)
        let inventory = ExpandedInventory(scenario: scenario)
        let times = Mutex(RestorationTimes())
        let waits = Mutex(WaitTimes())
        let owned = shard.replications(of: replications)
        let all = Replications.run(owned.count, threads: threads) { task in
            var result = self.figures(replication: owned[task], inventory: inventory)
            times.withLock { $0.absorb(&result) }
            waits.withLock { $0.absorb(&result) }
            if let progress { finished.withLock { $0 += 1; progress($0) } }
            return result
        }
        return ReplicationSet(all, restorationTimes: times.withLock { $0 }, waitTimes: waits.withLock { $0 })
    }

    /// The results of every replication, merged from one set or from every shard's
    /// (``ReplicationSet/merged(_:)``).
    public func results(of set: ReplicationSet) -> ExperimentResults {
        precondition(set.replications == Array(0..<replications), "Experiment: the set is not every replication once")
        return ExperimentResults(set, scenario: scenario, period: period, breakdowns: breakdowns)
    }

    /// One replication, simulated (its circuits expanded for it alone) and judged.
    public func figures(replication: Int) -> ReplicationFigures {
        figures(replication: replication, inventory: ExpandedInventory(scenario: scenario))
    }

    /// One replication over `inventory`, the scenario's circuits shared by its replications; its
    /// tickets judged by `rules` when given, else by the scenario's catalogue, as the log is read
    /// (no record per ticket is kept: ``RepairSimulation/run(judgedBy:period:into:)``).
    public func figures(replication: Int, inventory: ExpandedInventory, judgedBy rules: RuleCatalogue? = nil) -> ReplicationFigures {
        var sink = FigureSink(circuits: inventory.circuits, breakdowns: breakdowns, claimRates: scenario.claimRates)
        let judged = RepairSimulation(scenario: scenario, replication: replication, inventory: inventory)
            .run(judgedBy: rules, period: period, into: &sink)
        return ReplicationFigures(judged.outcome, evaluation: judged.evaluation, sink: sink)
    }
}
