import Foundation

/// The two batch scripts of a sharded command: the job array of shards and the merge.
struct SlurmScripts {
    let invocation: ShardedInvocation
    /// The folder of scripts, logs and shards (absolute).
    let folder: String
    let partition: String?
    let time: String?

    var arrayPath: String { path("array.sbatch") }
    var mergePath: String { path("merge.sbatch") }
    var logFolder: String { path("logs") }

    /// The job array: task K computes shard K.
    var arrayScript: String {
        script(name: "faultline-\(invocation.command.rawValue)",
               directives: ["--array=0-\(invocation.shards - 1)", "--output=\(logFolder)/shard-%a.out"],
               command: invocation.shardCommand(index: "$SLURM_ARRAY_TASK_ID"))
    }

    /// The merge, submitted to run after every task succeeded.
    var mergeScript: String {
        script(name: "faultline-\(invocation.command.rawValue)-merge",
               directives: ["--output=\(logFolder)/merge.out"], command: invocation.mergeCommand)
    }

    /// Writes both scripts (executable) and creates the log folder, all or nothing.
    func write() throws {
        var files = ReportFiles()
        files.addFolder(folder, option: "--dir")
        files.addFolder(logFolder, option: "--dir")
        files.add(Array(arrayScript.utf8), to: arrayPath, option: "--dir")
        files.add(Array(mergeScript.utf8), to: mergePath, option: "--dir")
        try files.write()
    }

    private func script(name: String, directives: [String], command: String) -> String {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(name)", "#SBATCH --chdir=\(invocation.workingFolder)"]
        lines += directives.map { "#SBATCH \($0)" }
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        lines += ["set -euo pipefail", "exec \(command)"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}
