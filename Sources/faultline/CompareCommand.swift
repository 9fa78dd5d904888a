import ArgumentParser
import Experiments
import Foundation
import Scenario
import ServiceRules

/// `faultline compare`: runs a base scenario and variants of it with common random numbers and
/// reports, per metric, the paired difference variant − base with its confidence interval.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios on the same faults: paired differences with 95 % confidence intervals.",
        discussion: """
            Runs the base scenario and each variant for the same replications with common random \
            numbers: every run uses the base's seed, so replication r of a variant sees the \
            faults (and the per-ticket work) replication r of the base saw, wherever the \
            inventory is the same. Each metric's difference variant − base is taken replication \
            by replication; the report gives its mean ± the half-width of a 95 % Student-t \
            interval, marked significant when the interval excludes 0, and better or worse by \
            the metric's direction (compliance up is better; credits and utilisation down). \
            A replication where either side has no value for a metric (a check that never \
            applied) is left out of that metric and counted as skipped.

            Variants are the other files given, and the base file's inline `variants:` picked \
            with --variant (all of them when only one file is given). The scenarios must share \
            start, horizon and warm-up. A variant file's own seed is not used. --independent \
            gives each variant a seed of its own instead (derived from the base's), to show how \
            much wider the intervals are without common random numbers.

            Exit codes: 0 done; 2 an invalid scenario (every problem listed as \
            file:line:column: key.path: message), an unknown variant, scenarios that cannot be \
            paired, or a bad option.

            Examples:
              faultline compare scenarios/baseline.yaml scenarios/night-crew-cut.yaml
              faultline compare study.yaml --variant night-cut --json compare.json
              faultline compare base.yaml variant.yaml --independent --replications 40
              faultline compare scenarios/baseline.yaml scenarios/night-crew-cut.yaml --html compare.html
            """
    )

    @Argument(help: ArgumentHelp(
        "The base scenario, then variant scenarios (YAML).", valueName: "scenario"))
    var scenarios: [String] = []

    @Option(name: .customLong("variant"), help: ArgumentHelp(
        "An inline variant of the base file to compare (repeatable; default: all when only one file is given).",
        valueName: "name"))
    var variantNames: [String] = []

    @Option(help: ArgumentHelp("Replications of each scenario, at least 2 (default: the base's).", valueName: "count"))
    var replications: Int?

    @Option(help: ArgumentHelp("Seed of every run's random streams (default: the base's).", valueName: "seed"))
    var seed: UInt64?

    @Option(help: ArgumentHelp(
        "Threads running replications (default: one per core); results do not depend on it.", valueName: "count"))
    var threads: Int?

    @Option(help: ArgumentHelp("Also write the comparison as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Also write comparison.csv (one row per variant and metric) into this folder.",
                               valueName: "folder"))
    var csv: String?

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (inline SVG, no network) to this file.",
                               valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Availability period: month, quarter or year.", valueName: "period"))
    var period: String = PeriodKind.month.rawValue

    @Flag(help: "Give each variant independent random streams instead of the base's (to see what pairing buys).")
    var independent = false

    @Flag(help: "Leave the wall-clock timing out of the JSON, so it is byte-identical for a seed.")
    var omitTiming = false

    @OptionGroup var limits: RunLimitOptions

    func run() throws {
        let periodKind = try parsePeriodOption(period)
        var plan = try CompareInputs.load(files: scenarios, variantNames: variantNames)
        if let seed { plan.base.seed = seed }
        let count = replications ?? plan.base.replications
        if count < 2 { throw UserError("--replications must be at least 2 for a confidence interval, got \(count)") }
        let tasks = count * (1 + plan.variants.count)
        let threadCount = try replicationThreads(replications: tasks, requested: threads)
        try limits.check([(plan.baseFile, plan.base)] + plan.variants.map { source in
            (source.inlineName.map { "\(source.file) variant «\($0)»" } ?? source.file, source.variant.scenario)
        }, threads: threadCount, replications: tasks)
        let comparison = Comparison(base: plan.base, variants: plan.variants.map(\.variant), replications: count,
                                    period: periodKind, pairing: independent ? .independent : .common)
        let timed = RunProgress.timed("run", total: tasks) { comparison.run(threads: threadCount, progress: $0) }
        let context = CompareReport.Context(
            inputs: plan, results: timed.results, wallSeconds: timed.seconds, threads: threadCount)
        try writeFiles(context)
        print(CompareReport.terminal(context))
    }

    /// Renders every file first, then writes each atomically.
    private func writeFiles(_ context: CompareReport.Context) throws {
        var files = ReportFiles()
        try files.addJSON(to: json) { CompareReport.json(context, includeTiming: !omitTiming) }
        files.addHTML(to: html) { CompareReport.html(context) }
        try files.addCSV(into: csv) { [try CompareReport.csvTable(context.results)] }
        try files.write()
    }
}
