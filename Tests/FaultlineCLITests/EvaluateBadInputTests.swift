import Foundation
import Testing
import TestSupport

/// Input `faultline evaluate` cannot use at all: exit code 2, a located message on stderr, no
/// output file, no crash.
@Suite("evaluate: unusable input")
struct EvaluateBadInputTests {
    /// Runs with `circuits` and `tickets` written as given (nil: not written) and `--json out.json`.
    func refused(
        circuits: [String]? = EvaluateRun.twoCircuits, tickets: [String]? = EvaluateRun.twoTickets, _ extra: [String] = []
    ) throws -> (result: CommandResult, wroteJSON: Bool) {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        if let circuits { try run.write(circuits, to: "circuits.csv") }
        if let tickets { try run.folder.write(tickets.map { $0 + "\n" }.joined(), to: "tickets.csv") }
        let result = try run.run(["--inventory", "circuits.csv", "--tickets", "tickets.csv", "--json", "out.json"] + extra)
        return (result, run.bytes("out.json") != nil)
    }

    func expectOneLine(_ outcome: (result: CommandResult, wroteJSON: Bool), containing text: String) {
        #expect(outcome.result.exitCode == 2)
        #expect(!outcome.wroteJSON, "no output file when the input cannot be used")
        let lines = outcome.result.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("faultline: error: "), "\(outcome.result.standardError)")
        #expect(outcome.result.standardError.contains(text), "\(outcome.result.standardError)")
        #expect(!outcome.result.standardError.contains("Fatal error"))
    }

    @Test func missingFile() throws {
        expectOneLine(try refused(tickets: nil), containing: "tickets.csv: cannot read the file: No such file or directory")
    }

    @Test func emptyFile() throws {
        expectOneLine(try refused(tickets: []), containing: "tickets.csv: the file is empty (a header row is required)")
    }

    @Test func missingColumn() throws {
        let circuits = ["circuit_id,customer_grade,product,monthly_fee", "C-AT,group,sdh,3000"]
        expectOneLine(try refused(circuits: circuits), containing: "circuits.csv: line 1: required column missing from the header: tier")
    }

    @Test func unknownPeriod() throws {
        expectOneLine(try refused(["--period", "week"]), containing: "The value 'week' is invalid for '--period <period>'. Please provide one of 'month', 'quarter' or 'year'.")
    }

    @Test func invalidRulesFileListsEveryProblemWithItsLocation() throws {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        try run.write(EvaluateRun.twoCircuits, to: "circuits.csv")
        try run.write(EvaluateRun.twoTickets, to: "tickets.csv")
        try run.write(["tiers:", "  SLA-AA:", "    restorationLimt: 60m", "    availability: lots"], to: "bad.yaml")
        let result = try run.run(["--inventory", "circuits.csv", "--tickets", "tickets.csv", "--rules", "bad.yaml",
                                  "--json", "out.json"])
        #expect(result.exitCode == 2 && run.bytes("out.json") == nil)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 3, "\(result.standardError)")
        #expect(lines.contains { $0.contains("bad.yaml:3:5: tiers.SLA-AA.restorationLimt: unknown key") })
        #expect(lines.contains { $0.contains("bad.yaml:4:19: tiers.SLA-AA.availability:") })
    }

    /// A calendar without workdays made evaluate loop for ever looking for the next working day.
    @Test(arguments: [
        ("calendars: {standard: {workdays: []}}", "bad.yaml:1:34: calendars.standard.workdays: a calendar needs at least one workday"),
        ("calendars: {standard: {hours: []}}", "bad.yaml:1:31: calendars.standard.hours: a calendar needs working hours"),
        ("tiers: {SLA-AA: {faultReport: 99999999999999999999 working days}}",
         "bad.yaml:1:31: tiers.SLA-AA.faultReport: durations and working-day counts may be at most 36500 days"),
    ])
    func aRulesFileWithoutWorkingTimeOrWithAnEndlessLimitIsRefused(_ rules: String, _ message: String) throws {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        try run.write(EvaluateRun.twoCircuits, to: "circuits.csv")
        try run.write(EvaluateRun.twoTickets, to: "tickets.csv")
        try run.write([rules], to: "bad.yaml")
        let result = try run.run(["--inventory", "circuits.csv", "--tickets", "tickets.csv", "--rules", "bad.yaml",
                                  "--json", "out.json"])
        #expect(result.exitCode == 2 && run.bytes("out.json") == nil)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func unreadableRulesFile() throws {
        expectOneLine(try refused(["--rules", "nowhere.yaml"]), containing: "--rules: cannot read nowhere.yaml")
    }
}
