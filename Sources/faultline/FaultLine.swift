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
            spreadsheet or script can read. Bad input gives a one-line error and exit code 2.
            """,
        subcommands: [QueueCommand.self, ValidateCommand.self]
    )

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

    /// Prints `faultline: error: …` on stderr and exits with code 2 (bad input).
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("faultline: error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// A problem with what the user gave us, already phrased for them (option, file, line, key).
struct UserError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
