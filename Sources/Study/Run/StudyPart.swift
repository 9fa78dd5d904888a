import Experiments

/// A study shard's part: the records of the plans it owns (``StudyRun/plans(of:)``), by plan
/// index (0 is the base).
public struct StudyPart: ShardPart {
    /// The plans' indices, in order.
    public var plans: [Int]
    /// Their records, in the same order.
    public var records: [MixRecord]

    public var units: [Int] { plans }

    public static func merged(_ parts: [StudyPart]) -> StudyPart {
        let all = parts.flatMap { zip($0.plans, $0.records) }.sorted { $0.0 < $1.0 }
        return StudyPart(plans: all.map(\.0), records: all.map(\.1))
    }
}
