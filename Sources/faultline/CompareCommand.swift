import ArgumentParser
import Experiments
import Reporting

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

            --rules B.yaml compares rules instead of scenarios: the base scenario is simulated \
            and its tickets judged twice, by the scenario's rules and by them changed by B.yaml \
            (as evaluate --rules changes the built-in ones). Both sides simulate the base \
            (escalation follows the scenario's own limits) with the same seed, so each paired \
            difference is the change of rules alone, on identical tickets.

            Files: --csv writes comparison.csv (one row per variant and metric); --json the \
            comparison (keys in CHANGELOG.md); --html a page with each variant's difference \
            charts and metric table.

            Exit codes: 0 done; 2 an invalid scenario (every problem listed as \
            file:line:column: key.path: message), an unknown variant, scenarios that cannot be \
            paired, or a bad option.

            Examples:
              faultline compare scenarios/baseline.yaml scenarios/night-crew-cut.yaml
              faultline compare study.yaml --variant night-cut --json compare.json
              faultline compare base.yaml variant.yaml --independent --replications 40
              faultline compare scenarios/baseline.yaml scenarios/night-crew-cut.yaml --html compare.html
              faultline compare scenarios/baseline.yaml --rules sla-aa-60.yaml --replications 10
            """
    )

    @Argument(help: ArgumentHelp(
        "The base scenario, then variant scenarios (YAML).", valueName: "scenario"))
    var scenarios: [String] = []

    @Option(name: .customLong("variant"), help: ArgumentHelp(
        "An inline variant of the base file to compare (repeatable; default: all when only one file is given).",
        valueName: "name"))
    var variantNames: [String] = []

    @OptionGroup var replicationOptions: ReplicationOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Flag(help: "Give each variant independent random streams instead of the base's (to see what pairing buys).")
    var independent = false

    @Option(help: ArgumentHelp(
        "Rules file (YAML): judge the base's simulated tickets by its rules and by them changed by this file.",
        valueName: "B.yaml"))
    var rules: String?

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var limits: RunLimitOptions

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if let count = replicationOptions.replications, count < 2 {
            throw ValidationError("--replications must be at least 2 for a confidence interval, got \(count)")
        }
    }

    func run() throws {
        let plan = try ComparePlan(invocation)
        let count = plan.comparison.replications
        let scenarios = 1 + plan.inputs.variants.count
        let tasks = sharding.part.replications(of: count).count * scenarios
        let threads = replicationOptions.threadCount(replications: tasks)
        try limits.check([(plan.inputs.baseFile, plan.inputs.base)] + plan.inputs.variants.map { source in
            (source.inlineName.map { "\(source.file) variant «\($0)»" } ?? source.file, source.variant.scenario)
        }, threads: threads, replications: tasks)
        try sharding.refuseReportFiles(outputs)
        let timed = RunProgress.timed("run", total: tasks) {
            plan.comparison.part(shard: sharding.part, threads: threads, progress: $0)
        }
        guard let report = try plan.finish(timed.results, sharding: sharding,
                                           timing: Timing(wallSeconds: timed.seconds, threads: threads)) else { return }
        try outputs.write(report)
        print(TerminalRenderer.render(report))
    }

    /// The arguments that decide the plan.
    private var invocation: CompareInvocation {
        CompareInvocation(scenarios: scenarios, variantNames: variantNames, seed: replicationOptions.seed,
                          replications: replicationOptions.replications, period: periodOptions.period,
                          independent: independent, rules: rules)
    }
}
