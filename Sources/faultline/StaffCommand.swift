import ArgumentParser
import Experiments
import Foundation
import Reporting
import Scenario

/// `faultline staff`: the minimum-cost crews per region and shift and agents per shift that
/// meet every target at a confidence, found by simulation from an analytic start.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Find the cheapest crews per region and shift, and agents per shift, that meet every target.",
        discussion: """
            Targets are METRIC[.STAT] OP VALUE: METRIC as in `compare` (SLA-AA.restoration, \
            dispatch, credits, agents.utilisation, crews.east.utilisation, ...), STAT mean (the \
            default) or p95/p99 across replications, OP >= or <=, VALUE a number (95% = 0.95). \
            A target holds when a one-sided confidence bound on its figure is on the right side: \
            the Student-t bound of a mean; for a percentile the order statistic that bounds it \
            distribution-free (with too few replications for one, the most extreme value). \
            Replications without a value (a check that never applied) are left out.

            The search varies the head count of every roster line of each region's on-duty \
            crews and of the monitoring centre (on-call rosters stay). It starts from Erlang C \
            for agents and the least stable count for the crews' offered load, then adds, one \
            at a time, the unit with the best gain per yearly cost while a target fails, and \
            then removes units while every target holds; every candidate runs the same \
            --replications with the same seed (common random numbers), and a mean's bound there \
            keeps room for the fresh check to pass too. A line never drops to zero where that \
            leaves minutes of the week with nobody (crews on call count). The result is then \
            judged on --verify-replications fresh replications (seed + 1 unless --verify-seed). \
            The search compares plans by roster cost (the scenario's `costs:` rates × roster \
            hours, 365-day year); the staff cost reported for today and for the recommendation \
            adds the measured call-outs (crew-hours × crewHour), as `run` and `price` do.

            Files: --csv writes staffing.csv, costs.csv, targets.csv and curve.csv (one row per \
            step and target); --json the results (keys in CHANGELOG.md); --html a page with the \
            targets and the compliance-against-cost curves; --write-scenario the recommended \
            rosters as a scenario that extends this one.

            Exit codes: 0 the recommendation meets every target on the fresh replications; \
            1 it does not, a target cannot be judged (no replication has a value for it) or the search stopped short; 2 an invalid scenario, target or option. \
            Method and validation: docs/staff.md.

            Examples:
              faultline staff scenarios/baseline.yaml --target "SLA-AA.restoration >= 0.95" --target "credits.p95 <= 5e6"
              faultline staff study.yaml --target "dispatch >= 90%" --write-scenario staffed.yaml --csv out/
              faultline staff centre.yaml --target "dispatch >= 0.90" --replications 10 --json staff.json
              faultline staff centre.yaml --target "dispatch >= 0.90" --html staff.html
            """
    )

    @Argument(help: ArgumentHelp("The scenario file (YAML).", valueName: "scenario"))
    var scenario: String

    @Option(name: .customLong("target"), help: ArgumentHelp(
        "A target, METRIC[.mean|.p95|.p99] >= or <= VALUE (repeat for several).", valueName: "target"))
    var targets: [String] = []

    @Option(help: ArgumentHelp("Confidence of the target bounds, in (0.5, 1).", valueName: "level"))
    var confidence: Double = 0.95

    @Option(parsing: .unconditional, help: ArgumentHelp("Replications per candidate in the search (default 8).", valueName: "count"),
            transform: wholeNumber("--replications", atLeast: 1))
    var replications: Int = 8

    @Option(parsing: .unconditional, help: ArgumentHelp("Fresh replications judging the recommendation (default 60).", valueName: "count"),
            transform: wholeNumber("--verify-replications", atLeast: 1))
    var verifyReplications: Int = 60

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Seed of the search's replications (default: the scenario's).", valueName: "seed"),
            transform: wholeNumber("--seed", atLeast: UInt64(0)))
    var seed: UInt64?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Seed of the verification (default: the search seed + 1).", valueName: "seed"),
            transform: wholeNumber("--verify-seed", atLeast: UInt64(0)))
    var verifySeed: UInt64?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Threads running replications (default: one per core); results do not depend on it.",
                               valueName: "count"),
            transform: wholeNumber("--threads", atLeast: 1))
    var threads: Int?

    @Option(help: ArgumentHelp(
        "Write the recommended staffing as a scenario that extends this one (run it with `faultline run`).",
        valueName: "file"))
    var writeScenario: String?

    @OptionGroup var outputs: OutputOptions

    @OptionGroup var limits: RunLimitOptions

    func validate() throws {
        _ = try parsedTargets()
        guard confidence > 0.5, confidence < 1 else {
            throw ValidationError("--confidence must be between 0.5 and 1 (exclusive), got \(confidence)")
        }
    }

    func run() throws {
        let written = try parsedTargets()
        let loaded = try loadScenarioFile(scenario)
        let parsed = try resolvedTargets(written, for: loaded)
        let threadCount = replicationThreads(replications: max(replications, verifyReplications), requested: threads)
        try limits.check([(scenario, loaded)], threads: threadCount, replications: max(replications, verifyReplications),
                         load: false)
        RunLimitOptions.noticeOverload(loaded, label: scenario)
        let searchSeed = seed ?? loaded.seed
        let search = StaffSearch(
            scenario: loaded, targets: parsed, confidence: confidence, searchReplications: replications, searchSeed: searchSeed,
            verifyReplications: verifyReplications, verifySeed: verifySeed ?? (searchSeed &+ 1))
        let timed = RunProgress.timed { search.run(threads: threadCount, progress: RunProgress.lines) }
        let result = timed.results
        let report = StaffReport(scenarioFile: scenario, scenarioName: loaded.name, result: result,
                                 timing: Timing(wallSeconds: timed.seconds, threads: threadCount)).report
        var files = ReportFiles()
        if let writeScenario {
            let yaml = StaffScenarioFile.yaml(result.recommended, scenario: loaded, scenarioFile: scenario, writingTo: writeScenario)
            files.add(Array(yaml.utf8), to: writeScenario, option: "--write-scenario")
        }
        try outputs.add(report, to: &files)
        try files.write()
        print(TerminalRenderer.render(report))
        for target in result.unjudgeable {
            FileHandle.standardError.write(Data(("faultline: staff: target «\(target)» is not judgeable: no replication "
                + "had a value for it (no circuits of that tier, or no ticket reaching that check)\n").utf8))
        }
        if !result.allTargetsMet { throw ExitCode(1) }
    }

    /// The targets checked against the scenario's tiers and regions.
    private func resolvedTargets(_ targets: [StaffTarget], for scenario: Scenario) throws -> [StaffTarget] {
        try targets.map { target in
            switch target.resolved(for: scenario) {
            case .success(let resolved): return resolved
            case .failure(let error): throw UserError("--target \(error)")
            }
        }
    }

    /// Every `--target`, parsed; the first bad one is a one-line error naming the option.
    private func parsedTargets() throws -> [StaffTarget] {
        guard !targets.isEmpty else { throw ValidationError("--target: give at least one target, e.g. --target \"dispatch >= 0.9\"") }
        return try targets.map { text in
            switch StaffTarget.parse(text) {
            case .success(let target): return target
            case .failure(let error): throw ValidationError("--target \(error)")
            }
        }
    }
}
