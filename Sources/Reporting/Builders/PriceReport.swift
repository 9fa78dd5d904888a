import Experiments
import HTMLReport
import Scenario
import SimCore

/// The report of `faultline price`: per tier and circuit-month the cost to serve, credits,
/// protection, break-even fee and margin; the staff cost no tier carries; credits; and the
/// sensitivity to fault rates, with the HTML charts.
public struct PriceReport: Sendable {
    /// How the report names the scenario: its file, or `built-in baseline`.
    public var source: String
    /// The scenario file, nil for the built-in baseline.
    public var scenarioFile: String?
    /// The scenario as run (its `costs:` rates go into the JSON).
    public var scenario: Scenario
    /// The study's figures.
    public var results: PricingResults
    /// Wall-clock time and threads.
    public var timing: Timing

    /// The report's inputs.
    public init(scenarioFile: String?, scenario: Scenario, results: PricingResults, timing: Timing) {
        self.source = scenarioFile ?? "built-in baseline"
        self.scenarioFile = scenarioFile
        self.scenario = scenario
        self.results = results
        self.timing = timing
    }

    var base: PricingCase { results.base }
    var replications: Int { results.replications }

    /// The report.
    public var report: Report {
        var sections = [breakEvenSection, creditSection]
        if !results.sensitivityCases.isEmpty { sections.append(sensitivitySection) }
        sections.append(csvSection)
        return Report(
            command: "price", title: "FaultLine price · \(results.scenarioName)", context: context, keyFigures: keyFigures,
            sections: sections, notes: [.studentT, .perYear, .empiricalPercentiles, .costToServe, .staffCost],
            document: PriceDocument(scenarioFile: scenarioFile, costs: scenario.costs, results: results), timing: timing)
    }

    var context: [String] {
        [source, "`\(results.scenarioName)`", "\(plural(replications, "replication")) per case", "seed \(results.seed)",
         "window \(NumberText.fixed(results.windowDays, 0)) days", "\(NumberText.grouped(Double(base.all.circuits))) circuits"]
    }

    var keyFigures: [KeyFigure] {
        let all = base.all
        var figures = [
            KeyFigure("staff cost per year", .text(NumberText.compact(base.staffPerYear.mean)),
                      detail: "rosters + call-outs + account managers' reports; installs take \(NumberText.compact(base.installLoadedPerYear.mean))"),
            KeyFigure("break-even fee, all circuits", .money(all.breakEven.mean),
                      detail: "per circuit-month; today's fee \(CellText.money(all.fee))"),
        ]
        if let share = all.marginShare {
            figures.append(KeyFigure("margin, all circuits", .share(share.mean),
                                     detail: "\(CellText.money(all.margin.mean)) per circuit-month"))
        }
        let priced = base.tiers.compactMap { tier in tier.marginShare.map { (tier, $0.mean) } }
        if let (thinnest, share) = priced.min(by: { $0.1 < $1.1 }) {
            figures.append(KeyFigure("thinnest margin", .share(share),
                                     detail: "\(thinnest.key): break-even \(CellText.money(thinnest.breakEven.mean)) of \(CellText.money(thinnest.fee))"))
        }
        let circuitMonths = Double(all.circuits) * 12
        figures.append(KeyFigure("claimed credits per year", .text(NumberText.compact(all.credits.estimate.mean * circuitMonths)),
                                 detail: "p95 \(NumberText.compact(all.credits.p95 * circuitMonths)), all tiers"))
        return figures
    }

    // MARK: Break-even

    /// Every tier, then `all`.
    var rows: [TierPrice] { base.tiers + [base.all] }

    var breakEvenSection: Section {
        let unpriced = rows.filter { $0.fee <= 0 }.map(\.key)
        return Section(
            id: "break-even", title: "Break-even fee against today's fee",
            lead: "per circuit-month, in the currency of the fees: what serving a circuit costs, per tier, against what it pays",
            blocks: [.chart(breakEvenChart, caption: "The bar's end is the break-even fee as a share of today's fee, the gap to "
                                + "the dashed line the margin. Loaded staff cost = the tier's share of the year's rosters and "
                                + "call-outs; credits = claimed (mean); protection = the network grade's cost."),
                     .table(priceTable),
                     .text(overheadSentence + (unpriced.isEmpty ? "" : " No fee, not charted: \(unpriced.joined(separator: ", ")).")),
            ])
    }

    var priceTable: Table {
        Table(columns: ["tier", "circuits", "fee", "tickets / yr", "direct", "loaded", "credits", "credits p95", "protection",
                        "break-even", "margin", "margin %"].map { Column($0) },
              rows: rows.map { tier in
                  [.text(tier.key), .count(tier.circuits), .money(tier.fee), .number(tier.ticketsPerYear.mean, .count),
                   .money(tier.directCost.mean), .estimate(tier.loadedCost, .money, of: replications),
                   .money(tier.credits.estimate.mean), .money(tier.credits.p95), .money(tier.protection),
                   .estimate(tier.breakEven, .money, of: replications), .money(tier.margin.mean),
                   .share(tier.marginShare?.mean)]
              },
              emphasisedRows: [rows.count - 1])
    }

    /// Where the year's staff cost goes: the tiers' loaded cost, installs and groups that did no work.
    var overheadSentence: String {
        let money = { (value: Double) in CellText.money(value) }
        let installReports = base.installReportPerYear.map { ", installation progress reports \(money($0.mean))" } ?? ""
        let installReportsCarried = base.installReportPerYear == nil ? "" : " and their progress reports"
        return "Staff cost per year \(money(base.staffPerYear.mean)) (call-outs \(money(base.callOutPerYear.mean)), "
            + "account managers' monthly reports \(money(base.accountManagerPerYear.mean))\(installReports)) "
            + "= the tiers' loaded cost \(money(base.all.loadedCost.mean * Double(base.all.circuits) * 12)) "
            + "+ installs \(money(base.installLoadedPerYear.mean)) "
            + "(\(CellText.text(.number(base.installCrewHoursPerYear.mean, .count))) crew-hours\(installReportsCarried), in no tier) "
            + "+ unattributed \(money(base.unattributedPerYear.mean)) (staff groups that did no work). "
            + "Direct = the tier's own work hours × the hourly rates, before standby time is spread."
    }

    var breakEvenChart: ChartSpec {
        let bars = rows.filter { $0.fee > 0 }.map { tier in
            StackedBarChart.Bar(
                label: tier.key,
                values: [tier.loadedCost.mean, tier.credits.estimate.mean, tier.protection].map { $0 / tier.fee },
                note: "break-even \(CellText.money(tier.breakEven.mean)) of fee \(CellText.money(tier.fee)) · margin "
                    + CellText.text(.share(tier.marginShare?.mean)))
        }
        let chart = StackedBarChart(
            parts: ["loaded staff cost", "credits", "protection"], bars: bars,
            axis: AxisLabel("Break-even fee as a share of today's fee", unit: "%", format: .percent(0)),
            reference: ReferenceLine(value: 1, label: "today's fee"))
        return .stackedBar(chart, label: "Break-even fee per tier as a share of today's fee")
    }

    // MARK: Credits

    var creditSection: Section {
        let chart = IntervalChart(
            categories: rows.map(\.key),
            series: [.init(name: "mean (95 % CI)", intervals: rows.map {
                         IntervalChart.Interval(value: $0.credits.estimate.mean, halfWidth: $0.credits.estimate.halfWidth)
                     }),
                     .init(name: "p95 of the replications", intervals: rows.map { IntervalChart.Interval(value: $0.credits.p95, halfWidth: 0) })],
            axis: AxisLabel("Claimed credits per circuit-month", unit: "currency of the fees", format: .number(1)),
            bounds: 0...Double.infinity)
        let table = Table(
            columns: ["tier", "credits / circuit-month", "p95", "p99", "credits / year", "p95 / year"].map { Column($0) },
            rows: rows.map { tier in
                let circuitMonths = Double(tier.circuits) * 12
                return [.text(tier.key), .estimate(tier.credits.estimate, .money, of: replications), .money(tier.credits.p95),
                        .money(tier.credits.p99), .money(tier.credits.estimate.mean * circuitMonths),
                        .money(tier.credits.p95 * circuitMonths)]
            },
            emphasisedRows: [rows.count - 1])
        return Section(
            id: "credits", title: "Credits per circuit-month",
            lead: "claimed credits each tier's rules make us pay: the mean with its 95 % interval, and the p95 of the "
                + "replications' values to budget for",
            blocks: [.chart(.interval(chart, label: "Claimed credits per circuit-month per tier"),
                            caption: "Claimed = expected credits (negotiable tiers × pay probability) × the scenario's claim rates."),
                     .table(table)])
    }

    // MARK: CSV

    /// Every case in the order run: the base, then the sensitivity cases.
    var cases: [PricingCase] { [results.base] + results.sensitivityCases }

    /// `price.csv` and `staff-cost.csv`: every case's figures, for programs only.
    var csvSection: Section {
        let priceColumns = ["fault_factor", "tier", "circuits", "fee", "tickets_per_year", "crew_hours_per_year",
                            "agent_hours_per_year", "direct_cost", "loaded_cost", "credits", "credits_p95", "protection",
                            "break_even", "margin", "margin_share"].map { Column($0) }
        let priceRows = cases.flatMap { priced in
            (priced.tiers + [priced.all]).map { tier -> [Cell] in
                let estimate = { (value: Estimate?, unit: Unit) in Cell.estimate(value, unit, of: replications) }
                return [.number(priced.faultFactor, .ratio), .text(tier.key), .count(tier.circuits), .money(tier.fee),
                        estimate(tier.ticketsPerYear, .count), estimate(tier.crewHoursPerYear, .hours),
                        estimate(tier.agentHoursPerYear, .hours), estimate(tier.directCost, .money),
                        estimate(tier.loadedCost, .money), estimate(tier.credits.estimate, .money), .money(tier.credits.p95),
                        .money(tier.protection), estimate(tier.breakEven, .money), estimate(tier.margin, .money),
                        estimate(tier.marginShare, .share)]
            }
        }
        let costRows = cases.flatMap { priced in
            staffCostLines(priced).map { name, value, unit -> [Cell] in
                [.number(priced.faultFactor, .ratio), .text(name), .estimate(value, unit, of: replications)]
            }
        }
        return Section(id: "price-tables", title: "Every case", blocks: [
            .table(Table(csvName: "price", columns: priceColumns, rows: priceRows, isShownToPeople: false)),
            .table(Table(csvName: "staff-cost", columns: ["fault_factor", "line", "per_year"].map { Column($0) }, rows: costRows,
                         isShownToPeople: false)),
        ])
    }

    /// A case's lines of `staff-cost.csv`: the installation progress reports' only when some
    /// replication had any.
    private func staffCostLines(_ priced: PricingCase) -> [(String, Estimate, Unit)] {
        var lines = [("install_crew_hours", priced.installCrewHoursPerYear, Unit.hours),
                     ("install_direct_cost", priced.installDirectPerYear, .money), ("install_loaded_cost", priced.installLoadedPerYear, .money),
                     ("unattributed_cost", priced.unattributedPerYear, .money), ("call_out_cost", priced.callOutPerYear, .money),
                     ("account_manager_cost", priced.accountManagerPerYear, .money)]
        if let installReports = priced.installReportPerYear { lines.append(("install_report_cost", installReports, .money)) }
        return lines + [("staff_cost", priced.staffPerYear, .money)]
    }
}
