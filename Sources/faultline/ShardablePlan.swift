import Experiments
import Reporting

/// A command's plan that can be cut into shards: built from the arguments recorded in every
/// shard file, with a digest of everything that decides its report, and one report from the
/// merged part. A one-machine run, each shard and `faultline merge` all go through it.
protocol ShardablePlan {
    /// The arguments that decide the plan.
    associatedtype Invocation: Codable & Sendable
    /// A shard's results.
    associatedtype Part: ShardPart

    /// The command's name (`run`, `compare`, …), written in each shard's header.
    static var command: String { get }
    /// Loads the plan's inputs and applies the options, as the command does.
    init(_ invocation: Invocation) throws
    /// The arguments it was built from.
    var invocation: Invocation { get }
    /// Everything that decides the report's bytes, FaultLine's version included.
    var digest: PlanDigest { get }
    /// How many units of work (replications, or a study's plans) the plan has.
    var units: Int { get }
    /// The units `shard` computes (default: replication r goes to shard r mod N).
    func units(of shard: Shard) -> [Int]
    /// Whether the merged results call for exit 0 (default: always).
    func succeeded(_ part: Part) -> Bool
    /// The report of the whole plan's part (every unit once); `timing` nil leaves it out.
    func report(_ part: Part, timing: Timing?) -> Report
}

extension ShardablePlan {
    func units(of shard: Shard) -> [Int] { shard.replications(of: units) }

    func succeeded(_ part: Part) -> Bool { true }

    /// The file a shard writes.
    typealias File = ShardFile<Invocation, Part>

    /// The shard file of `part`, computed by `shard`.
    func shardFile(_ shard: Shard, _ part: Part) -> File {
        File(command: Self.command, plan: digest, shard: shard, invocation: invocation, part: part)
    }

    /// Writes `part` as `shard`'s file (`--shard-out`) when sharding, else returns the report of
    /// the part, which then holds every unit.
    func finish(_ part: Part, sharding: ShardOptions, timing: Timing) throws -> Report? {
        if let shard = sharding.shard {
            try sharding.write(shardFile(shard, part), holding: "\(part.units.count) of \(units) \(Self.unitName)")
            return nil
        }
        return report(part, timing: timing)
    }

    /// What a unit of work is called in messages.
    static var unitName: String { "replications" }

    /// The report of a folder of this command's shards, and whether it calls for exit 0: the
    /// plan rebuilt from shard 0's arguments must have the shards' digest, and each shard must
    /// hold exactly its units.
    static func merge(_ folder: ShardFolder) throws -> (report: Report, succeeded: Bool) {
        let files = try folder.decode(File.self)
        let plan = try Self(files[0].file.invocation)
        guard plan.digest.hex == folder.header.plan else { throw ShardError.planChanged(file: files[0].path) }
        for (path, file) in files where file.part.units != plan.units(of: file.header.shard) {
            throw ShardError.wrongReplications(file: path, found: file.part.units, expected: plan.units(of: file.header.shard))
        }
        let part = Part.merged(files.map(\.file.part))
        return (plan.report(part, timing: nil), plan.succeeded(part))
    }
}
