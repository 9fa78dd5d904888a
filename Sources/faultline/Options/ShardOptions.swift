import ArgumentParser
import Experiments
import Foundation

extension Shard: ExpressibleByArgument {
    /// `K/N`, K from 0 (`--shard 2/4`).
    public init?(argument: String) { try? self.init(parsing: argument) }
}

/// `--shard K/N` and `--shard-out DIR`, shared by the commands that can be cut into shards
/// (`run`, `compare`, `price`, `study`): compute part K of N and write it, as one shard file,
/// into DIR for `faultline merge` (docs/scale-out.md).
struct ShardOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Compute only shard K of N (K from 0) and write it to --shard-out; `faultline merge` makes the report.",
        valueName: "K/N"),
            transform: readShard)
    var shard: Shard?

    @Option(help: ArgumentHelp("The shared folder a --shard run writes its shard file into.", valueName: "folder"))
    var shardOut: String?

    func validate() throws {
        if shard != nil, shardOut == nil { throw ValidationError("--shard needs --shard-out (the folder for the shard file)") }
        if shardOut != nil, shard == nil { throw ValidationError("--shard-out needs --shard K/N") }
    }

    /// The shard to compute: the whole run unless `--shard` is given.
    var part: Shard { shard ?? .whole }

    /// Refuses the report files with `--shard`: a shard writes only its shard file, and
    /// `faultline merge` writes the report.
    func refuseReportFiles(_ outputs: OutputOptions, also others: [(option: String, given: Bool)] = []) throws {
        guard let shard else { return }
        let given = [("--json", outputs.json != nil), ("--csv", outputs.csv != nil), ("--html", outputs.html != nil)] + others
        if let option = given.first(where: \.1)?.0 {
            throw UserError("\(option) is not written by a shard (--shard \(shard)): give it to `faultline merge`")
        }
    }

    /// Writes `file` atomically as `--shard-out`/shard-K-of-N.json (the folder is created when
    /// missing) and prints one line saying what it holds.
    func write<Invocation, Part>(_ file: ShardFile<Invocation, Part>, holding: String) throws {
        guard let shardOut else { return }
        let bytes: [UInt8]
        do {
            bytes = try file.encoded()
        } catch {
            throw UserError("--shard-out: cannot encode the shard: \(error)")
        }
        let path = (shardOut as NSString).appendingPathComponent(file.header.shard.fileName)
        var files = ReportFiles()
        files.addFolder(shardOut, option: "--shard-out")
        files.add(bytes, to: path, option: "--shard-out")
        try files.write()
        print("\(file.header.command) shard \(file.header.shard) (plan \(file.header.plan.prefix(12))…): \(holding) → \(path)")
    }
}

/// Reads `--shard K/N`; a malformed value is refused saying what is expected.
@Sendable func readShard(_ text: String) throws -> Shard {
    do throws(ShardError) {
        return try Shard(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}
