import ArgumentParser
import Experiments
import Foundation
import Scenario
import ServiceRules

/// `faultline run`: simulates a scenario's replications and reports SLA compliance, penalty
/// exposure, staff load and where the time goes.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario: compliance, credits per year, staff load and stage times, with confidence intervals.",
        discussion: """
            Runs the scenario's replications in parallel (each an independent replication with \
            its own random streams; the warm-up is discarded) and judges each one's simulated \
            tickets with the rule engine. Figures are means across replications ± the half-width \
            of a 95 % Student-t confidence interval; credits are scaled from the observed window \
            (horizon − warm-up) to a year, with the empirical 95th and 99th percentiles of the \
            replication values. Without a scenario file the built-in baseline runs.

            The report also gives the fault-report check (the simulated report_sent_at judged \
            by the rule engine), the agents' progress updates (VIP-SL intervals), install \
            commitments (installs ordered and started in working hours) and the staff cost per \
            year: roster hours at the scenario's costs: rates plus the measured call-out hours. \
            A cell marked n=K rests on only K of the replications (the figure did not exist in \
            the others, e.g. no outage ticket of that tier).

            Exit codes: 0 done; 2 an invalid scenario (every problem listed as \
            file:line:column: key.path: message) or a bad option.

            Examples:
              faultline run
              faultline run scenarios/baseline.yaml --replications 40 --by region --json run.json
              faultline run --html report.html
              faultline run study.yaml --variant night-cut
              faultline run scenarios/storm-season.yaml --export-tickets sim/ && \\
                faultline evaluate --inventory sim/circuits.csv --tickets sim/tickets.csv
            """
    )

    @Argument(help: ArgumentHelp("The scenario file (YAML); the built-in baseline when omitted.", valueName: "scenario"))
    var scenario: String?

    @Option(help: ArgumentHelp("Run this inline variant of the scenario file (see `variants:`).", valueName: "name"))
    var variant: String?

    @Option(help: ArgumentHelp("Replications (default: the scenario's).", valueName: "count"))
    var replications: Int?

    @Option(help: ArgumentHelp("Seed of the random streams (default: the scenario's).", valueName: "seed"))
    var seed: UInt64?

    @Option(help: ArgumentHelp(
        "Threads running replications (default: one per core); results do not depend on it.", valueName: "count"))
    var threads: Int?

    @Option(help: ArgumentHelp("Also write the results as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp(
        "Also write a self-contained HTML report (charts, no network; prints one section per page) to this file.",
        valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp(
        "Also write by-tier.csv (by-<breakdown>.csv with --by), staff.csv, staff-cost.csv and stages.csv into this folder.",
        valueName: "folder"))
    var csv: String?

    @Option(help: ArgumentHelp("A second breakdown besides tier: product, grade or region.", valueName: "breakdown"))
    var by: String?

    @Option(help: ArgumentHelp(
        "Write one replication's circuits.csv and tickets.csv here, as `faultline evaluate` reads them.",
        valueName: "folder"))
    var exportTickets: String?

    @Option(help: ArgumentHelp("The replication --export-tickets writes (default 0).", valueName: "index"))
    var exportReplication: Int = 0

    @Option(help: ArgumentHelp("Availability period: month, quarter or year.", valueName: "period"))
    var period: String = PeriodKind.month.rawValue

    @Flag(help: "Leave the wall-clock timing out of the JSON, so it is byte-identical for a seed.")
    var omitTiming = false

    @OptionGroup var limits: RunLimitOptions

    func run() throws {
        let options = try checkedOptions()
        var loaded = try loadScenario()
        if let seed { loaded.seed = seed }
        let count = replications ?? loaded.replications
        let threadCount = try replicationThreads(replications: count, requested: threads)
        try limits.check([(scenario.map { file in variant.map { "\(file) variant «\($0)»" } ?? file } ?? "built-in baseline", loaded)],
                         threads: threadCount, replications: count)
        if exportTickets != nil, exportReplication >= count {
            throw UserError("--export-replication \(exportReplication) is not below the \(count) replications")
        }
        let experiment = Experiment(scenario: loaded, replications: count, period: options.period,
                                    breakdowns: options.breakdown.map { [$0] } ?? [])
        let timed = RunProgress.timed("replication", total: count) { progress in
            experiment.run(threads: threadCount, progress: progress)
        }
        let export = try exportTickets.map { try RunTicketExport.write(experiment, replication: exportReplication, to: $0) }
        let context = RunReport.Context(
            scenarioFile: scenario, scenario: loaded, results: timed.results, wallSeconds: timed.seconds,
            threads: threadCount, export: export)
        try writeFiles(context)
        print(RunReport.terminal(context))
    }

    /// The period and breakdown, or a one-line error naming the option.
    private func checkedOptions() throws -> (period: PeriodKind, breakdown: Breakdown?) {
        if exportReplication < 0 { throw UserError("--export-replication must not be negative, got \(exportReplication)") }
        let kind = try parsePeriodOption(period)
        guard let by else { return (kind, nil) }
        guard let breakdown = Breakdown(rawValue: by.lowercased()) else {
            throw UserError("--by: unknown breakdown «\(by)» (expected tier, product, grade or region)")
        }
        return (kind, breakdown)
    }

    /// The scenario file, or the built-in baseline; problems are printed as `validate` prints them.
    private func loadScenario() throws -> Scenario {
        guard let scenario else {
            if variant != nil { throw UserError("--variant needs a scenario file with `variants:`") }
            return Scenario.builtInBaseline
        }
        let loaded = try loadScenarioFile(scenario)
        guard let variant else { return loaded }
        guard let chosen = loaded.variants.first(where: { $0.name == variant }) else {
            throw UserError(CompareInputs.unknownVariant(variant, in: loaded, file: scenario))
        }
        return chosen.scenario
    }

    /// Renders every file first, then writes each atomically.
    private func writeFiles(_ context: RunReport.Context) throws {
        var files = ReportFiles()
        try files.addJSON(to: json) { RunReport.json(context, includeTiming: !omitTiming) }
        files.addHTML(to: html) { RunReport.html(context) }
        try files.addCSV(into: csv) { try RunReport.csvTables(context) }
        try files.write()
    }
}
