import RepairModel
import Scenario
import ServiceRules
import SimCore
import Synchronization

/// The study behind `faultline price`: the scenario's replications priced per tier, then — for
/// sensitivity — the same replications with every fault rate × (1 − s) and × (1 + s). All cases
/// use the scenario's seed, so a replication sees the same random streams in each (common random
/// numbers) and the differences between cases are the fault rates', not the noise's.
///
/// ```swift
/// let results = PricingStudy(scenario: scenario, replications: 20, sensitivity: 0.2).run(threads: 4)
/// ```
public struct PricingStudy: Sendable {
    /// The validated scenario.
    public var scenario: Scenario
    /// Replications per case (at least one).
    public var replications: Int
    /// Relative change of the fault rates for the sensitivity cases, in [0, 1); 0 runs none.
    public var sensitivity: Double

    /// Prepares a study; nothing runs until ``run(threads:progress:)``.
    public init(scenario: Scenario, replications: Int, sensitivity: Double = 0.2) {
        precondition(replications >= 1, "PricingStudy: at least one replication")
        precondition(sensitivity >= 0 && sensitivity < 1, "PricingStudy: sensitivity in [0, 1)")
        self.scenario = scenario
        self.replications = replications
        self.sensitivity = sensitivity
    }

    /// The fault-rate factors of the cases: 1, then 1 − s and 1 + s when s > 0.
    public var faultFactors: [Double] { sensitivity > 0 ? [1, 1 - sensitivity, 1 + sensitivity] : [1] }

    /// Runs every case's replications on up to `threads` threads. `progress` gets the count of
    /// finished replications over all cases, one call at a time, in increasing order.
    public func run(threads: Int? = nil, progress: (@Sendable (Int) -> Void)? = nil) -> PricingResults {
        results(of: part(threads: threads, progress: progress))
    }

    /// Prices the replications `shard` owns (all by default) in every fault-rate case: the
    /// part a shard writes, and what ``run(threads:progress:)`` merges in memory.
    public func part(shard: Shard = .whole, threads: Int? = nil,
                     progress: (@Sendable (Int) -> Void)? = nil) -> PricingPart {
        let plan = PricingPlan(scenario)
        let finished = Mutex(0)
        let inventory = ExpandedInventory(scenario: scenario)
        let owned = shard.replications(of: replications)
        return PricingPart(cases: faultFactors.map { factor in
            let scaled = scenario.scalingFaultRates(by: factor)
            return Replications.run(owned.count, threads: threads) { task in
                let result = Self.priced(scaled, replication: owned[task], plan: plan, inventory: inventory)
                if let progress { finished.withLock { $0 += 1; progress($0) } }
                return result.figures
            }
        })
    }

    /// The results of every replication (`part` holds each once, merged from one or more shards).
    public func results(of part: PricingPart) -> PricingResults {
        precondition(part.units == Array(0..<replications), "PricingStudy: the part is not every replication once")
        let plan = PricingPlan(scenario)
        let cases = zip(faultFactors, part.cases).map { factor, figures in
            PricingCase(faultFactor: factor, plan: plan, figures.map { ($0, PricingCosts($0, plan: plan)) })
        }
        return PricingResults(
            scenarioName: scenario.name, seed: scenario.seed, replications: replications,
            windowDays: scenario.observedLength.days, sensitivity: sensitivity,
            base: cases[0], sensitivityCases: Array(cases.dropFirst()))
    }

    /// One replication of `scenario`, simulated, judged and costed.
    /// - Parameter inventory: the scenario's expanded inventory, shared by the replications; nil
    ///   to expand it for this replication alone.
    public static func priced(_ scenario: Scenario, replication: Int, plan: PricingPlan, inventory: ExpandedInventory? = nil)
        -> (figures: PricingFigures, costs: PricingCosts)
    {
        let priced = pricedAndJudged(scenario, replication: replication, plan: plan, inventory: inventory)
        return (priced.figures, priced.costs)
    }

    /// One replication priced, with its judged figures (what `compare` pairs) from the same simulation.
    static func pricedAndJudged(_ scenario: Scenario, replication: Int, plan: PricingPlan, inventory: ExpandedInventory?)
        -> (figures: PricingFigures, costs: PricingCosts, judged: ReplicationFigures)
    {
        let inventory = inventory ?? ExpandedInventory(scenario: scenario)
        var sink = PricingSink(figures: FigureSink(circuits: inventory.circuits, breakdowns: [.tier], claimRates: scenario.claimRates),
                               work: TicketWork(plan: plan))
        let run = RepairSimulation(scenario: scenario, replication: replication, inventory: inventory)
            .run(period: .month, into: &sink)
        var judged = ReplicationFigures(run.outcome, evaluation: run.evaluation, sink: sink.figures)
        let figures = PricingFigures(run.outcome, work: sink.work, credits: judged, plan: plan)
        judged.dropHistograms()
        return (figures, PricingCosts(figures, plan: plan), judged)
    }

    /// The scenario's own case priced (no sensitivity cases), with every replication's judged
    /// figures and costs from the same simulations — cost to serve and compliance of one staffing
    /// in one pass (`faultline study`).
    public func runJudged(threads: Int? = nil) -> (results: PricingResults, figures: [ReplicationFigures], costs: [PricingCosts]) {
        let plan = PricingPlan(scenario)
        let inventory = ExpandedInventory(scenario: scenario)
        let scenario = self.scenario
        let runs = Replications.run(replications, threads: threads) { r in
            Self.pricedAndJudged(scenario, replication: r, plan: plan, inventory: inventory)
        }
        let results = PricingResults(
            scenarioName: scenario.name, seed: scenario.seed, replications: replications, windowDays: scenario.observedLength.days,
            sensitivity: 0, base: PricingCase(faultFactor: 1, plan: plan, runs.map { ($0.figures, $0.costs) }), sensitivityCases: [])
        return (results, runs.map(\.judged), runs.map(\.costs))
    }
}

extension Scenario {
    /// The scenario with every fault rate (per product and segment) × `factor`; profiles and
    /// storms unchanged.
    public func scalingFaultRates(by factor: Double) -> Scenario {
        guard factor != 1 else { return self }
        var scaled = self
        scaled.faults.rates = faults.rates.mapValues { rates in
            SegmentRates(perCircuitYear: rates.perCircuitYear.mapValues { $0 * factor })
        }
        return scaled
    }
}
