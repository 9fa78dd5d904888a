import Experiments
import Study

/// The report of `faultline study --dry-run`: every mix with its circuits per tier and what
/// it changes, whether the results folder already holds it, and the work ahead.
public struct StudyPlanReport: Sendable {
    /// The study as it would run.
    public var run: StudyRun
    /// The results folder, if any.
    public var store: StudyStore?

    /// The report's inputs.
    public init(run: StudyRun, store: StudyStore?) {
        self.run = run
        self.store = store
    }

    /// The report.
    public var report: Report {
        let plans = run.plans
        let stored = run.digests.map { digest in store?.record(for: digest) != nil }
        let tiers = Self.tiers(plans)
        let rows = zip(plans, stored).map { plan, stored -> [Cell] in
            let counts = Dictionary(StudyRun.circuitsByTier(plan.scenario).map { ($0.tier, $0.circuits) }, uniquingKeysWith: +)
            return [.text(plan.name)] + tiers.map { .count(counts[$0] ?? 0) }
                + [.count(plan.scenario.circuitCount), .text(stored ? "stored" : "to run"),
                   .text(plan.changes.isEmpty ? "—" : plan.changes.joined(separator: "; "))]
        }
        let columns = [Column("mix")] + tiers.map { Column($0) } + [Column("all"), Column("results"), Column("changes")]
        let toRun = stored.filter { !$0 }.count
        let perMix = 2 * run.replications + run.verifyReplications
        let work = "work ahead: \(toRun) of \(plans.count) plans to run, each \(perMix) replications (\(run.replications) at "
            + "today's staffing, \(run.replications) at the staffing needed, \(run.verifyReplications) verifying it) plus "
            + "\(run.searchReplications) per candidate plan of its staffing search (typically 10–60 candidates; a mix with a "
            + "neighbour runs the search twice)"
        return Report(
            command: "study", title: "FaultLine study · \(run.definition.name) (dry run)",
            context: [run.definition.file, "base \(run.definition.basePath)", "\(plans.count - 1) mixes", "seed \(run.seed)",
                      "dry run"],
            sections: [Section(id: "plan", title: "Mixes", lead: "circuits per tier of the base and of every mix",
                               blocks: [.table(Table(csvName: "plan", columns: columns, rows: rows, emphasisedRows: [0])),
                                        .text(work)])])
    }

    /// Every tier any plan has circuits in, in first-seen order.
    static func tiers(_ plans: [MixPlan]) -> [String] {
        var seen = Set<String>()
        return plans.flatMap { StudyRun.circuitsByTier($0.scenario).map(\.tier) }.filter { seen.insert($0).inserted }
    }
}
