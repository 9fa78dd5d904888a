import Experiments
import HTMLReport
import Scenario
import ServiceRules
import SimCore

/// The report of `faultline run`: compliance and credits per group of each breakdown, staff
/// load and communication, staff cost, stage times and installs, with the HTML charts.
public struct RunReport: Sendable {
    /// How the report names the scenario: its file, or `built-in baseline`.
    public var source: String
    /// The scenario file, nil for the built-in baseline.
    public var scenarioFile: String?
    /// The scenario as run (seed and rules in force).
    public var scenario: Scenario
    /// The aggregated replications.
    public var results: ExperimentResults
    /// Staff cost per year (rosters + measured call-outs).
    public var staffCost: StaffCost
    /// Wall-clock time and threads.
    public var timing: Timing
    /// The replications written by `--export-tickets` (none when not asked for).
    public var exports: [ExportedReplication]

    /// The report's inputs; the staff cost is computed from them.
    public init(scenarioFile: String?, scenario: Scenario, results: ExperimentResults, timing: Timing,
                exports: [ExportedReplication] = []) {
        self.source = scenarioFile ?? "built-in baseline"
        self.scenarioFile = scenarioFile
        self.scenario = scenario
        self.results = results
        self.staffCost = StaffCost(scenario: scenario, staff: results.staff)
        self.timing = timing
        self.exports = exports
    }

    var replications: Int { results.replications }

    /// The report.
    public var report: Report {
        var sections = results.overall.tickets.mean == 0 ? [noTicketSection] : []
        sections += results.breakdowns.flatMap { breakdownSections($0.breakdown, $0.groups + [results.overall]) }
        sections += [restorationSection, utilisationSection]
        if staffCost.isCosted { sections.append(costSection) }
        sections.append(stageSection)
        if let escalationSection { sections.append(escalationSection) }
        if !exports.isEmpty { sections.append(exportSection) }
        return Report(
            command: "run", title: "FaultLine run · \(results.scenarioName)", context: context, keyFigures: keyFigures,
            sections: sections, notes: notes,
            document: RunDocument(scenario: scenarioFacts, results: results, staffCost: staffCost, exports: exports),
            timing: timing)
    }

    var context: [String] {
        ["\(source)", "`\(results.scenarioName)`", plural(replications, "replication"), "seed \(scenario.seed)",
         "starts \(scenario.start) (\(scenario.start.weekday.key.capitalized))",
         "window \(NumberText.fixed(results.windowDays, 0)) days after \(NumberText.fixed(scenario.warmupMinutes / 1440, 0)) days warm-up",
         "\(results.period.rawValue) periods", "\(NumberText.grouped(Double(scenario.circuitCount))) circuits"]
    }

    var notes: [MethodNote] {
        var notes: [MethodNote] = [.studentT]
        if hasPartialEstimates { notes.append(.partialCoverage) }
        notes += [.perYear, .empiricalPercentiles, .pooledRestoration, .progressUpdatesLate]
        if staffCost.isCosted { notes.append(.staffCost) }
        return notes
    }

    /// Whether any table cell rests on fewer replications than the run has.
    var hasPartialEstimates: Bool {
        let groups = results.breakdowns.flatMap(\.groups) + [results.overall]
        let shares = groups.flatMap { [$0.dispatch, $0.accept, $0.restoration, $0.confirmation, $0.faultReport, $0.availabilityMet] }
        let others: [Estimate?] = results.stages.map(\.minutes)
            + [results.installs.appointmentMet, results.installs.completionMet,
               results.staff.communication.updatesLate, results.staff.communication.updateDelayMinutes]
        return (shares + others).contains { $0.map { $0.count < replications } ?? false }
    }

    var keyFigures: [KeyFigure] {
        let all = results.overall
        let perYear = 365 / results.windowDays
        var figures = [KeyFigure("tickets per year", .number(all.tickets.mean * perYear, .count),
                                 detail: "\(CellText.text(.number(all.outageTickets.mean * perYear, .count))) with an outage")]
        if let restoration = all.restoration {
            figures.append(KeyFigure("restored within the limit", .share(restoration.mean),
                                     detail: restoration.hasInterval
                                        ? "± \(NumberText.fixed(restoration.halfWidth * 100, 1)) pts (95 % CI), all tiers" : "all tiers"))
        }
        let claimed = all.claimedCreditsPerYear
        figures.append(KeyFigure("claimed credits per year", .text(NumberText.compact(claimed.estimate.mean)),
                                 detail: "p95 \(NumberText.compact(claimed.p95)) · p99 \(NumberText.compact(claimed.p99))"))
        if let busiest = results.staff.crews.max(by: { $0.utilisation.mean < $1.utilisation.mean }) {
            figures.append(KeyFigure("crew utilisation, busiest region", .share(busiest.utilisation.mean),
                                     detail: "\(busiest.name); busy / present hours"))
        }
        figures.append(KeyFigure("agent utilisation", .share(results.staff.agents.utilisation.mean), detail: "monitoring centre"))
        if let engineers = results.staff.remoteEngineers {
            figures.append(KeyFigure("remote-engineer utilisation", .share(engineers.utilisation.mean), detail: "remote fixes"))
        }
        if staffCost.isCosted {
            figures.append(KeyFigure("staff cost per year", .text(NumberText.compact(staffCost.totalPerYear.mean)),
                                     detail: "rosters, call-outs and monthly reports at the scenario's rates"))
        }
        return figures
    }

    // MARK: Compliance and credits per group

    /// The checkpoints' limits as the rules in force set them, for leads and captions.
    var checkpointSentence: String {
        let limits = scenario.catalogue.checkpointLimits
        let text = { (seconds: Int64) in NumberText.duration(minutes: Double(seconds) / 60) }
        return "dispatch within \(text(limits.dispatchSeconds)), crew acceptance within \(text(limits.acceptSeconds)), "
            + "restoration within the tier's limit, confirmation within \(text(limits.confirmationSeconds)) of repair"
    }

    func breakdownSections(_ breakdown: Breakdown, _ groups: [GroupResult]) -> [Section] {
        let name = breakdown.rawValue
        var compliance = Section(
            id: breakdown == .tier ? "compliance" : "compliance-\(name)", title: "Compliance per \(name)",
            lead: "share of tickets meeting each checkpoint: \(checkpointSentence); \"all\" pools every group",
            blocks: [.table(complianceTable(name, groups))])
        if breakdown == .tier { compliance.blocks.insert(.chart(complianceChart(groups), caption: complianceCaption), at: 0) }
        var credits = Section(
            id: breakdown == .tier ? "credits" : "credits-\(name)", title: "Credits per year per \(name)",
            lead: "liability after caps; expected = negotiable tiers × pay probability; claimed = expected × the scenario's claim rates",
            blocks: [.table(creditsTable(name, groups))])
        if breakdown == .tier { credits.blocks.insert(exposureCharts, at: 0) }
        return [compliance, credits]
    }

    var complianceCaption: String {
        "Dots are means across replications, whiskers 95 % confidence intervals: \(checkpointSentence)."
    }

    func complianceTable(_ breakdown: String, _ groups: [GroupResult]) -> Table {
        let share = { (estimate: Estimate?) in Cell.estimate(estimate, .share, of: replications) }
        let minutes = { (value: Double?) in Cell.number(value, .minutes) }
        return Table(
            csvName: "by-\(breakdown)",
            columns: [Column(breakdown), Column("tickets"), Column("outage", csv: "outage_tickets"),
                      Column("dispatch", csv: "dispatch_met"), Column("accept", csv: "accept_met"),
                      Column("restoration", csv: "restoration_met"), Column("confirm", csv: "confirmation_met"),
                      Column("fault report", csv: "fault_report_met"), Column("p50 min", csv: "restoration_p50_minutes"),
                      Column("p90 min", csv: "restoration_p90_minutes"), Column("p99 min", csv: "restoration_p99_minutes"),
                      Column("availability met", csv: "availability_met"),
                      Column("repeats/yr", csv: "repeat_violations_per_year")],
            rows: groups.map { group in
                [.text(group.key), .estimate(group.tickets, .count, of: replications),
                 .estimate(group.outageTickets, .count, of: replications), share(group.dispatch), share(group.accept),
                 share(group.restoration), share(group.confirmation), share(group.faultReport),
                 minutes(group.restorationP50), minutes(group.restorationP90), minutes(group.restorationP99),
                 share(group.availabilityMet), .estimate(group.repeatViolationsPerYear, .perYear, of: replications)]
            },
            emphasisedRows: [groups.count - 1])
    }

    func creditsTable(_ breakdown: String, _ groups: [GroupResult]) -> Table {
        let exposures: [(String, String, KeyPath<GroupResult, ExposureEstimate>)] = [
            ("liability", "credits_per_year", \.creditsPerYear), ("expected", "expected_credits_per_year", \.expectedCreditsPerYear),
            ("claimed", "claimed_credits_per_year", \.claimedCreditsPerYear),
        ]
        return Table(
            csvName: "credits-by-\(breakdown)",
            columns: [Column(breakdown)] + exposures.flatMap { heading, csv, _ in
                [Column("\(heading) credits/yr", csv: csv), Column("p95", csv: csv + "_p95"), Column("p99", csv: csv + "_p99")]
            },
            rows: groups.map { group in
                [.text(group.key)] + exposures.flatMap { _, _, path -> [Cell] in
                    let exposure = group[keyPath: path]
                    return [.estimate(exposure.estimate, .money, of: replications), .money(exposure.p95), .money(exposure.p99)]
                }
            },
            emphasisedRows: [groups.count - 1])
    }

    // MARK: Staff, costs, stages

    var utilisationSection: Section {
        let loads = results.staff.loads
        let bands = Table(
            columns: [Column("staff"), Column("utilisation"), Column("00–08"), Column("08–16"), Column("16–24")],
            rows: loads.map { load in
                [.text(label(load)), .estimate(load.utilisation, .share, of: replications)]
                    + stride(from: 0, to: 24, by: 8).map { first in
                        let values = load.byHour[first..<first + 8].compactMap { $0 }
                        return .share(values.isEmpty ? nil : values.reduce(0, +) / Double(values.count))
                    }
            })
        let hourly = Table(
            csvName: "staff",
            columns: [Column("staff"), Column("utilisation")] + (0..<24).map { Column("hour_\($0)") },
            rows: loads.map { load in
                [.text(load.name), .estimate(load.utilisation, .share, of: replications)] + load.byHour.map { .share($0) }
            },
            isShownToPeople: false)
        return Section(
            id: "utilisation", title: "Staff utilisation",
            lead: "busy ÷ present hours per staff group, by hour band; on-call crews count as present only while called out",
            blocks: [.table(bands), .table(hourly), .table(waitTable), heatmaps, .text(communicationText)]
                + (staffCost.isCosted ? [] : [.text("Staff cost per year: not costed (the scenario gives no `costs:` rates).")]))
    }

    /// P(wait), mean wait and wait percentiles per pool of staff (`waits.csv`).
    var waitTable: Table {
        let minutes = { (value: Double?) in Cell.number(value, .minutes) }
        return Table(
            csvName: "waits",
            columns: [Column("pool"), Column("jobs"), Column("P(wait)", csv: "wait_share"),
                      Column("mean wait min", csv: "mean_wait_minutes"), Column("p50 min", csv: "wait_p50_minutes"),
                      Column("p90 min", csv: "wait_p90_minutes"), Column("p99 min", csv: "wait_p99_minutes")],
            rows: results.waits.map { pool in
                [.text(pool.pool), .count(pool.jobs), .estimate(pool.waitShare, .share, of: replications),
                 .estimate(pool.meanWaitMinutes, .minutes, of: replications),
                 minutes(pool.p50), minutes(pool.p90), minutes(pool.p99)]
            })
    }

    func label(_ load: StaffLoad) -> String {
        switch load.name {
        case results.staff.agents.name: "agents"
        case results.staff.remoteEngineers?.name: "remote engineers"
        default: "crews \(load.name)"
        }
    }

    var communicationText: String {
        let talk = results.staff.communication
        let cell = { (estimate: Estimate?, unit: Unit) in CellText.text(.estimate(estimate, unit, of: replications)) }
        return "Agents' customer communication: progress updates \(cell(talk.updatesPerYear, .perYear)) per year · late "
            + "\(cell(talk.updatesLate, .share)) · due → sent \(cell(talk.updateDelayMinutes, .minutes)) min · "
            + "fault reports \(cell(talk.reportsPerYear, .perYear)) per year · monthly SLA circuit reports "
            + "\(cell(talk.monthlyReportsPerYear, .perYear)) per year (agent-hours \(cell(talk.monthlyReportAgentHoursPerYear, .hours)), "
            + "account-manager hours \(cell(talk.accountManagerHoursPerYear, .hours))) · outage notices "
            + "\(cell(talk.outageNoticesPerYear, .perYear)) per year, on time \(cell(talk.outageNoticesOnTime, .share))."
            + (talk.installReportsPerYear.map {
                " Installation progress reports (orders open over \(scenario.installs.progressReports?.afterWorkingDays ?? 0) working days): "
                    + "\(cell($0, .perYear)) per year (agent-hours \(cell(talk.installReportAgentHoursPerYear, .hours)), "
                    + "account-manager hours \(cell(talk.installReportAccountManagerHoursPerYear, .hours)))."
            } ?? "")
    }

    var costSection: Section {
        let fixed = { (value: Double, unit: Unit) in Cell.estimate(Estimate([value]), unit, of: 1) }
        var rows: [[Cell]] = staffCost.roster.lines.map { line in
            [.text(line.group), .text("roster"), fixed(line.hoursPerYear, .hours), .money(line.ratePerHour),
             fixed(line.costPerYear, .money)]
        }
        rows += staffCost.callouts.map { line in
            [.text(line.group), .text("measured"), .estimate(line.hoursPerYear, .hours, of: replications),
             .money(line.ratePerHour), .estimate(line.costPerYear, .money, of: replications)]
        }
        rows.append([.text("total"), .text("sum"), .text(""), .text(""), .estimate(staffCost.totalPerYear, .money, of: replications)])
        let table = Table(
            csvName: "staff-cost",
            columns: [Column("group"), Column("kind"), Column("hours/yr", csv: "hours_per_year"),
                      Column("rate/h", csv: "rate_per_hour"), Column("cost/yr", csv: "cost_per_year")],
            rows: rows, emphasisedRows: [rows.count - 1])
        return Section(
            id: "costs", title: "Staff cost per year",
            lead: "roster hours × the scenario's `costs:` rates (rosters \(CellText.money(staffCost.roster.totalPerYear)) a year); "
                + "call-outs measured, paid as crew hours",
            blocks: [.table(table)])
    }

    var stageSection: Section {
        let table = Table(
            csvName: "stages", columns: [Column("stage"), Column("mean minutes", csv: "mean_minutes")],
            rows: results.stages.map { [.text($0.stage), .estimate($0.minutes, .minutes, of: replications)] },
            emphasisedRows: [results.stages.count - 1])
        let installs = results.installs
        let cell = { (estimate: Estimate?, unit: Unit) in CellText.text(.estimate(estimate, unit, of: replications)) }
        return Section(
            id: "stages", title: "Where the time goes",
            lead: "mean minutes per ticket in each workflow stage (tickets where the stage occurred)",
            blocks: [stageChart, .table(table), .table(stagesByTierTable),
                     .text("Installs (ordered and started in working hours): \(cell(installs.ordered, .count)) orders per "
                           + "replication · appointment in time \(cell(installs.appointmentMet, .share)) · completed in time "
                           + "\(cell(installs.completionMet, .share)) · open at the horizon "
                           + "\(cell(results.openAtHorizon, .count)) tickets (judged as of the horizon; "
                           + "\(cell(results.pendingRestorations, .count)) restorations within their limit, not judged yet).")])
    }

    /// Mean minutes per stage (columns) for each tier (rows) (`stages-by-tier.csv`).
    var stagesByTierTable: Table {
        let stages = results.stages.map(\.stage)
        return Table(
            csvName: "stages-by-tier",
            columns: [Column("tier")] + stages.map { Column($0, csv: Self.snakeCase($0) + "_minutes") },
            rows: results.stagesByTier.map { tier in
                [.text(tier.tier)] + tier.stages.map { .estimate($0.minutes, .minutes, of: replications) }
            })
    }

    /// `crewWait` → `crew_wait`: CSV column names are snake case.
    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            text += character.isUppercase ? "_" + character.lowercased() : String(character)
        }
    }

    /// Said first when no replication had a ticket in its window (no faults, or a window too
    /// short for one): every compliance figure is then empty, not 100 %.
    var noTicketSection: Section {
        Section(
            id: "no-tickets", title: "No ticket was judged",
            lead: "None of the \(replications) replications had a fault ticket in its "
                + "\(CellText.text(.number(results.windowDays, .count)))-day window, so there is no compliance, "
                + "restoration time or credit to report.",
            blocks: [])
    }

    var exportSection: Section {
        let first = exports[0]
        let which = exports.count == 1 ? "Replication \(first.replication)"
            : "Replications \(first.replication)–\(exports[exports.count - 1].replication)"
        let tickets = exports.reduce(0) { $0 + $1.tickets }
        return Section(id: "export", title: exports.count == 1 ? "Exported replication" : "Exported replications", blocks: [.text(
            "\(which): \(NumberText.grouped(Double(first.circuits))) circuits, "
                + "\(NumberText.grouped(Double(tickets))) tickets → \(first.folder)/circuits.csv, \(first.folder)/tickets.csv")])
    }

    // MARK: JSON

    var scenarioFacts: ScenarioFacts {
        ScenarioFacts(name: scenario.name, file: scenarioFile, seed: String(scenario.seed), replications: replications,
                      period: results.period.rawValue, start: scenario.start.description,
                      horizonDays: scenario.horizonMinutes / 1440, warmupDays: scenario.warmupMinutes / 1440,
                      windowDays: results.windowDays)
    }
}

/// `1 replication`, `20 replications`.
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

/// The scenario facts of a run's JSON (`scenario`).
struct ScenarioFacts: Encodable, Sendable {
    var name: String
    var file: String?
    var seed: String
    var replications: Int
    var period: String
    var start: String
    var horizonDays: Double
    var warmupDays: Double
    var windowDays: Double

    private enum Key: String, CodingKey { case name, file, seed, replications, period, start, horizonDays, warmupDays, windowDays }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(file, forKey: .file)
        try container.encode(seed, forKey: .seed)
        try container.encode(replications, forKey: .replications)
        try container.encode(period, forKey: .period)
        try container.encode(start, forKey: .start)
        try container.encode(horizonDays, forKey: .horizonDays)
        try container.encode(warmupDays, forKey: .warmupDays)
        try container.encode(windowDays, forKey: .windowDays)
    }
}

/// The JSON document of `run`: the scenario facts, the results' own keys, the staff cost and
/// the exported replication (`exportedReplication`), or replications (`exportedReplications`,
/// when more than one was written).
struct RunDocument: Encodable, Sendable {
    var scenario: ScenarioFacts
    var results: ExperimentResults
    var staffCost: StaffCost
    var exports: [ExportedReplication]

    private enum Key: String, CodingKey { case scenario, staffCost, exportedReplication, exportedReplications }

    func encode(to encoder: any Encoder) throws {
        try results.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(staffCost, forKey: .staffCost)
        if exports.count == 1 { try container.encode(exports[0], forKey: .exportedReplication) }
        if exports.count > 1 { try container.encode(exports, forKey: .exportedReplications) }
    }
}
