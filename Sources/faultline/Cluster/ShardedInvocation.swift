import ArgumentParser
import Foundation

/// The commands a batch scheduler can run in shards.
enum ShardableCommand: String, CaseIterable, ExpressibleByArgument {
    case run, compare, price, study

    /// The command's parser, to check its arguments before any script is written.
    var parser: any ParsableCommand.Type {
        switch self {
        case .run: return RunCommand.self
        case .compare: return CompareCommand.self
        case .price: return PriceCommand.self
        case .study: return StudyCommand.self
        }
    }
}

/// A command and its arguments as the scheduler runs them: every shard with `--shard K/N
/// --shard-out <folder>/shards`, and `faultline merge` with the report options (`--json`,
/// `--csv`, `--html`, `--omit-timing`), which only the merge writes.
struct ShardedInvocation {
    /// The command.
    var command: ShardableCommand
    /// Its arguments without the report options.
    var shardArguments: [String]
    /// The report options, for the merge.
    var mergeArguments: [String]
    /// How many shards.
    var shards: Int
    /// The shard folder (absolute).
    var shardFolder: String
    /// The faultline binary (absolute).
    var binary: String
    /// The folder the jobs run in (absolute): relative paths in the arguments resolve there.
    var workingFolder: String

    /// Splits `arguments` and checks them with the command's own parser (as shard 0 would
    /// parse them), so a bad argument is refused now rather than in every task.
    /// `binary`, `shardFolder` and `workingFolder` default to this process's executable,
    /// `folder`/shards and the current folder (a Slurm job sees this machine's file system); a
    /// container gives its own.
    init(command: ShardableCommand, arguments: [String], shards: Int, folder: String,
         binary: String? = nil, shardFolder: String? = nil, workingFolder: String? = nil) throws {
        self.command = command
        self.shards = shards
        (shardArguments, mergeArguments) = try Self.split(arguments)
        let current = FileManager.default.currentDirectoryPath
        self.workingFolder = workingFolder ?? current
        self.shardFolder = shardFolder ?? Self.absolute(((folder as NSString).appendingPathComponent("shards")), in: current)
        self.binary = binary ?? Self.currentBinary(in: current)
        if let taken = shardArguments.first(where: { $0.hasPrefix("--shard") }) {
            throw UserError("\(taken): the cluster command gives each task its --shard and --shard-out")
        }
        do {
            _ = try command.parser.parse(shardArguments + ["--shard", "0/\(shards)", "--shard-out", self.shardFolder])
        } catch {
            throw UserError("\(command.rawValue): " + command.parser.message(for: error).replacingOccurrences(of: "\n", with: " "))
        }
    }

    /// The report options taken out of `arguments` (`--json F`, `--json=F`, `--omit-timing`, …).
    static func split(_ arguments: [String]) throws -> (shard: [String], merge: [String]) {
        var shard: [String] = [], merge: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if argument == "--omit-timing" {
                merge.append(argument)
            } else if ["--json", "--csv", "--html"].contains(name) {
                merge.append(argument)
                if !argument.contains("=") {
                    guard index + 1 < arguments.count else { throw UserError("\(argument): missing value") }
                    index += 1
                    merge.append(arguments[index])
                }
            } else {
                shard.append(argument)
            }
            index += 1
        }
        return (shard, merge)
    }

    /// The shell line a task runs; `shardExpression` is the shell text of its index (e.g.
    /// `$SLURM_ARRAY_TASK_ID`).
    func shardCommand(index shardExpression: String) -> String {
        ([binary, command.rawValue] + shardArguments).map(shellQuoted).joined(separator: " ")
            + " --shard \"\(shardExpression)/\(shards)\" --shard-out " + shellQuoted(shardFolder)
    }

    /// The shell line of the merge.
    var mergeCommand: String {
        ([binary, "merge", shardFolder] + mergeArguments).map(shellQuoted).joined(separator: " ")
    }

    static func absolute(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// This process's executable, absolute (the scripts must not depend on PATH).
    private static func currentBinary(in folder: String) -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return absolute(CommandLine.arguments[0], in: folder)
    }
}

/// `text` as one shell word, in single quotes unless it needs none.
func shellQuoted(_ text: String) -> String {
    let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-=+:,@%")
    if !text.isEmpty, text.unicodeScalars.allSatisfy(plain.contains) { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
