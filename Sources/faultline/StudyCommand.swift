import ArgumentParser
import Experiments
import Foundation
import HTMLReport
import Reporting
import Scenario
import Study

/// `faultline study`: for every service mix of a study file, SLA compliance and penalty
/// exposure at today's staffing, the staffing it needs, and its cost to serve — in one table.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "For every service mix of a study file: compliance, penalty exposure, staffing needed, cost to serve.",
        discussion: """
            A study file names a base scenario, staffing targets (as `staff --target`) and mixes: \
            the base with circuits scaled, moved to another tier or set to a share, fault rates \
            or installs scaled, named one by one or as a grid of every combination \
            (docs/study-format.md). For the base and every mix, in file order: the standard \
            figures at today's staffing, paired with the base's (common random numbers, as \
            `compare`); the `staff` search for the cheapest rosters meeting every target, run \
            from the analytic estimate and from the neighbouring mix's answer, the cheaper \
            plan meeting every target kept and verified; and, at that staffing, compliance, yearly cost and cost to serve \
            per tier (as `price`). Headcount is rostered hours ÷ the scenario's \
            `costs.productiveHoursPerYear`. --replications (each staffing's figures), \
            --search-replications, --verify-replications, --confidence and --seed override \
            the study file's settings; without either, replications and seed are the base \
            scenario's.

            Each finished mix is stored in the results folder (--results; default \
            STUDY.results in the current folder) before the next starts. Running the same \
            study again reads the stored mixes instead of computing them (the key is the \
            resolved mix, its neighbour, the seeds, replications, targets and FaultLine's \
            version), so a study stopped at any point resumes, and the outputs are the same \
            bytes as those of an uninterrupted run. --dry-run lists the mixes and the work \
            ahead without running anything.

            Files: --csv writes mixes.csv, heads.csv, yearly-cost.csv, changes.csv, \
            circuits.csv, compliance.csv, credits.csv, utilisation.csv, difference.csv, staffing.csv, \
            targets.csv and cost-to-serve.csv; --json the results with every replication's \
            values; --html a page with the cost-against-compliance frontier, the yearly cost \
            per mix and, over a two-axis grid, heat maps of the cost and the binding target.

            Exit codes: 0 every mix's recommended staffing meets every target; 1 some mix's \
            does not (the outputs are written); 2 an invalid study file, base scenario or \
            option (nothing is written). Method: docs/study.md.

            Examples:
              faultline study studies/enterprise-mix-2027.yaml --dry-run
              faultline study studies/enterprise-mix-2027.yaml --threads 2 --html study.html --csv study/
              faultline study studies/small.yaml --json small.json --omit-timing
            """
    )

    @Argument(help: ArgumentHelp("The study file (YAML).", valueName: "study"))
    var study: String

    @Flag(help: "List the mixes, their circuits per tier and the work ahead; run nothing.")
    var dryRun = false

    @OptionGroup var replication: ReplicationOptions

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Replications per candidate plan in the staffing search (default: the file's, else 8).",
                               valueName: "count"),
            transform: wholeNumber("--search-replications", atLeast: 1))
    var searchReplications: Int?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Fresh replications verifying each recommendation (default: the file's, else 60).",
                               valueName: "count"),
            transform: wholeNumber("--verify-replications", atLeast: 1))
    var verifyReplications: Int?

    @Option(help: ArgumentHelp("Confidence of the target bounds, in (0.5, 1) (default: the file's, else 0.95).",
                               valueName: "level"))
    var confidence: Double?

    @Option(help: ArgumentHelp("The results folder finished mixes are kept in (default: STUDY.results).", valueName: "folder"))
    var results: String?

    @Flag(help: "Keep no results folder: nothing is stored and nothing is resumed.")
    var noResults = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Refuse a study of more mixes than this (default 200).", valueName: "count"),
            transform: wholeNumber("--max-mixes", atLeast: 1))
    var maxMixes: Int = 200

    @Option(help: ArgumentHelp(
        "Also write every mix at the staffing it needs as a scenario file (MIX.yaml, extending the base) into this folder.",
        valueName: "folder"))
    var writeScenarios: String?

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var limits: RunLimitOptions

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if let confidence, !(confidence > 0.5 && confidence < 1) {
            throw ValidationError("--confidence must be between 0.5 and 1 (exclusive), got \(confidence)")
        }
        if noResults, results != nil { throw ValidationError("--results and --no-results: give one") }
    }

    func run() throws {
        let plan = try StudyPlan(invocation)
        let run = plan.run, definition = run.definition
        let store = noResults ? nil : StudyStore(folder: results ?? "\(definition.name).results")
        if let store, let problem = StudyStore.problem(with: store.folder) { throw UserError("--results: \(problem)") }
        if dryRun {
            let report = StudyPlanReport(run: run, store: store).report
            try outputs.write(report)
            print(TerminalRenderer.render(report))
            return
        }
        let threadCount = replication.threadCount(replications: max(run.replications, run.verifyReplications))
        try limits.check(run.plans.map { ("\(study) mix «\($0.name)»", $0.scenario) }, threads: threadCount,
                         replications: max(run.replications, run.verifyReplications), load: false)
        for plan in run.plans { RunLimitOptions.noticeOverload(plan.scenario, label: "\(study) mix «\(plan.name)»") }
        try sharding.refuseReportFiles(outputs, also: [("--write-scenarios", writeScenarios != nil)])
        let timed = try RunProgress.timed {
            try run.part(shard: sharding.part, store: store, threads: threadCount, progress: Self.progress)
        }
        guard let report = try plan.finish(timed.results, sharding: sharding,
                                           timing: Timing(wallSeconds: timed.seconds, threads: threadCount)) else { return }
        var files = ReportFiles()
        if let writeScenarios { try addScenarios(run, run.results(of: timed.results), into: writeScenarios, files: &files) }
        try outputs.add(report, to: &files)
        try files.write()
        print(TerminalRenderer.render(report))
        if !plan.succeeded(timed.results) { throw ExitCode(1) }
    }

    /// The arguments that decide the plan.
    private var invocation: StudyInvocation {
        StudyInvocation(study: study, replications: replication.replications, seed: replication.seed,
                        searchReplications: searchReplications, verifyReplications: verifyReplications,
                        confidence: confidence, maxMixes: maxMixes)
    }

    /// Every plan at the staffing it needs as `FOLDER/NAME.yaml` (`/` in a name becomes `_`).
    private func addScenarios(_ run: StudyRun, _ results: StudyResults, into folder: String, files: inout ReportFiles) throws {
        files.addFolder(folder, option: "--write-scenarios")
        let base = MixScenarioFile.relativePath(of: run.definition.basePath, from: folder)
        for (plan, record) in zip(run.plans, results.records) {
            guard let staffing = run.recommendedPlan(record, for: plan.scenario) else {
                throw UserError("--write-scenarios: mix «\(record.name)»: the stored staffing does not fit its rosters")
            }
            let yaml = MixScenarioFile.yaml(mix: plan.scenario, base: run.definition.base, extending: base,
                                            name: "\(run.definition.name)/\(record.name)", staffing: staffing)
            let file = record.name.replacingOccurrences(of: "/", with: "_") + ".yaml"
            files.add(Array(yaml.utf8), to: (folder as NSString).appendingPathComponent(file), option: "--write-scenarios")
        }
    }

    /// The study file, or its located problems on stderr and exit 2.
    static func loadStudy(_ study: String, maxMixes: Int) throws -> StudyDefinition {
        do {
            return try StudyDefinition.load(path: study, maxMixes: maxMixes)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    /// `mix 3/14 twice-aaa · staffing from the estimate: step 4 … · about 6 min left`, when stderr is a terminal.
    static var progress: (@Sendable (StudyProgress) -> Void)? {
        guard let show = RunProgress.lines else { return nil }
        return { progress in
            let left = progress.secondsLeft.map { " · about \(NumberText.duration(minutes: ($0 / 60).rounded(.up))) left" } ?? ""
            show("mix \(progress.index + 1)/\(progress.total) \(progress.mix) · \(progress.stage)\(left)")
        }
    }
}
