import Experiments
import SimCore
import Study

/// The study's detail tables: per tier, per roster line, per target; on the HTML page and in
/// CSV, not on the terminal.
extension StudyReport {
    var circuitsSection: Section {
        let tiers = results.tiers
        let rows = records.map { record -> [Cell] in
            let counts = Dictionary(record.circuitsByTier.map { ($0.tier, $0.circuits) }, uniquingKeysWith: +)
            return [.text(record.name)] + tiers.map { .count(counts[$0] ?? 0) } + [.count(record.circuits)]
        }
        let columns = [Column("mix")] + tiers.map { Column($0) } + [Column("all")]
        return Section(id: "circuits", title: "Circuits per tier",
                       blocks: [.table(Table(csvName: "circuits", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// Checkpoint compliance and availability per tier, today and at the staffing needed.
    var complianceSection: Section {
        let measures = ["dispatch", "accept", "restoration", "confirmation", "availability"]
        var rows: [[Cell]] = []
        for record in records {
            for (staffing, figures) in [("today", record.current), ("needed", record.recommended)] {
                for tier in tierKeys(record) {
                    rows.append([.text(record.name), .text(staffing), .text(tier)]
                        + measures.map { estimate(metricName(tier, $0), figures, .share) })
                }
            }
        }
        let columns = [Column("mix"), Column("staffing"), Column("tier")]
            + measures.map { Column($0 == "availability" ? "availability met" : $0, csv: "\($0)_met") }
        return Section(
            id: "compliance", title: "Compliance per tier",
            lead: "share of tickets meeting each checkpoint, and of circuit-months meeting the availability promise, at "
                + "today's staffing and at the staffing needed",
            blocks: [.table(Table(csvName: "compliance", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// Credit liability, expected and claimed credits per tier at today's staffing.
    var creditsSection: Section {
        var rows: [[Cell]] = []
        for record in records {
            for tier in tierKeys(record) {
                let liability = record.current.exposure(metricName(tier, "credits"))
                rows.append([.text(record.name), .text(tier),
                             .estimate(liability?.estimate, .money, of: results.replications),
                             .money(liability?.p95), .money(liability?.p99),
                             .estimate(record.current.estimate(metricName(tier, "claimedCredits")), .money,
                                       of: results.replications)])
            }
        }
        let columns = [Column("mix"), Column("tier"), Column("liability / year", csv: "credits_per_year"),
                       Column("p95", csv: "credits_p95"), Column("p99", csv: "credits_p99"),
                       Column("claimed / year", csv: "claimed_credits_per_year")]
        return Section(
            id: "credits", title: "Penalty exposure per tier at today's staffing",
            lead: "credits the rules would pay per year (liability, with its p95 and p99 across replications) and what "
                + "customers claim",
            blocks: [.table(Table(csvName: "credits", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// The paired differences from the base: the significant ones for people, every one in CSV.
    var differenceSection: Section {
        var all: [[Cell]] = []
        var significant: [[Cell]] = []
        for record in records.dropFirst() {
            for comparison in results.differences(of: record) {
                let unit = comparison.metric.valueUnit
                let row: [Cell] = [.text(record.name), .text(comparison.metric.description),
                                   .estimate(comparison.base, unit, of: results.replications),
                                   .estimate(comparison.variant, unit, of: results.replications),
                                   .difference(comparison.difference, unit, of: results.replications),
                                   .text(comparison.verdict.rawValue)]
                all.append(row)
                if comparison.verdict.isSignificant { significant.append(row) }
            }
        }
        let columns = [Column("mix"), Column("metric"), Column("base"), Column("mix", csv: "variant"), Column("difference"),
                       Column("verdict")]
        return Section(
            id: "difference", title: "Difference from the base at today's staffing",
            lead: "mix − base per replication with common random numbers; only the significant differences are listed here",
            blocks: [.table(Table(columns: columns, rows: significant, isOnTerminal: false)),
                     .table(Table(csvName: "difference", columns: columns, rows: all, isShownToPeople: false))])
    }

    /// Each pool's utilisation (busy ÷ present hours) today and at the staffing needed.
    var utilisationSection: Section {
        let pools = records[0].current.metrics.map(\.metric).filter { $0.hasSuffix("utilisation") }
        let rows = records.flatMap { record in
            [("today", record.current), ("needed", record.recommended)].map { staffing, figures -> [Cell] in
                [.text(record.name), .text(staffing)] + pools.map { estimate($0, figures, .share) }
            }
        }
        let columns = [Column("mix"), Column("staffing")]
            + pools.map { Column(String($0.dropLast(".utilisation".count)), csv: $0.replacingOccurrences(of: ".", with: "_")) }
        return Section(
            id: "utilisation", title: "Utilisation",
            lead: "busy hours ÷ hours on duty of each pool, at today's staffing and at the staffing needed",
            blocks: [.table(Table(csvName: "utilisation", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// Every roster line of every mix: heads today and needed, and their full-time equivalents.
    var staffingSection: Section {
        let rows = records.flatMap { record in
            record.staffing.lines.map { line -> [Cell] in
                [.text(record.name), .text(line.group), .text(line.shift), .count(line.today), .count(line.recommended),
                 .number(line.hoursPerHeadPerYear, .hours), .number(line.recommendedFTE, .count)]
            }
        }
        let columns = [Column("mix"), Column("staff group", csv: "group"), Column("shift"), Column("today"), Column("needed"),
                       Column("hours per head / year", csv: "hours_per_head_per_year"), Column("headcount needed", csv: "fte_needed")]
        return Section(id: "staffing", title: "Staffing per roster line",
                       blocks: [.table(Table(csvName: "staffing", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// Every target of every mix on the fresh replications.
    var targetsSection: Section {
        let rows = records.flatMap { record in
            record.staffing.targets.map { target -> [Cell] in
                [.text(record.name), .text(target.target), .count(target.replications), .number(target.estimate, .ratio),
                 .number(target.bound, .ratio), .text(target.holds ? "yes" : "no"), .text(target.binds ? "yes" : "no"),
                 .share(target.slack), .text(target.reachable ? "yes" : "no"), .number(target.ampleBound, .ratio),
                 .text(record.staffing.stop)]
            }
        }
        let columns = [Column("mix"), Column("target"), Column("replications"), Column("estimate"), Column("bound"),
                       Column("holds"), Column("binds"), Column("slack"), Column("reachable by staffing", csv: "reachable"),
                       Column("bound at ample staffing", csv: "ample_bound"), Column("search stop", csv: "stop")]
        return Section(
            id: "targets", title: "Targets at the staffing needed",
            lead: "each target judged on the fresh replications: its estimate, its one-sided bound, whether it holds and binds; "
                + "whether staffing can reach it, and its bound at the reach check's ample staffing when that ran",
            blocks: [.table(Table(csvName: "targets", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// Cost to serve per tier at the staffing needed.
    var costToServeSection: Section {
        let rows = records.flatMap { record in
            record.recommended.tiers.map { tier -> [Cell] in
                let of = record.recommended.replications
                return [.text(record.name), .text(tier.tier), .count(tier.circuits), .money(tier.fee),
                        .estimate(tier.loadedCost, .money, of: of), .estimate(tier.credits, .money, of: of), .money(tier.protection),
                        .estimate(tier.breakEven, .money, of: of), .estimate(tier.margin, .money, of: of)]
            }
        }
        let columns = [Column("mix"), Column("tier"), Column("circuits"), Column("fee"), Column("loaded cost", csv: "loaded_cost"),
                       Column("claimed credits", csv: "claimed_credits"), Column("protection"),
                       Column("break-even fee", csv: "break_even_fee"), Column("margin")]
        return Section(
            id: "cost-to-serve", title: "Cost to serve per tier at the staffing needed",
            lead: "per circuit-month, as `faultline price` computes it",
            blocks: [.table(Table(csvName: "cost-to-serve", columns: columns, rows: rows, isOnTerminal: false))])
    }

    /// The tiers the mix's tickets and circuit-months were judged under, then `all`.
    func tierKeys(_ record: MixRecord) -> [String] {
        record.current.metrics.compactMap { values in
            values.metric.hasSuffix(".restoration") ? String(values.metric.dropLast(".restoration".count)) : nil
        } + ["all"]
    }

    /// `SLA-AA.restoration`, or `restoration` for every tier.
    func metricName(_ tier: String, _ measure: String) -> String { tier == "all" ? measure : "\(tier).\(measure)" }
}
