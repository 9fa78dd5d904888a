import ArgumentParser
import Foundation
import Scenario
import SimCore
import SimRandom

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
        print(Self.summary(loaded, file: scenario))
    }

    /// The few figures a planner checks first: size, staffing, run length.
    static func summary(_ scenario: Scenario, file: String) -> String {
        var lines = ["\(file): valid scenario `\(scenario.name)`"]
        lines.append("  circuits      \(grouped(scenario.circuitCount)) in \(scenario.inventory.count) inventory rows")
        lines.append("  regions       \(scenario.regions.joined(separator: ", "))")
        lines.append("  crews         " + scenario.crews.map { region in
            "\(region.region) \(maximum(region.onDuty))+\(maximum(region.onCall)) on call"
        }.joined(separator: ", ") + " (most on duty at once)")
        lines.append("  agents        \(maximum(scenario.monitoringCentre.roster)) at most on duty")
        lines.append("  horizon       \(DurationText.text(minutes: scenario.horizonMinutes)) from \(scenario.start), "
                     + "warm-up \(DurationText.text(minutes: scenario.warmupMinutes))")
        lines.append("  replications  \(scenario.replications), seed \(scenario.seed)")
        if !scenario.variants.isEmpty {
            lines.append("  variants      \(scenario.variants.map(\.name).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    /// The most units on duty at once (the peak is always at some shift's start).
    private static func maximum(_ roster: Roster) -> Int {
        roster.shifts.map(\.startMinuteOfWeek).map { minute in
            roster.shifts.filter { $0.covers(minuteOfWeek: minute) }.reduce(0) { $0 + $1.capacity }
        }.max() ?? 0
    }

    private static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(digits.enumerated().flatMap { index, digit in
            (index > 0 && (digits.count - index) % 3 == 0 ? [","] : []) + [digit]
        })
    }
}
