import RepairModel
import Scenario
import ServiceRules
import SimCore
import SimRandom
import Synchronization

/// A base scenario and variants of it, run replication by replication with common random
/// numbers, so each metric's difference variant − base is measured on the same faults.
///
/// Every scenario runs with the base's seed: a fault source (`faults.<class>.<segment>`) and the
/// per-ticket work streams then draw the same numbers in every scenario that has the class, so
/// replication r of a variant sees the faults replication r of the base saw, and the paired
/// difference carries only the effect of the change, not the luck of the draw. With
/// ``StreamPairing/independent`` each variant gets a seed of its own instead (to show what the
/// pairing buys).
///
/// ```swift
/// let comparison = Comparison(base: base, variants: [.init(name: "night-cut", scenario: cut)], replications: 20)
/// let results = comparison.run(threads: 2)
/// ```
public struct Comparison: Sendable {
    /// A scenario compared with the base, under the name reports show.
    public struct Variant: Sendable {
        /// The label in reports: an inline variant's name, or a variant file's scenario name.
        public var name: String
        /// The validated scenario.
        public var scenario: Scenario
        /// Rules the variant's tickets are judged by instead of its scenario's catalogue; nil
        /// judges by the scenario's. The simulation still runs with the scenario's own
        /// catalogue (its restoration limits set when tickets escalate), so a variant whose
        /// scenario is the base and whose judging rules differ sees exactly the base's
        /// tickets: only the judgement differs (`compare --rules`).
        public var judgingRules: RuleCatalogue?

        /// A variant called `name`, judged by `judgingRules` when given.
        public init(name: String, scenario: Scenario, judgingRules: RuleCatalogue? = nil) {
            self.name = name
            self.scenario = scenario
            self.judgingRules = judgingRules
        }
    }

    /// The base scenario; its seed seeds every run (with ``StreamPairing/common``).
    public var base: Scenario
    /// The variants, in report order (at least one).
    public var variants: [Variant]
    /// Replications of each scenario (at least two, for a confidence interval).
    public var replications: Int
    /// The availability period credits are judged on.
    public var period: PeriodKind
    /// Whether the variants share the base's streams.
    public var pairing: StreamPairing

    /// Prepares a comparison; nothing runs until ``run(threads:progress:)``. Every variant must
    /// share the base's start, horizon and warm-up (``mismatch(_:_:)`` says why not).
    public init(base: Scenario, variants: [Variant], replications: Int, period: PeriodKind = .month,
                pairing: StreamPairing = .common) {
        precondition(!variants.isEmpty, "Comparison: at least one variant")
        precondition(replications >= 1, "Comparison: at least one replication")
        precondition(variants.allSatisfy { Self.mismatch(base, $0.scenario) == nil }, "Comparison: windows differ")
        self.base = base
        self.variants = variants
        self.replications = replications
        self.period = period
        self.pairing = pairing
    }

    /// The seed variant `index` (1-based; 0 is the base) runs with: the base's seed with common
    /// random numbers, otherwise the named-stream seed derived from (base seed, index,
    /// `compare.independent`), so independent runs are reproducible too.
    public func seed(ofScenario index: Int) -> UInt64 {
        guard index > 0, pairing == .independent else { return base.seed }
        return RandomStream.derivedSeed(masterSeed: base.seed, replication: index, name: "compare.independent")
    }

    /// The scenarios as run: the base, then each variant, with their seeds set.
    public var seededScenarios: [Scenario] {
        ([base] + variants.map(\.scenario)).enumerated().map { index, scenario in
            var seeded = scenario
            seeded.seed = seed(ofScenario: index)
            return seeded
        }
    }

    /// Runs every replication of every scenario on up to `threads` threads (one replication is
    /// one task, so the base and the variants share the threads) and pairs them. `progress` is
    /// called with the count of finished replications out of (1 + variants) × replications.
    public func run(threads: Int? = nil, progress: (@Sendable (Int) -> Void)? = nil) -> ComparisonResults {
        results(of: part(threads: threads, progress: progress))
    }

    /// Runs every scenario for the replications `shard` owns (all by default): the part a
    /// shard writes, and what ``run(threads:progress:)`` merges in memory.
    public func part(shard: Shard = .whole, threads: Int? = nil,
                     progress: (@Sendable (Int) -> Void)? = nil) -> ComparisonPart {
        let scenarios = seededScenarios
        let owned = shard.replications(of: replications)
        let count = owned.count
        let period = self.period
        let finished = Mutex(0)
        let inventories = ExpandedInventory.shared(by: scenarios)
        let judgingRules = [nil] + variants.map(\.judgingRules)
        let total = replications
        let all = Replications.run(scenarios.count * count, threads: threads) { task in
            let experiment = Experiment(scenario: scenarios[task / count], replications: total, period: period)
            var figures = experiment.figures(replication: owned[task % count], inventory: inventories[task / count],
                                             judgedBy: judgingRules[task / count])
            figures.dropHistograms()   // metrics never read them: keep each replication small
            if let progress { finished.withLock { $0 += 1; progress($0) } }
            return figures
        }
        return ComparisonPart(runs: (0..<scenarios.count).map { Array(all[$0 * count..<($0 + 1) * count]) })
    }

    /// The comparison of every replication (`part` holds each once, merged from one or more shards).
    public func results(of part: ComparisonPart) -> ComparisonResults {
        precondition(part.units == Array(0..<replications), "Comparison: the part is not every replication once")
        return ComparisonResults(comparison: self, base: part.runs[0], variants: Array(part.runs.dropFirst()))
    }

    /// Why two scenarios cannot be compared replication by replication (different start, horizon
    /// or warm-up: the observed windows would not line up), or nil when they can.
    public static func mismatch(_ base: Scenario, _ variant: Scenario) -> String? {
        if base.start != variant.start { return "start \(variant.start) differs from the base's \(base.start)" }
        if base.horizon != variant.horizon {
            return "horizon \(text(variant.horizon)) differs from the base's \(text(base.horizon))"
        }
        if base.warmup != variant.warmup {
            return "warm-up \(text(variant.warmup)) differs from the base's \(text(base.warmup))"
        }
        return nil
    }

    /// Whole days as `30d`, anything else in minutes.
    private static func text(_ span: SimDuration) -> String {
        span.days == span.days.rounded() ? "\(Int(span.days))d" : "\(span.minutes)m"
    }
}

/// How a comparison's variants draw their random numbers.
public enum StreamPairing: String, Sendable, CaseIterable {
    /// Common random numbers: every scenario runs with the base's seed.
    case common
    /// Each variant has its own seed, derived from the base's: independent samples.
    case independent
}
