import Experiments
import Reporting
import Scenario
import ServiceRules

/// The arguments of `faultline run` that decide its figures and its report: recorded in every
/// shard file, so `faultline merge` rebuilds the same plan.
struct RunInvocation: Codable, Sendable {
    /// The scenario file as given (nil: the built-in baseline).
    var scenario: String?
    /// `--variant`.
    var variant: String?
    /// `--seed`.
    var seed: UInt64?
    /// `--replications`.
    var replications: Int?
    /// `--period`.
    var period: PeriodKind
    /// `--by`.
    var by: Breakdown?
}

/// A run's plan: its scenario resolved and its experiment.
struct RunPlan: ShardablePlan {
    static let command = "run"
    let invocation: RunInvocation
    let scenario: Scenario
    let experiment: Experiment

    init(_ invocation: RunInvocation) throws {
        self.invocation = invocation
        scenario = try ScenarioOptions.load(file: invocation.scenario, variant: invocation.variant, seed: invocation.seed)
        experiment = Experiment(scenario: scenario, replications: invocation.replications ?? scenario.replications,
                                period: invocation.period, breakdowns: invocation.by.map { [$0] } ?? [])
    }

    /// The resolved scenario, the experiment's replications, period and breakdowns, how the
    /// report names the scenario, FaultLine's version.
    var digest: PlanDigest {
        PlanDigest([Self.command, FaultLine.version, invocation.scenario ?? "built-in baseline", scenario,
                    experiment.replications, experiment.period.rawValue, experiment.breakdowns.map(\.rawValue)])
    }

    var units: Int { experiment.replications }

    func report(_ part: ReplicationSet, timing: Timing?) -> Report { report(part, timing: timing, exports: []) }

    /// The report, with the replications `--export-tickets` wrote, if any.
    func report(_ part: ReplicationSet, timing: Timing?, exports: [ExportedReplication]) -> Report {
        var report = RunReport(scenarioFile: invocation.scenario, scenario: scenario, results: experiment.results(of: part),
                               timing: timing ?? Timing(wallSeconds: 0, threads: 0), exports: exports).report
        report.timing = timing
        return report
    }
}
