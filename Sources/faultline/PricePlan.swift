import Experiments
import Reporting
import Scenario

/// The arguments of `faultline price` that decide its report (recorded in every shard file).
struct PriceInvocation: Codable, Sendable {
    /// The scenario file as given (nil: the built-in baseline).
    var scenario: String?
    /// `--variant`.
    var variant: String?
    /// `--seed`.
    var seed: UInt64?
    /// `--replications`.
    var replications: Int?
    /// `--sensitivity`.
    var sensitivity: Double
}

/// A pricing study's plan: its scenario resolved and its fault-rate cases.
struct PricePlan: ShardablePlan {
    static let command = "price"
    let invocation: PriceInvocation
    let scenario: Scenario
    let study: PricingStudy

    init(_ invocation: PriceInvocation) throws {
        self.invocation = invocation
        scenario = try ScenarioOptions.load(file: invocation.scenario, variant: invocation.variant, seed: invocation.seed)
        study = PricingStudy(scenario: scenario, replications: invocation.replications ?? scenario.replications,
                             sensitivity: invocation.sensitivity)
    }

    /// The resolved scenario, replications and sensitivity, how the report names the scenario,
    /// FaultLine's version.
    var digest: PlanDigest {
        PlanDigest([Self.command, FaultLine.version, invocation.scenario ?? "built-in baseline", scenario,
                    study.replications, study.sensitivity])
    }

    var units: Int { study.replications }

    func report(_ part: PricingPart, timing: Timing?) -> Report {
        var report = PriceReport(scenarioFile: invocation.scenario, scenario: scenario, results: study.results(of: part),
                                 timing: timing ?? Timing(wallSeconds: 0, threads: 0)).report
        report.timing = timing
        return report
    }
}
