import RepairModel
import Scenario
import ServiceRules
import SimCore

/// The tickets of one tier that reached one escalation level in one replication, and how their
/// restorations were judged: what the level was reached for and what it bought.
public struct EscalationCount: Sendable, Hashable, Codable {
    /// Index of the level in `Scenario.escalation.levels`.
    public var level: Int
    /// The tier the tickets are judged under.
    public var tier: String
    /// Tickets in the log that reached the level before their repair.
    public var reached = 0
    /// The restoration check of those tickets (outage tickets whose restoration was judged).
    public var restoration = CheckCount()

    fileprivate mutating func count(_ ticket: TicketEvaluation) {
        reached += 1
        restoration.add(ticket.restoration)
    }
}

/// One replication's ``EscalationCount``s, taken one judged ticket at a time.
struct EscalationTally {
    private var counts: [Int: [String: EscalationCount]] = [:]

    /// Counts a judged ticket at each level of `levels` (bit `l`: it reached level `l`).
    mutating func count(_ ticket: TicketEvaluation, levels: UInt64) {
        var levels = levels
        while levels != 0 {
            let level = levels.trailingZeroBitCount
            levels &= levels - 1
            counts[level, default: [:]][ticket.tier, default: EscalationCount(level: level, tier: ticket.tier)].count(ticket)
        }
    }

    /// Counts per level (in level order) and tier (in `tierOrder`, the evaluation's); pairs no
    /// ticket reached are left out.
    func counts(tierOrder: [String]) -> [EscalationCount] {
        counts.keys.sorted().flatMap { level in tierOrder.compactMap { counts[level]?[$0] } }
    }
}

/// One escalation level in one tier (or `all`) across the replications.
public struct EscalationResult: Sendable {
    /// The level's name.
    public var level: String
    /// A tier, or `all` for every tier.
    public var tier: String
    /// Tickets reaching the level per year (0 in a replication where none did).
    public var perYear: Estimate
    /// Share of their judged restorations met, over the replications where one was judged.
    public var restorationMet: Estimate?

    /// Per level (scenario order): each tier any replication had (in `tierOrder`, the
    /// catalogue's), then `all`.
    static func all(_ figures: [ReplicationFigures], levels: [EscalationLevel], tierOrder: [String]) -> [EscalationResult] {
        levels.indices.flatMap { level -> [EscalationResult] in
            let reached = Set(figures.flatMap { $0.escalations.filter { $0.level == level }.map(\.tier) })
            let rows = tierOrder.filter(reached.contains).map { tier in
                EscalationResult(level: levels[level].name, tier: tier, figures.map { replication in
                    (replication.escalations.filter { $0.level == level && $0.tier == tier }, replication.windowSeconds)
                })
            }
            let all = EscalationResult(level: levels[level].name, tier: "all", figures.map { replication in
                (replication.escalations.filter { $0.level == level }, replication.windowSeconds)
            })
            return rows + [all]
        }
    }

    /// One row from each replication's counts that belong to it.
    init(level: String, tier: String, _ replications: [(counts: [EscalationCount], windowSeconds: Int64)]) {
        self.level = level
        self.tier = tier
        perYear = Estimate(replications.map { counts, window in
            Double(counts.reduce(0) { $0 + $1.reached }) * ExperimentResults.secondsPerYear / Double(window)
        })!
        restorationMet = Estimate(replications.compactMap { counts, _ in
            var total = CheckCount()
            for count in counts { total.add(count.restoration) }
            return total.fraction
        })
    }
}

extension EscalationResult: Encodable {
    private enum Key: String, CodingKey { case level, tier, perYear, restorationMet }

    /// `level`, `tier`, `perYear` and `restorationMet` (null when no restoration was judged).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(level, forKey: .level)
        try container.encode(tier, forKey: .tier)
        try container.encode(perYear, forKey: .perYear)
        try container.encode(restorationMet, forKey: .restorationMet)
    }
}
