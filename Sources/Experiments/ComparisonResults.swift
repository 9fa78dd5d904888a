import Scenario
import ServiceRules
import SimCore

/// What a ``Comparison`` found: for each variant and metric, the base and variant means and the
/// paired difference variant − base with its 95 % confidence interval. A plain value, so every
/// renderer (terminal, JSON, CSV, HTML) reads the same figures.
public struct ComparisonResults: Sendable {
    /// The base scenario's name.
    public var baseName: String
    /// The seed the base ran with (and, with common random numbers, every variant).
    public var seed: UInt64
    /// Replications of each scenario.
    public var replications: Int
    /// The availability period.
    public var period: PeriodKind
    /// Days observed per replication (horizon − warm-up), the same for every scenario.
    public var windowDays: Double
    /// Common or independent random numbers.
    public var pairing: StreamPairing
    /// One entry per variant, in the comparison's order.
    public var variants: [VariantComparison]

    /// Pairs the base's replication figures with each variant's (both in replication order).
    public init(comparison: Comparison, base: [ReplicationFigures], variants: [[ReplicationFigures]]) {
        precondition(!base.isEmpty && variants.count == comparison.variants.count, "ComparisonResults: runs missing")
        baseName = comparison.base.name
        seed = comparison.base.seed
        replications = base.count
        period = comparison.period
        windowDays = Double(base[0].windowSeconds) / 86_400
        pairing = comparison.pairing
        self.variants = zip(comparison.variants, variants).enumerated().map { index, pair in
            VariantComparison(name: pair.0.name, scenarioName: pair.0.scenario.name,
                              seed: comparison.seed(ofScenario: index + 1), base: base, variant: pair.1)
        }
    }
}

/// One variant against the base, metric by metric.
public struct VariantComparison: Sendable {
    /// The variant's label.
    public var name: String
    /// The variant scenario's own name.
    public var scenarioName: String
    /// The seed the variant ran with.
    public var seed: UInt64
    /// The metrics in report order: the base's standard metrics, then any only the variant has
    /// (a tier it adds, say).
    public var metrics: [MetricComparison]

    /// Pairs `base[r]` with `variant[r]` for every metric either run reports.
    public init(name: String, scenarioName: String, seed: UInt64, base: [ReplicationFigures], variant: [ReplicationFigures]) {
        precondition(base.count == variant.count, "VariantComparison: unequal replication counts")
        self.name = name
        self.scenarioName = scenarioName
        self.seed = seed
        metrics = Self.metrics(base: base, variant: variant).map { metric in
            MetricComparison(metric: metric, base: base.map(metric.value(in:)), variant: variant.map(metric.value(in:)))
        }
    }

    /// The union of both runs' standard metrics, base order first, without repeats.
    static func metrics(base: [ReplicationFigures], variant: [ReplicationFigures]) -> [Metric] {
        var seen = Set<Metric>()
        return (base + variant).flatMap(Metric.standard(for:)).filter { seen.insert($0).inserted }
    }

    /// The metrics whose difference is significant.
    public var significant: [MetricComparison] { metrics.filter { $0.verdict.isSignificant } }
}

/// One metric of a variant against the base, paired replication by replication.
///
/// Only replications where both runs have a value are paired (a check that never applied in
/// one of them has no value); ``skipped`` counts the others. ``base`` and ``variant`` are the
/// means over the paired replications, so `variant.mean − base.mean == difference.mean`.
public struct MetricComparison: Sendable {
    /// What is compared.
    public var metric: Metric
    /// The base's values over the paired replications; nil when no replication pairs.
    public var base: Estimate?
    /// The variant's values over the paired replications.
    public var variant: Estimate?
    /// variant − base per paired replication: mean and 95 % Student-t half-width.
    public var difference: Estimate?
    /// variant − base of each paired replication, in replication order (for plots).
    public var differences: [Double]
    /// Replications left out because one side (or both) has no value.
    public var skipped: Int
    /// Whether the difference is significant, and in which direction for the metric.
    public var verdict: Verdict

    /// Pairs the per-replication values (index = replication) of the base and the variant.
    public init(metric: Metric, base: [Double?], variant: [Double?]) {
        precondition(base.count == variant.count, "MetricComparison: unequal replication counts")
        let pairs = zip(base, variant).compactMap { pair -> (Double, Double)? in
            guard let b = pair.0, let v = pair.1 else { return nil }
            return (b, v)
        }
        self.metric = metric
        self.base = Estimate(pairs.map(\.0))
        self.variant = Estimate(pairs.map(\.1))
        differences = pairs.map { $0.1 - $0.0 }
        difference = Estimate(differences)
        skipped = base.count - pairs.count
        verdict = Verdict(difference, higherIsBetter: metric.higherIsBetter)
    }

    /// Replications paired.
    public var pairs: Int { difference?.count ?? 0 }
}

/// How a paired difference reads.
public enum Verdict: String, Sendable, CaseIterable {
    /// The confidence interval lies wholly on the metric's good side of 0.
    case better
    /// The confidence interval lies wholly on the bad side of 0.
    case worse
    /// The confidence interval contains 0 (including an exact 0 ± 0).
    case noSignificantChange
    /// Fewer than two paired replications: no interval.
    case undetermined

    /// Reads a difference: significant when its interval excludes 0.
    public init(_ difference: Estimate?, higherIsBetter: Bool) {
        guard let difference, difference.hasInterval else { self = .undetermined; return }
        guard abs(difference.mean) > difference.halfWidth else { self = .noSignificantChange; return }
        self = (difference.mean > 0) == higherIsBetter ? .better : .worse
    }

    /// Better or worse.
    public var isSignificant: Bool { self == .better || self == .worse }
}
