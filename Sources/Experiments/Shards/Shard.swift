/// One part of a run cut into shards: shard `index` of `count`, `index` from 0.
///
/// Replication r belongs to shard r mod `count`. Which shard runs a replication depends on the
/// count, but what a replication computes never does: its random streams are derived from
/// (seed, replication, stream name) alone, so every split of a run computes the same figures.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// This shard's position, 0 ..< `count`.
    public let index: Int
    /// How many shards the run is cut into (at least one).
    public let count: Int

    /// The whole run as one shard.
    public static let whole = Shard(uncheckedIndex: 0, count: 1)

    /// Shard `index` of `count`; nil unless `count` ≥ 1 and 0 ≤ `index` < `count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `K/N` (K from 0); the error says what is wrong with the text.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .badShardText(text)
        }
        guard count >= 1 else { throw .badShardCount(text) }
        guard let shard = Shard(index: index, count: count) else { throw .badShardIndex(text) }
        self = shard
    }

    /// Whether replication `replication` is this shard's.
    public func owns(replication: Int) -> Bool { replication % count == index }

    /// This shard's replications of a run of `total`, in increasing order.
    public func replications(of total: Int) -> [Int] {
        Array(stride(from: index, to: total, by: count))
    }

    /// The name of this shard's file in the shard folder: `shard-K-of-N.json`.
    public var fileName: String { "shard-\(index)-of-\(count).json" }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
