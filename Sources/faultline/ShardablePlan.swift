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
    /// How many units of work (replications) the plan has.
    var units: Int { get }
    /// The report of the whole plan's part (every unit once); `timing` nil leaves it out.
    func report(_ part: Part, timing: Timing?) -> Report
}

extension ShardablePlan {
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
            try sharding.write(shardFile(shard, part), holding: "\(part.units.count) of \(units) replications")
            return nil
        }
        return report(part, timing: timing)
    }

    /// The report of a folder of this command's shards: the plan rebuilt from shard 0's
    /// arguments must have the shards' digest, and each shard must hold exactly its units.
    static func merge(_ folder: ShardFolder) throws -> Report {
        let files = try folder.decode(File.self)
        let plan = try Self(files[0].file.invocation)
        guard plan.digest.hex == folder.header.plan else { throw ShardError.planChanged(file: files[0].path) }
        for (path, file) in files where file.part.units != file.header.shard.replications(of: plan.units) {
            throw ShardError.wrongReplications(file: path, found: file.part.units,
                                               expected: file.header.shard.replications(of: plan.units))
        }
        return plan.report(Part.merged(files.map(\.file.part)), timing: nil)
    }
}
