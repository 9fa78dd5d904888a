import ArgumentParser
import Experiments
import Foundation
import Reporting
import Scenario

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

            The report gives, per tier (and per --by group), the checkpoints met (with the \
            limits of the rules in force), restoration percentiles, availability, repeats and \
            credits; the agents' progress updates and fault reports; install commitments; the \
            tickets reaching each escalation level and their restorations met; staff \
            utilisation, and per pool of staff the share of jobs that waited, the mean wait and \
            the wait percentiles; stage times overall and per tier; and the staff cost per year: \
            roster hours at the scenario's costs: rates plus the measured call-out hours. In \
            --json every estimate carries the values it was computed from (perReplication). A cell marked n=K rests on only K of the \
            replications (the figure did not exist in the others, e.g. no outage ticket of that tier).

            Files: --csv writes by-tier.csv and credits-by-tier.csv (by-<breakdown>.csv and \
            credits-by-<breakdown>.csv with --by), staff.csv, waits.csv, staff-cost.csv, stages.csv, \
            stages-by-tier.csv and, with escalation levels, escalations.csv; --json the results (keys in CHANGELOG.md); --html a \
            page with charts.

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

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var replicationOptions: ReplicationOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: ArgumentHelp("A second breakdown besides tier.", valueName: "breakdown"))
    var by: Breakdown?

    @Option(help: ArgumentHelp(
        "Write a replication's circuits.csv and tickets.csv here (times to the millisecond, a replication column), as `faultline evaluate` reads them.",
        valueName: "folder"))
    var exportTickets: String?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("The replication --export-tickets writes (default 0), or `all`: every replication in one tickets.csv.",
                               valueName: "index|all"),
            transform: RunTicketExport.Selection.parse)
    var exportReplication: RunTicketExport.Selection?

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var limits: RunLimitOptions

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if exportReplication != nil, exportTickets == nil {
            throw ValidationError("--export-replication needs --export-tickets (the folder to write the replication into)")
        }
    }

    func run() throws {
        let plan = try RunPlan(invocation)
        let count = plan.experiment.replications
        let selection = exportReplication ?? .one(0)
        let threads = replicationOptions.threadCount(replications: count)
        try limits.check([(scenarioOptions.label, plan.scenario)], threads: threads, replications: count)
        try sharding.refuseReportFiles(outputs, also: [("--export-tickets", exportTickets != nil)])
        if exportTickets != nil, case .one(let replication) = selection, replication >= count {
            throw UserError("--export-replication \(replication) is not below the \(count) replications")
        }
        let owned = sharding.part.replications(of: count).count
        let timed = RunProgress.timed("replication", total: owned) { progress in
            plan.experiment.replicationSet(shard: sharding.part, threads: threads, progress: progress)
        }
        if sharding.shard != nil {
            _ = try plan.finish(timed.results, sharding: sharding, timing: Timing(wallSeconds: timed.seconds, threads: threads))
            return
        }
        var files = ReportFiles()
        let exports = try exportTickets.map {
            try RunTicketExport.add(plan.experiment, replications: selection.indices(of: count), folder: $0, to: &files)
        } ?? []
        let report = plan.report(timed.results, timing: Timing(wallSeconds: timed.seconds, threads: threads), exports: exports)
        try outputs.add(report, to: &files)
        try files.write()
        print(TerminalRenderer.render(report))
    }

    /// The arguments that decide the plan.
    private var invocation: RunInvocation {
        RunInvocation(scenario: scenarioOptions.scenario, variant: scenarioOptions.variant, seed: replicationOptions.seed,
                      replications: replicationOptions.replications, period: periodOptions.period, by: by)
    }
}
