import Experiments
import HTMLReport
import SimCore
import Study

/// The report of `faultline study`: one row per mix (the base first) with its compliance and
/// credits at today's staffing, the staffing it needs (heads per pool, headcount, cost, targets)
/// and its yearly cost at that staffing; then per-tier detail, paired differences from the base,
/// the roster lines, the targets and the cost to serve; charts in HTML.
public struct StudyReport: Sendable {
    /// The study's results, as read back from the store.
    public var results: StudyResults
    /// Wall-clock time and threads.
    public var timing: Timing

    /// The report's inputs.
    public init(results: StudyResults, timing: Timing) {
        self.results = results
        self.timing = timing
    }

    /// The report.
    public var report: Report {
        Report(
            command: "study", title: "FaultLine study · \(results.name)", context: context, keyFigures: keyFigures,
            sections: [mixesSection, headsSection, yearlyCostSection, changesSection, chartsSection, circuitsSection,
                       complianceSection, creditsSection, utilisationSection, differenceSection, staffingSection, targetsSection, costToServeSection],
            notes: [.studentT, .perYear, .empiricalPercentiles, .pairedDifference, .targetBound, .staffCost, .headcount, .costToServe],
            document: StudyDocument(results: results), timing: timing)
    }

    var records: [MixRecord] { results.records }

    var context: [String] {
        [results.file, "base \(results.basePath) (`\(results.baseScenarioName)`)", plural(records.count - 1, "mix", "mixes"),
         "seed \(results.seed)", "\(plural(results.replications, "replication")) per staffing",
         "search \(results.searchReplications) per plan", "verification \(results.verifyReplications) fresh",
         "window \(NumberText.grouped(results.windowDays, results.windowDays == results.windowDays.rounded() ? 0 : 1)) days"]
    }

    var keyFigures: [KeyFigure] {
        let met = records.filter(\.staffing.allTargetsMet).count
        let costs = records.map(\.staffing.rosterCostPerYear)
        return [
            KeyFigure("mixes meeting every target", .text("\(met) of \(records.count)"),
                      detail: "with the recommended staffing, on \(results.verifyReplications) fresh replications"),
            KeyFigure("base: rosters needed per year", .text(NumberText.compact(results.base.staffing.rosterCostPerYear)),
                      detail: "staff cost today \(NumberText.compact(results.base.current.staffCostPerYear.mean)), rosters and call-outs"),
            KeyFigure("rosters needed per year", .text("\(NumberText.compact(costs.min() ?? 0)) – \(NumberText.compact(costs.max() ?? 0))"),
                      detail: "cheapest – dearest mix"),
            KeyFigure("headcount needed", .text("\(fte(records.map(\.staffing.headcount).min())) – \(fte(records.map(\.staffing.headcount).max()))"),
                      detail: "full-time equivalents; base today \(fte(results.base.staffing.headcountToday))"),
        ]
    }

    func fte(_ value: Double?) -> String { value.map { CellText.number($0, .count) } ?? "—" }

    // MARK: Summary

    var mixesSection: Section {
        let rows = records.map { record -> [Cell] in
            let credits = difference("credits", record)
            return [.text(record.name), .count(record.circuits), estimate("restoration", record.current, .share),
                    estimate("credits", record.current, .money), .difference(credits, .money, of: results.replications),
                    .money(record.staffing.rosterCostPerYear), .number(record.staffing.headcount, .count),
                    .text(record.staffing.allTargetsMet ? "yes" : "no"), .text(binding(record))]
        }
        let columns = [Column("mix"), Column("circuits"), Column("restoration today", csv: "restoration_met_today"),
                       Column("credits / year today", csv: "credits_per_year_today"),
                       Column("credits vs base", csv: "credits_difference_from_base"),
                       Column("rosters needed / year", csv: "roster_cost_per_year_needed"),
                       Column("headcount needed", csv: "headcount_needed"), Column("targets met", csv: "targets_met"),
                       Column("binding", csv: "binding_targets")]
        return Section(
            id: "mixes", title: "Every mix",
            lead: "compliance and credit liability at today's staffing (all tiers), the paired difference from the base, and "
                + "what staffing that meets the targets costs",
            blocks: [.table(Table(csvName: "mixes", columns: columns, rows: rows, emphasisedRows: [0]))])
    }

    /// Heads per pool, recommended, and the headcount.
    var headsSection: Section {
        let pools = records[0].staffing.headsByPool.map(\.pool)
        let rows = records.map { record -> [Cell] in
            let heads = Dictionary(record.staffing.headsByPool.map { ($0.pool, $0.recommended) }, uniquingKeysWith: +)
            return [.text(record.name)] + pools.map { .count(heads[$0] ?? 0) }
                + [.number(record.staffing.headcount, .count), .text(record.staffing.startedFrom)]
        }
        let today = [Cell.text("staffing today")] + records[0].staffing.headsByPool.map { .count($0.today) }
            + [.number(records[0].staffing.headcountToday, .count), .text("")]
        let columns = [Column("mix")] + pools.map { Column($0, csv: $0.replacingOccurrences(of: ".", with: "_")) }
            + [Column("headcount", csv: "headcount"), Column("search kept", csv: "started_from")]
        return Section(
            id: "heads", title: "Staffing needed",
            lead: "heads on duty summed over each pool's roster lines (a head covers its line's shifts every week); headcount "
                + "in full-time equivalents",
            blocks: [.table(Table(csvName: "heads", columns: columns, rows: [today] + rows, emphasisedRows: [0]))])
    }

    /// Staff, claimed credits and protection per year at the recommended staffing.
    var yearlyCostSection: Section {
        let rows = records.map { record -> [Cell] in
            let figures = record.recommended
            return [.text(record.name), .estimate(figures.staffCostPerYear, .money, of: results.replications),
                    estimate("claimedCredits", figures, .money), .money(figures.protectionPerYear),
                    .estimate(Estimate(figures.yearlyCost), .money, of: results.replications)]
        }
        let columns = [Column("mix"), Column("staff", csv: "staff_per_year"), Column("claimed credits", csv: "claimed_credits_per_year"),
                       Column("protection", csv: "protection_per_year"), Column("total", csv: "total_per_year")]
        return Section(
            id: "yearly-cost", title: "Yearly cost at the staffing needed",
            lead: "rosters and call-outs, credits customers claim, and protection, per year, on the recommended staffing",
            blocks: [.table(Table(csvName: "yearly-cost", columns: columns, rows: rows))])
    }

    var changesSection: Section {
        let rows = records.dropFirst().flatMap { record -> [[Cell]] in
            record.changes.isEmpty ? [[.text(record.name), .text("nothing: the base itself")]]
                : record.changes.map { [.text(record.name), .text($0)] }
        }
        return Section(id: "changes", title: "What each mix changes",
                       blocks: [.table(Table(csvName: "changes", columns: [Column("mix"), Column("change")], rows: rows))])
    }

    // MARK: Helpers

    /// A metric's estimate (tier `all` unless the name says otherwise) in some figures.
    func estimate(_ metric: String, _ figures: MixFigures, _ unit: Unit) -> Cell {
        .estimate(figures.estimate(metric), unit, of: figures.replications)
    }

    /// A metric's paired difference from the base at today's staffing.
    func difference(_ metric: String, _ record: MixRecord) -> Estimate? {
        results.differences(of: record).first { $0.metric.description == metric }?.difference
    }

    /// The targets out of staffing's reach, then those that bind, by their text; `—` for none.
    func binding(_ record: MixRecord) -> String {
        let binding = record.staffing.targets.filter(\.binds).map(\.target)
        let outOfReach = record.staffing.unreachable.map { "\($0) (out of reach)" }
        return outOfReach.isEmpty && binding.isEmpty ? "—" : (outOfReach + binding).joined(separator: "; ")
    }
}

/// `1 mix`, `2 mixes`.
func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
