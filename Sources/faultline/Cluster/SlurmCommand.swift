import ArgumentParser
import Foundation

/// `faultline cluster slurm`: a job array running the shards and a merge job depending on it.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write (and submit) a Slurm job array of shards and a merge job that runs after it.",
        discussion: """
            Writes <dir>/array.sbatch, a job array (--array=0-(N-1)) whose task K runs \
            `faultline <command> <arguments> --shard K/N --shard-out <dir>/shards`, and \
            <dir>/merge.sbatch, which runs `faultline merge <dir>/shards` with the report \
            options (--json, --csv, --html, --omit-timing) taken from the arguments. Paths in \
            the scripts are absolute (this binary, the shard folder, the folder the jobs run \
            in, which is this one): <dir> must be on a file system every node sees. Logs go \
            to <dir>/logs.

            --submit submits the array with `sbatch --parsable` and the merge with \
            `--dependency=afterok:<array>` (it is cancelled if a task fails). --wait then \
            follows both with squeue and scontrol (no accounting needed) and names every \
            failed task.

            Exit codes: 0 written (and, with --wait, every task and the merge done); 1 a task \
            or the merge failed; 2 bad arguments, or sbatch refused a job.

            Examples:
              faultline cluster slurm run scenarios/baseline.yaml --replications 64 --json run.json \\
                --shards 16 --dir /shared/run1 --partition short --time 00:30:00 --submit --wait
            """
    )

    @Argument(help: ArgumentHelp("The command to shard: run, compare, price or study.", valueName: "command"))
    var command: ShardableCommand

    @Option(parsing: .unconditional, help: ArgumentHelp("Shards (tasks of the array).", valueName: "count"),
            transform: wholeNumber("--shards", atLeast: 1))
    var shards: Int

    @Option(help: ArgumentHelp("Folder for the scripts, logs and shards (shared by the nodes).", valueName: "folder"))
    var dir: String

    @Option(help: ArgumentHelp("Slurm partition of both jobs.", valueName: "partition"))
    var partition: String?

    @Option(help: ArgumentHelp("Slurm time limit of each task and of the merge (e.g. 00:30:00).", valueName: "time"))
    var time: String?

    @Flag(help: "Submit the array and the merge with sbatch.")
    var submit = false

    @Flag(help: "With --submit: wait for the jobs and report failed tasks (exit 1 if any).")
    var wait = false

    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The command's own arguments (its scenario, --replications, --json …).",
                                 valueName: "arguments"))
    var arguments: [String] = []

    func validate() throws {
        if wait, !submit { throw ValidationError("--wait needs --submit") }
    }

    func run() throws {
        let invocation = try ShardedInvocation(command: command, arguments: arguments, shards: shards, folder: dir)
        let scripts = SlurmScripts(invocation: invocation, folder: ShardedInvocation.absolute(dir, in: invocation.workingFolder),
                                   partition: partition, time: time)
        try scripts.write()
        print("wrote \(scripts.arrayPath) (\(shards) tasks) and \(scripts.mergePath)")
        guard submit else { return }
        let queue = SlurmQueue()
        let submitted = ContinuousClock.now
        let jobs = try queue.submit(scripts)
        print("submitted array job \(jobs.array) and merge job \(jobs.merge) (afterok:\(jobs.array))")
        guard wait else { return }
        let outcome = try queue.wait(for: jobs, scripts, started: submitted)
        for line in outcome.lines { print(line) }
        if !outcome.succeeded { throw ExitCode(1) }
    }
}
