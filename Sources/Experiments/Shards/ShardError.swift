/// Why a shard could not be read or a set of shards cannot be merged. Each names the file
/// (or the folder) and says what was expected.
public enum ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--shard` text that is not `K/N` with whole numbers.
    case badShardText(String)
    /// `--shard K/N` with N < 1.
    case badShardCount(String)
    /// `--shard K/N` with K outside 0 ..< N.
    case badShardIndex(String)
    /// The shard folder is missing or cannot be listed.
    case unreadableFolder(String)
    /// The folder holds no `shard-*.json` file.
    case noShards(folder: String)
    /// A file that cannot be read, or is not a complete shard file (truncated, or not one).
    case notAShard(file: String, reason: String)
    /// A shard file written by another format of FaultLine's shard files.
    case otherFormat(file: String, found: String, expected: String)
    /// A shard of another plan (other command, scenario, seed, replications, options or version).
    case foreignPlan(file: String, plan: String, expected: String)
    /// A shard of the same plan cut into another number of shards.
    case otherShardCount(file: String, found: Int, expected: Int)
    /// Two files holding the same shard.
    case duplicate(file: String, other: String, shard: Shard)
    /// Shards of the plan with no file.
    case missing(folder: String, shards: [Shard])
    /// A shard file whose replications are not the ones its shard owns.
    case wrongReplications(file: String, found: [Int], expected: [Int])
    /// The plan rebuilt from the shards' recorded invocation differs from theirs (the scenario
    /// file or FaultLine changed since the shards ran).
    case planChanged(file: String)

    public var description: String {
        switch self {
        case .badShardText(let text): return "expected K/N with whole numbers (e.g. 0/4), got «\(text)»"
        case .badShardCount(let text): return "the shard count N must be at least 1, got «\(text)»"
        case .badShardIndex(let text): return "the shard index K must be from 0 to N − 1, got «\(text)»"
        case .unreadableFolder(let folder): return "\(folder): cannot list the shard folder (missing, or not a folder)"
        case .noShards(let folder): return "\(folder): no shard files (shard-K-of-N.json) in the folder"
        case .notAShard(let file, let reason): return "\(file): not a complete shard file (\(reason))"
        case .otherFormat(let file, let found, let expected):
            return "\(file): shard format «\(found)», this FaultLine reads «\(expected)»"
        case .foreignPlan(let file, let plan, let expected):
            return "\(file): a shard of another plan (\(Self.short(plan)); the other shards are of \(Self.short(expected)))"
        case .otherShardCount(let file, let found, let expected):
            return "\(file): a shard of \(found) shards, the others are of \(expected)"
        case .duplicate(let file, let other, let shard): return "\(file): shard \(shard) again (also in \(other))"
        case .missing(let folder, let shards):
            let names = shards.map(\.fileName).joined(separator: ", ")
            return "\(folder): shard\(shards.count == 1 ? "" : "s") \(shards.map(\.description).joined(separator: ", ")) missing (expected \(names))"
        case .wrongReplications(let file, let found, let expected):
            return "\(file): holds replications \(Self.list(found)), its shard owns \(Self.list(expected))"
        case .planChanged(let file):
            return "\(file): the plan rebuilt now differs from the one the shards ran (scenario file or FaultLine changed since)"
        }
    }

    private static func short(_ plan: String) -> String { "plan " + String(plan.prefix(12)) + "…" }

    private static func list(_ replications: [Int]) -> String {
        let shown = replications.prefix(6).map(String.init).joined(separator: ", ")
        return "[" + shown + (replications.count > 6 ? ", …" : "") + "]"
    }
}
