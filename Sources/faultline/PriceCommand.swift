import ArgumentParser
import Experiments
import Reporting

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

            Files: --csv writes price.csv (one row per case and tier, `all` last) and \
            staff-cost.csv (the yearly lines no tier carries); --json the results (keys in \
            CHANGELOG.md); --html a page with the break-even fee against today's fee, credits and \
            the sensitivity charts.

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

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var replicationOptions: ReplicationOptions

    @Option(help: ArgumentHelp(
        "Relative change of every fault rate for the sensitivity cases, in [0, 1); 0 runs none.", valueName: "share"))
    var sensitivity: Double = 0.2

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var limits: RunLimitOptions

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        guard sensitivity.isFinite, sensitivity >= 0, sensitivity < 1 else {
            throw ValidationError("--sensitivity must be at least 0 and below 1, got \(sensitivity)")
        }
    }

    func run() throws {
        let plan = try PricePlan(invocation)
        let study = plan.study
        let tasks = sharding.part.replications(of: study.replications).count * study.faultFactors.count
        let threads = replicationOptions.threadCount(replications: tasks)
        try limits.check(study.faultFactors.map { factor in
            ("\(scenarioOptions.label)\(factor == 1 ? "" : " with fault rates × \(factor)")", plan.scenario.scalingFaultRates(by: factor))
        }, threads: threads, replications: tasks)
        try sharding.refuseReportFiles(outputs)
        let timed = RunProgress.timed("replication", total: tasks) {
            study.part(shard: sharding.part, threads: threads, progress: $0)
        }
        guard let report = try plan.finish(timed.results, sharding: sharding,
                                           timing: Timing(wallSeconds: timed.seconds, threads: threads)) else { return }
        try outputs.write(report)
        print(TerminalRenderer.render(report))
    }

    /// The arguments that decide the plan.
    private var invocation: PriceInvocation {
        PriceInvocation(scenario: scenarioOptions.scenario, variant: scenarioOptions.variant, seed: replicationOptions.seed,
                        replications: replicationOptions.replications, sensitivity: sensitivity)
    }
}
