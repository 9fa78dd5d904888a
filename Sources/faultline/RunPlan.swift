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

/// A run's plan: its scenario resolved and its experiment, the same for a one-machine run,
/// each of its shards and their merge, so all three go through one aggregation and one report.
struct RunPlan {
    /// The shard file of a run.
    typealias File = ShardFile<RunInvocation, ReplicationSet>

    let invocation: RunInvocation
    let scenario: Scenario
    let experiment: Experiment

    /// Loads the scenario and applies the options, as `faultline run` does.
    init(_ invocation: RunInvocation) throws {
        self.invocation = invocation
        var scenario = try ScenarioOptions.load(file: invocation.scenario, variant: invocation.variant)
        if let seed = invocation.seed { scenario.seed = seed }
        self.scenario = scenario
        experiment = Experiment(scenario: scenario, replications: invocation.replications ?? scenario.replications,
                                period: invocation.period, breakdowns: invocation.by.map { [$0] } ?? [])
    }

    /// Everything that decides the report's bytes: the resolved scenario, the experiment's
    /// replications, period and breakdowns, how the report names the scenario, FaultLine's version.
    var digest: PlanDigest {
        PlanDigest(["run", FaultLine.version, invocation.scenario ?? "built-in baseline", scenario,
                    experiment.replications, experiment.period.rawValue, experiment.breakdowns.map(\.rawValue)])
    }

    /// The shard file of `set`, the replications of `shard`.
    func shardFile(_ shard: Shard, _ set: ReplicationSet) -> File {
        File(command: "run", plan: digest, shard: shard, invocation: invocation, part: set)
    }

    /// The report of every replication's figures (`set` holds them all once).
    func report(_ set: ReplicationSet, timing: Timing?, export: ExportedReplication? = nil) -> Report {
        let results = experiment.results(of: set)
        var report = RunReport(scenarioFile: invocation.scenario, scenario: scenario, results: results,
                               timing: timing ?? Timing(wallSeconds: 0, threads: 0), export: export).report
        report.timing = timing
        return report
    }

    /// The report of a folder of run shards: the plan rebuilt from shard 0's invocation must
    /// have the shards' digest, and each shard must hold exactly the replications it owns.
    static func merge(_ folder: ShardFolder) throws -> Report {
        let files = try folder.decode(File.self)
        let plan = try RunPlan(files[0].file.invocation)
        guard plan.digest.hex == folder.header.plan else { throw ShardError.planChanged(file: files[0].path) }
        try checkReplications(files.map { ($0.path, $0.file.header.shard, $0.file.part.replications) },
                              total: plan.experiment.replications)
        return plan.report(ReplicationSet.merged(files.map(\.file.part)), timing: nil)
    }
}

/// Refuses a shard file whose replications are not exactly those its shard owns.
func checkReplications(_ parts: [(path: String, shard: Shard, replications: [Int])], total: Int) throws {
    for part in parts where part.replications != part.shard.replications(of: total) {
        throw ShardError.wrongReplications(file: part.path, found: part.replications,
                                           expected: part.shard.replications(of: total))
    }
}
