/// A shard's part of a command's results: the units of work it computed (replications, or a
/// study's mixes), mergeable exactly with the other shards' parts.
public protocol ShardPart: Sendable, Codable {
    /// The indices of the units of work held, in increasing order.
    var units: [Int] { get }
    /// Every part's units together, in unit order (the parts of one plan, each unit once).
    static func merged(_ parts: [Self]) -> Self
}

extension ReplicationSet: ShardPart {
    public var units: [Int] { replications }
}

/// A comparison's part: for each replication it holds, every scenario's figures (base first),
/// so the paired differences are taken only once all replications are together.
public struct ComparisonPart: ShardPart {
    /// Per scenario (base, then the variants), the figures of the replications held, in order.
    public var runs: [[ReplicationFigures]]

    public var units: [Int] { runs.first?.map(\.replication) ?? [] }

    public static func merged(_ parts: [ComparisonPart]) -> ComparisonPart {
        let scenarios = parts.first?.runs.count ?? 0
        return ComparisonPart(runs: (0..<scenarios).map { scenario in
            parts.flatMap { $0.runs[scenario] }.sorted { $0.replication < $1.replication }
        })
    }
}

/// A pricing study's part: per fault-rate case (base, then the sensitivity cases), the priced
/// figures of the replications held. Costs follow from the figures and the plan, so they are
/// computed after the merge.
public struct PricingPart: ShardPart {
    /// Per case, the replications' figures, in order.
    public var cases: [[PricingFigures]]

    public var units: [Int] { cases.first?.map(\.replication) ?? [] }

    public static func merged(_ parts: [PricingPart]) -> PricingPart {
        let count = parts.first?.cases.count ?? 0
        return PricingPart(cases: (0..<count).map { index in
            parts.flatMap { $0.cases[index] }.sorted { $0.replication < $1.replication }
        })
    }
}
