import ArgumentParser
import Experiments
import Reporting

/// `faultline merge`: the report of a folder of shard files, byte for byte what the one-machine
/// command writes.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of a sharded run, compare, price or study into its report.",
        discussion: """
            Reads every shard-K-of-N.json in the folder (written by `--shard K/N --shard-out \
            folder`), checks that every shard of one plan is there exactly once, rebuilds the \
            plan from the recorded arguments (the scenario or study file must be where the \
            shards read it, unchanged) and writes the same --json, --csv and --html as the \
            one-machine command, byte for byte. A merge does not know the shards' wall time, \
            so its JSON never has the timing: compare it with a run given --omit-timing.

            Exit codes: 0 done; 1 a study whose targets some mix cannot meet (as `study`); 2 a missing, duplicated, truncated or foreign shard, or a plan \
            changed since the shards ran (the file named; nothing written).

            Examples:
              faultline run --replications 8 --shard 0/2 --shard-out shards
              faultline run --replications 8 --shard 1/2 --shard-out shards
              faultline merge shards --json run.json --csv run-csv --html run.html
            """
    )

    @Argument(help: ArgumentHelp("The folder of shard files.", valueName: "folder"))
    var folder: String

    @OptionGroup var outputs: OutputOptions

    func run() throws {
        let merged: (report: Report, succeeded: Bool)
        do {
            merged = try Self.report(try ShardFolder.read(folder))
        } catch let error as ShardError {
            throw UserError(error.description)
        }
        try outputs.write(merged.report)
        print(TerminalRenderer.render(merged.report))
        if !merged.succeeded { throw ExitCode(1) }
    }

    /// The report of the shards' command, and whether it calls for exit 0.
    static func report(_ shards: ShardFolder) throws -> (report: Report, succeeded: Bool) {
        switch shards.header.command {
        case RunPlan.command: return try RunPlan.merge(shards)
        case ComparePlan.command: return try ComparePlan.merge(shards)
        case PricePlan.command: return try PricePlan.merge(shards)
        case StudyPlan.command: return try StudyPlan.merge(shards)
        default:
            throw UserError("\(shards.entries[0].path): shards of `\(shards.header.command)`, which this FaultLine cannot merge")
        }
    }
}
