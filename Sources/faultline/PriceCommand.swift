import ArgumentParser
import Experiments
import Foundation
import Scenario

/// `faultline price`: the cost to serve a circuit of each tier for a month, the credits it is
/// expected to draw, its protection, and the fee that breaks even.
struct PriceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price",
        abstract: "Cost to serve per tier per circuit-month, expected credits, break-even fee and margin, with sensitivity.",
        discussion: """
            Simulates the scenario's replications and attributes the work to tiers: each \
            ticket's crew time (call-out, travel, repair) and agent time (intake, confirmation). \
            Per tier and circuit-month it reports the direct cost (the tier's own work hours × \
            the scenario's costs), the fully loaded cost (the year's roster cost spread over the \
            tiers in proportion to their busy hours; installs' share shown on its own line), \
            claimed credits (mean and empirical p95 across replications), protection (costs.protection \
            by network grade), the break-even fee = loaded cost + credits + protection, and the \
            margin at today's fees. Then the same with every fault rate × (1 − s) and × (1 + s), \
            with the same seed (common random numbers). Without a scenario file the built-in \
            baseline runs. See docs/price.md for what each figure means.

            Exit codes: 0 done; 2 an invalid scenario (every problem listed as \
            file:line:column: key.path: message) or a bad option.

            Examples:
              faultline price
              faultline price scenarios/baseline.yaml --replications 10 --json price.json --csv price/
              faultline price scenarios/twice-aaa.yaml --sensitivity 0.1 --seed 7
              faultline price my-study.yaml --sensitivity 0      # no sensitivity runs
              faultline price --replications 10 --html price.html
            """
    )

    @Argument(help: ArgumentHelp("The scenario file (YAML); the built-in baseline when omitted.", valueName: "scenario"))
    var scenario: String?

    @Option(help: ArgumentHelp("Replications per case (default: the scenario's).", valueName: "count"))
    var replications: Int?

    @Option(help: ArgumentHelp("Seed of the random streams, the same for every case (default: the scenario's).",
                               valueName: "seed"))
    var seed: UInt64?

    @Option(help: ArgumentHelp(
        "Threads running replications (default: one per core); results do not depend on it.", valueName: "count"))
    var threads: Int?

    @Option(help: ArgumentHelp(
        "Relative change of every fault rate for the sensitivity cases, in [0, 1); 0 runs none.", valueName: "share"))
    var sensitivity: Double = 0.2

    @Option(help: ArgumentHelp("Also write the results as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Also write price.csv and staff-cost.csv into this folder.", valueName: "folder"))
    var csv: String?

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (inline SVG, no network) to this file.",
                               valueName: "file"))
    var html: String?

    @Flag(help: "Leave the wall-clock timing out of the JSON, so it is byte-identical for a seed.")
    var omitTiming = false

    @OptionGroup var limits: RunLimitOptions

    func run() throws {
        guard sensitivity.isFinite, sensitivity >= 0, sensitivity < 1 else {
            throw UserError("--sensitivity must be at least 0 and below 1, got \(sensitivity)")
        }
        var loaded = try loadScenario()
        if let seed { loaded.seed = seed }
        let count = replications ?? loaded.replications
        let threadCount = try replicationThreads(replications: count, requested: threads)
        let study = PricingStudy(scenario: loaded, replications: count, sensitivity: sensitivity)
        try limits.check(study.faultFactors.map { factor in
            ("\(scenario ?? "built-in baseline")\(factor == 1 ? "" : " with fault rates × \(factor)")", loaded.scalingFaultRates(by: factor))
        }, threads: threadCount, replications: count * study.faultFactors.count)
        let timed = RunProgress.timed("replication", total: count * study.faultFactors.count) {
            study.run(threads: threadCount, progress: $0)
        }
        let context = PriceReport.Context(
            scenarioFile: scenario, scenario: loaded, results: timed.results, wallSeconds: timed.seconds, threads: threadCount)
        try writeFiles(context)
        print(PriceReport.terminal(context))
    }

    /// The scenario file, or the built-in baseline; problems are printed as `validate` prints them.
    private func loadScenario() throws -> Scenario {
        guard let scenario else { return Scenario.builtInBaseline }
        return try loadScenarioFile(scenario)
    }

    /// Renders every file first, then writes each atomically.
    private func writeFiles(_ context: PriceReport.Context) throws {
        var files = ReportFiles()
        try files.addJSON(to: json) { PriceReport.json(context, includeTiming: !omitTiming) }
        files.addHTML(to: html) { PriceReport.html(context) }
        try files.addCSV(into: csv) { try PriceReport.csvTables(context.results) }
        try files.write()
    }
}
