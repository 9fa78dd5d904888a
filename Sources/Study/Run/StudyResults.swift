import Experiments
import SimCore

/// A finished study: the base's record and every mix's, with what the report derives from them.
/// Built only from records as the store gives them back (see ``StudyStore/roundTrip(_:)``).
public struct StudyResults: Sendable {
    /// The study's name.
    public var name: String
    /// The study file's path.
    public var file: String
    /// The base scenario's path.
    public var basePath: String
    /// The base scenario's name.
    public var baseScenarioName: String
    /// The targets as written.
    public var targets: [String]
    /// Replications of each staffing's figures.
    public var replications: Int
    /// Replications per candidate plan of the search.
    public var searchReplications: Int
    /// Fresh replications verifying each recommendation.
    public var verifyReplications: Int
    /// Confidence of the target bounds.
    public var confidence: Double
    /// The seed of every plan.
    public var seed: UInt64
    /// The observed window of every replication, in days.
    public var windowDays: Double
    /// The grid's axes (empty without a grid).
    public var gridAxes: [StudyAxis]
    /// The base first, then every mix in file order.
    public var records: [MixRecord]

    /// The results of `run`'s plans.
    init(run: StudyRun, records: [MixRecord]) {
        let definition = run.definition
        name = definition.name
        file = definition.file
        basePath = definition.basePath
        baseScenarioName = definition.base.name
        targets = definition.targets.map(\.description)
        replications = run.replications
        searchReplications = run.searchReplications
        verifyReplications = run.verifyReplications
        confidence = run.confidence
        seed = run.seed
        windowDays = definition.base.observedLength.days
        gridAxes = definition.gridAxes
        self.records = records
    }

    /// The reference.
    public var base: MixRecord { records[0] }

    /// Every tier with circuits in any mix, in the first record's order, then any new ones.
    public var tiers: [String] {
        var seen = Set<String>()
        return records.flatMap { $0.circuitsByTier.map(\.tier) }.filter { seen.insert($0).inserted }
    }

    /// `record`'s metrics paired with the base's, replication by replication (as `compare`).
    public func differences(of record: MixRecord) -> [MetricComparison] {
        let base = Dictionary(self.base.current.metrics.map { ($0.metric, $0.values) }, uniquingKeysWith: { first, _ in first })
        let absent = [Double?](repeating: nil, count: record.current.replications)
        return record.current.metrics.map { values in
            MetricComparison(metric: Self.metric(values.metric), base: base[values.metric] ?? absent, variant: values.values)
        }
    }

    /// A stored metric name read back (the runner wrote it from a `Metric`).
    static func metric(_ name: String) -> Metric {
        guard case .success(let metric) = Metric.parse(name) else { preconditionFailure("StudyResults: stored metric «\(name)»") }
        return metric
    }
}
