import Foundation

/// The shard files of one plan in a folder, checked to be complete: every shard exactly once,
/// all of one plan and one shard count. Anything else is a ``ShardError`` naming the file.
public struct ShardFolder: Sendable {
    /// One shard's file: where it is, its header and its bytes (decoded by the command that merges).
    public struct Entry: Sendable {
        /// The file's path.
        public var path: String
        /// Its header.
        public var header: ShardHeader
        /// Its whole text.
        public var bytes: [UInt8]
    }

    /// The folder.
    public let folder: String
    /// One entry per shard, in shard order.
    public let entries: [Entry]

    /// The plan's header (shard 0's).
    public var header: ShardHeader { entries[0].header }

    /// Reads every `shard-*.json` file of `folder` and checks that they make one whole plan.
    public static func read(_ folder: String) throws(ShardError) -> ShardFolder {
        let found = try shardFiles(in: folder).map { path throws(ShardError) in try readHeader(path) }
        guard !found.isEmpty else { throw .noShards(folder: folder) }
        let plan = mostCommon(found.map(\.header.plan))
        var byIndex: [Int: Entry] = [:]
        let count = mostCommon(found.filter { $0.header.plan == plan }.map(\.header.shard.count))
        for entry in found {
            guard entry.header.plan == plan else {
                throw .foreignPlan(file: entry.path, plan: entry.header.plan, expected: plan)
            }
            guard entry.header.shard.count == count else {
                throw .otherShardCount(file: entry.path, found: entry.header.shard.count, expected: count)
            }
            if let other = byIndex[entry.header.shard.index] {
                throw .duplicate(file: entry.path, other: other.path, shard: entry.header.shard)
            }
            byIndex[entry.header.shard.index] = entry
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }.map { Shard(index: $0, count: count)! }
        guard missing.isEmpty else { throw .missing(folder: folder, shards: missing) }
        return ShardFolder(folder: folder, entries: (0..<count).map { byIndex[$0]! })
    }

    /// Every shard's file decoded, in shard order.
    public func decode<Invocation, Part>(_ type: ShardFile<Invocation, Part>.Type) throws(ShardError)
        -> [(path: String, file: ShardFile<Invocation, Part>)] {
        try entries.map { entry throws(ShardError) in (entry.path, try type.decode(entry.bytes, file: entry.path)) }
    }

    /// The paths of the folder's shard files, sorted by name.
    private static func shardFiles(in folder: String) throws(ShardError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .unreadableFolder(folder)
        }
        return names.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// A file's bytes and header; a file that is not a shard of this format is refused.
    private static func readHeader(_ path: String) throws(ShardError) -> Entry {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .notAShard(file: path, reason: "cannot be read")
        }
        struct HeaderOnly: Decodable { var header: ShardHeader }
        let header: ShardHeader
        do {
            header = try ShardCoding.decoder().decode(HeaderOnly.self, from: data).header
        } catch {
            throw .notAShard(file: path, reason: "truncated, or not written by `--shard-out`: \(ShardCoding.reason(error))")
        }
        guard header.format == ShardHeader.currentFormat else {
            throw .otherFormat(file: path, found: header.format, expected: ShardHeader.currentFormat)
        }
        return Entry(path: path, header: header, bytes: Array(data))
    }

    /// The value most files have (their plan, their shard count); on a tie, the first file's
    /// (by name) of those values.
    private static func mostCommon<Value: Hashable>(_ values: [Value]) -> Value {
        var counts: [Value: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let most = counts.values.max()!
        return values.first { counts[$0] == most }!
    }
}
