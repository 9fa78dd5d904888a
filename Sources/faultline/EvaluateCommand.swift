import ArgumentParser
import Foundation
import Reporting
import ServiceRules
import TicketLog

/// `faultline evaluate`: judges a real ticket log with the rule engine.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Judge a real ticket log: SLA compliance, availability, repeat faults and credits per tier.",
        discussion: """
            Reads an inventory (circuits.csv) and a ticket log (tickets.csv), judges every ticket \
            and every circuit-period with the rule engine (built-in rules, or the built-in rules \
            changed by --rules; see docs/rules-format.md) and prints a summary per tier with the \
            totals over all tiers. A rules file with `versions:` judges each ticket by the \
            version in force when it was reported and each circuit-period by the one in force \
            at its start, and the report says how many each version judged. Every data row is \
            either evaluated or rejected with its file, line and reason: read = evaluated + \
            rejected. The first 20 rejected rows are printed; \
            --json (rows.rejected) and --csv (rejected.csv) hold them all.

            Files: --csv writes by-tier.csv, rejected.csv, tickets.csv and circuit-periods.csv \
            (the last two left out by --summary-only); --json the same as one document (keys in \
            CHANGELOG.md); --html a one-page report. The written circuits.csv and tickets.csv of \
            `faultline run --export-tickets` are in the format read here.

            Exit codes: 0 every row evaluated; 1 some rows rejected (listed); 2 a file cannot be \
            read at all, the rules file is invalid, or an option is bad.

            Examples:
              faultline evaluate --inventory examples/circuits.csv --tickets examples/tickets.csv
              faultline evaluate --inventory circuits.csv --tickets tickets.csv --rules rules.yaml \\
                --period quarter --json out.json --csv out/
            """
    )

    @Option(help: ArgumentHelp("Inventory CSV, one circuit per row.", valueName: "circuits.csv"))
    var inventory: String

    @Option(help: ArgumentHelp("Ticket log CSV, one ticket per row.", valueName: "tickets.csv"))
    var tickets: String

    @Option(help: ArgumentHelp("Rules file (YAML) changing the built-in rules.", valueName: "rules.yaml"))
    var rules: String?

    @OptionGroup var periodOptions: PeriodOptions

    @OptionGroup var outputs: OutputOptions

    @Flag(help: "Leave the per-ticket and per-circuit-period tables out of the JSON and CSV output.")
    var summaryOnly = false

    func run() throws {
        let versions = try loadRules(rulesFile: rules, option: "--rules")
        let outcome: EvaluationOutcome
        do {
            outcome = try EvaluationOutcome.judge(inventoryPath: inventory, ticketsPath: tickets, rules: versions,
                                                  period: periodOptions.period, summaryOnly: summaryOnly)
        } catch {
            throw UserError(error.description)
        }
        let report = EvaluateReport(outcome: outcome, rules: rules, summaryOnly: summaryOnly,
                                              fullList: fullListPlace()).report
        var files = ReportFiles()
        try outputs.add(report, to: &files)
        print(TerminalRenderer.render(report))
        try files.write()
        let rejected = !outcome.rejected.isEmpty
        keepUntilExit((outcome, report))   // the process ends now: freeing a million circuits would only delay it
        if rejected { throw ExitCode(1) }
    }

    /// Where the terminal report tells a reader to find the full list of rejected rows.
    private func fullListPlace() -> String? {
        if let json = outputs.json { return "\(json) (rows.rejected)" }
        if let csv = outputs.csv { return (csv as NSString).appendingPathComponent("rejected.csv") }
        return nil
    }
}
