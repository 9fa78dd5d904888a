import ArgumentParser
import Foundation
import Scenario
import Reporting

/// `faultline validate`: checks a scenario file and everything it names, reporting every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and print a summary, or every problem found.",
        discussion: """
            Reads the scenario, the file it extends and its rules file, and checks every key, \
            unit, name and cross-reference (docs/scenario-format.md). A valid scenario prints a \
            short summary and exits 0. Otherwise every problem is printed on stderr, one per \
            line as `file:line:column: key.path: message`, and the exit code is 2.

            Examples:
              faultline validate scenarios/baseline.yaml
              faultline validate scenarios/storm-season.yaml
            """
    )

    @Argument(help: ArgumentHelp("The scenario file (YAML).", valueName: "scenario"))
    var scenario: String

    func run() throws {
        let loaded: Scenario
        do {
            loaded = try Scenario.load(path: scenario)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        print(TerminalRenderer.render(ValidateReport(file: scenario, scenario: loaded).report))
    }
}
