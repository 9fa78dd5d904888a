import Experiments
import Reporting
import Study

/// The arguments of `faultline study` that decide its report (recorded in every shard file).
struct StudyInvocation: Codable, Sendable {
    /// The study file as given.
    var study: String
    /// `--replications`, `--seed`.
    var replications: Int?
    var seed: UInt64?
    /// `--search-replications`, `--verify-replications`, `--confidence`, `--max-mixes`.
    var searchReplications: Int?
    var verifyReplications: Int?
    var confidence: Double?
    var maxMixes: Int
}

/// A study's plan: its file resolved into the base and mixes, each with its neighbour. A shard
/// owns whole branches of the neighbour tree (``StudyRun/owners(shards:)``).
struct StudyPlan: ShardablePlan {
    static let command = "study"
    static var unitName: String { "mixes (the base counted)" }
    let invocation: StudyInvocation
    let run: StudyRun

    init(_ invocation: StudyInvocation) throws {
        self.invocation = invocation
        run = StudyRun(definition: try StudyCommand.loadStudy(invocation.study, maxMixes: invocation.maxMixes),
                       replications: invocation.replications, searchReplications: invocation.searchReplications,
                       verifyReplications: invocation.verifyReplications, confidence: invocation.confidence,
                       seed: invocation.seed, version: FaultLine.version)
    }

    /// Every plan's digest (each covers its mix, settings, neighbour and FaultLine's version) and
    /// what the report says of the study itself.
    var digest: PlanDigest {
        let definition = run.definition
        return PlanDigest([Self.command, FaultLine.version, run.digests.map(\.hex), definition.name, definition.file,
                           definition.basePath, definition.gridAxes, definition.targets.map(\.description)])
    }

    var units: Int { run.plans.count }

    func units(of shard: Shard) -> [Int] { run.plans(of: shard) }

    func succeeded(_ part: StudyPart) -> Bool { part.records.allSatisfy(\.staffing.allTargetsMet) }

    func report(_ part: StudyPart, timing: Timing?) -> Report {
        var report = StudyReport(results: run.results(of: part), timing: timing ?? Timing(wallSeconds: 0, threads: 0)).report
        report.timing = timing
        return report
    }
}
