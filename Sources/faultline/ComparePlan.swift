import Experiments
import Reporting
import ServiceRules

/// The arguments of `faultline compare` that decide its report (recorded in every shard file).
struct CompareInvocation: Codable, Sendable {
    /// The base scenario file, then the variant files.
    var scenarios: [String]
    /// `--variant` names.
    var variantNames: [String]
    /// `--seed`.
    var seed: UInt64?
    /// `--replications`.
    var replications: Int?
    /// `--period`.
    var period: PeriodKind
    /// `--independent`.
    var independent: Bool
    /// `--rules`.
    var rules: String?
}

/// A comparison's plan: its scenarios loaded and paired.
struct ComparePlan: ShardablePlan {
    static let command = "compare"
    let invocation: CompareInvocation
    let inputs: CompareInputs
    let comparison: Comparison

    init(_ invocation: CompareInvocation) throws {
        self.invocation = invocation
        var inputs = try CompareInputs.load(files: invocation.scenarios, variantNames: invocation.variantNames,
                                            rulesFile: invocation.rules)
        if let seed = invocation.seed { inputs.base.seed = seed }
        let count = invocation.replications ?? inputs.base.replications
        if count < 2 {
            throw UserError("\(inputs.baseFile): the scenario's replications must be at least 2 for a confidence interval, "
                            + "got \(count); give --replications")
        }
        self.inputs = inputs
        comparison = Comparison(base: inputs.base, variants: inputs.variants.map(\.variant), replications: count,
                                period: invocation.period, pairing: invocation.independent ? .independent : .common)
    }

    /// The seeded scenarios, the variants (names, scenarios, judging rules), the replications, period
    /// and pairing, the files as the report names them, FaultLine's version.
    var digest: PlanDigest {
        PlanDigest([Self.command, FaultLine.version, inputs.baseFile, comparison.seededScenarios,
                    comparison.variants,
                    origins.map { [$0.file, $0.inlineVariant ?? ""] }, comparison.replications,
                    comparison.period.rawValue, comparison.pairing.rawValue])
    }

    var units: Int { comparison.replications }

    /// Where each variant came from, as the report names it.
    var origins: [CompareReport.Origin] {
        inputs.variants.map { CompareReport.Origin(file: $0.file, inlineVariant: $0.inlineName) }
    }

    func report(_ part: ComparisonPart, timing: Timing?) -> Report {
        var report = CompareReport(results: comparison.results(of: part), baseFile: inputs.baseFile, origins: origins,
                                   timing: timing ?? Timing(wallSeconds: 0, threads: 0)).report
        report.timing = timing
        return report
    }
}
