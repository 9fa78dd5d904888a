import ArgumentParser
import Foundation

/// The `faultline` command.
///
/// This is the only place where errors become messages and exit codes: 0 success, 1 a job that
/// ran but has something to report (e.g. rejected rows), 2 bad input (one line on stderr naming
/// the option, file, line or key path), never a crash or a stack trace.
@main
struct FaultLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faultline",
        abstract: "Simulate and judge telecom after-sales service: SLA compliance, credits, staffing.",
        discussion: """
            Every command prints a readable report on stdout; --json and --csv write files a \
            spreadsheet or script can read. Bad input gives a clear error naming the option, \
            or the file, line, column and key path, and exit code 2.
            """,
        version: FaultLine.version,
        subcommands: [
            RunCommand.self, CompareCommand.self, StaffCommand.self, PriceCommand.self, StudyCommand.self, MergeCommand.self, ClusterCommand.self,
            ValidateCommand.self,
            EvaluateCommand.self, FitCommand.self, RulesCommand.self, QueueCommand.self,
        ]
    )

    /// The release `--version` prints; CHANGELOG.md lists what each release changed.
    static let version = "0.9.0"

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UserError {
            fail(error.message)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            // Help and version requests are "errors" to ArgumentParser; let it print those.
            if exitCode(for: error) == .success { exit(withError: error) }
            fail(message(for: error).replacingOccurrences(of: "\n", with: " "))
        }
    }

    /// Prints `faultline: error: …` on stderr, one such line per line of the message, and exits
    /// with code 2 (bad input).
    static func fail(_ message: String) -> Never {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        FileHandle.standardError.write(Data(lines.map { "faultline: error: \($0)\n" }.joined().utf8))
        Foundation.exit(2)
    }
}

/// A problem with what the user gave us, already phrased for them (option, file, line, key).
/// Usually one line; a list of located problems (a rules file's) gives one line each.
struct UserError: Error {
    var message: String
    init(_ message: String) { self.message = message }
    init(_ lines: [String]) { self.message = lines.joined(separator: "\n") }
}
