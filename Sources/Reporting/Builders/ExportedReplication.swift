import Experiments
import ServiceRules

/// One replication written by `run --export-tickets`, with the rule engine's own evaluation of
/// it, so `evaluate` on the written files can be compared with it figure by figure.
public struct ExportedReplication: Sendable, Encodable {
    /// The folder holding `circuits.csv` and `tickets.csv`.
    public var folder: String
    /// The replication index.
    public var replication: Int
    /// Circuits written.
    public var circuits: Int
    /// Tickets written.
    public var tickets: Int
    /// The engine's evaluation of the replication.
    public var evaluation: Evaluation

    /// An exported replication.
    public init(folder: String, replication: Int, circuits: Int, tickets: Int, evaluation: Evaluation) {
        self.folder = folder
        self.replication = replication
        self.circuits = circuits
        self.tickets = tickets
        self.evaluation = evaluation
    }

    private enum Key: String, CodingKey { case folder, replication, circuits, tickets, periods, byTier, totals }

    /// Like `evaluate`'s summary: `periods`, `byTier` and `totals`, plus what was written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(folder, forKey: .folder)
        try container.encode(replication, forKey: .replication)
        try container.encode(circuits, forKey: .circuits)
        try container.encode(tickets, forKey: .tickets)
        try encodeSummary(of: evaluation, into: &container)
    }
}

/// An evaluation's `periods` ({kind, first, last}), `byTier` (every tier of the
/// catalogue, by key) and `totals`, as `evaluate` and `run --export-tickets` write them.
func encodeSummary<Key: CodingKey>(of evaluation: Evaluation, into container: inout KeyedEncodingContainer<Key>) throws {
    var periods = container.nestedContainer(keyedBy: NameKey.self, forKey: Key(stringValue: "periods")!)
    try periods.encode(evaluation.periodKind.rawValue, forKey: NameKey("kind"))
    try periods.encode(evaluation.firstPeriod, forKey: NameKey("first"))
    try periods.encode(evaluation.lastPeriod, forKey: NameKey("last"))
    var tiers = container.nestedContainer(keyedBy: NameKey.self, forKey: Key(stringValue: "byTier")!)
    for tier in evaluation.byTier { try tiers.encode(TierFigures(tier), forKey: NameKey(tier.tier)) }
    try container.encode(TierFigures(evaluation.totals), forKey: Key(stringValue: "totals")!)
}
