import Foundation

/// Talks to Slurm through its commands (`sbatch`, `squeue`, `scontrol`); needs no accounting
/// database, so it works on clusters and test set-ups without `sacct`.
struct SlurmQueue {
    /// The job ids of one submission.
    struct Jobs {
        var array: String
        var merge: String
    }

    /// What `wait` found.
    struct Outcome {
        var lines: [String]
        var succeeded: Bool
    }

    /// Submits the array, then the merge with `afterok` on it (cancelled if a task fails).
    func submit(_ scripts: SlurmScripts) throws -> Jobs {
        let array = try jobId(sbatch(["--parsable", scripts.arrayPath]))
        let merge = try jobId(sbatch(["--parsable", "--dependency=afterok:\(array)", "--kill-on-invalid-dep=yes",
                                      scripts.mergePath]))
        return Jobs(array: array, merge: merge)
    }

    /// Polls `squeue` until neither job is queued or running, then reads each task's and the
    /// merge's final state from `scontrol show job`.
    func wait(for jobs: Jobs, _ scripts: SlurmScripts, started: ContinuousClock.Instant) throws -> Outcome {
        while try !run("squeue", ["-h", "-j", "\(jobs.array),\(jobs.merge)", "-o", "%i"]).trimmed.isEmpty {
            Thread.sleep(forTimeInterval: 0.5)
        }
        let taskStates = states(try run("scontrol", ["-o", "show", "job", jobs.array]))
        let mergeState = states(try run("scontrol", ["-o", "show", "job", jobs.merge])).values.first
        var lines: [String] = []
        for task in 0..<scripts.invocation.shards {
            let state = taskStates[task] ?? (state: "UNKNOWN", exit: "?")
            if state.state != "COMPLETED" {
                lines.append("task \(task) failed: \(state.state), exit code \(state.exit); log \(scripts.logFolder)/shard-\(task).out")
            }
        }
        let merged = mergeState?.state == "COMPLETED"
        let seconds = ((ContinuousClock.now - started) / .milliseconds(100)).rounded() / 10
        lines.append(merged ? "merge job \(jobs.merge) done (\(seconds) s after submission)"
                     : "merge job \(jobs.merge) did not complete: \(mergeState?.state ?? "UNKNOWN")")
        return Outcome(lines: lines, succeeded: merged && lines.count == 1)
    }

    /// Job state and exit code per array task index (a plain job is index 0), from one line per job.
    private func states(_ text: String) -> [Int: (state: String, exit: String)] {
        var result: [Int: (state: String, exit: String)] = [:]
        for line in text.split(separator: "\n") {
            var fields: [String: String] = [:]
            for word in line.split(separator: " ") {
                let pair = word.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let state = fields["JobState"] else { continue }
            result[Int(fields["ArrayTaskId"] ?? "0") ?? 0] = (state, fields["ExitCode"] ?? "?")
        }
        return result
    }

    private func jobId(_ output: String) throws -> String {
        let id = String(output.trimmed.split(separator: ";").first ?? "")
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else { throw UserError("sbatch: no job id in its answer «\(output.trimmed)»") }
        return id
    }

    private func sbatch(_ arguments: [String]) throws -> String { try run("sbatch", arguments) }

    /// Runs a Slurm command found on PATH; a failure is a one-line error with its message.
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw UserError("\(tool): cannot start it (\(error.localizedDescription))")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UserError("\(tool) \(arguments.joined(separator: " ")): \(problem.trimmed.isEmpty ? "exit \(process.terminationStatus)" : problem.trimmed)")
        }
        return text
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
