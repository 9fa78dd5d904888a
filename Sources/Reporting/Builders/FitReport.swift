import Calibration
import Fitting
import HTMLReport
import ServiceRules
import TicketLog

/// The report of `faultline fit`: the rows read, fault rates per class and product, the arrival
/// profile and storms, outage shares, one section per fitted stage (candidates by AIC, the
/// choice, goodness of fit; in HTML the histogram against the fitted density and a Q–Q plot),
/// what the written scenario could not take, and the back-test.
public struct FitReport: Sendable {
    /// The files as `evaluate` reads them.
    public var outcome: EvaluationOutcome
    /// What the log gave.
    public var calibration: Calibration
    /// The writer of the fitted scenario (its laws, comments and limitations).
    public var writer: ScenarioWriter
    /// Where the fitted scenario was written, if anywhere.
    public var scenarioFile: String?
    /// The back-test, when run.
    public var backtest: Backtest?

    /// The report's inputs.
    public init(outcome: EvaluationOutcome, calibration: Calibration, writer: ScenarioWriter, scenarioFile: String?, backtest: Backtest?) {
        self.outcome = outcome
        self.calibration = calibration
        self.writer = writer
        self.scenarioFile = scenarioFile
        self.backtest = backtest
    }

    /// The report.
    public var report: Report {
        var sections = [logSection]
        if !outcome.rejected.isEmpty {
            sections.append(EvaluateReport(outcome: outcome, rules: nil, summaryOnly: true, fullList: nil).rejectedSection)
        }
        sections += [ratesSection, profileSection, outageSection]
        sections += FittedStage.allCases.compactMap(stageSection)
        sections.append(scenarioSection)
        if let backtest { sections.append(backtestSection(backtest)) }
        let window = calibration.window
        return Report(
            command: "fit", title: "FaultLine fit · \(outcome.tickets.path)",
            context: [outcome.inventory.path, outcome.tickets.path, "window \(window.start.isoString) … \(window.end.isoString)"],
            keyFigures: keyFigures, sections: sections,
            notes: [.rowAccounting, .garwoodRates, .maximumLikelihood] + (backtest == nil ? [] : [.backtestInterval]),
            document: FitDocument(report: self))
    }

    var keyFigures: [KeyFigure] {
        var figures = [KeyFigure("Tickets fitted", .count(calibration.profile.faults)),
                       KeyFigure("Circuit-years", .number(calibration.rates.products.reduce(0) { $0 + $1.exposure }, .count))]
        if let backtest {
            let disagree = backtest.disagreements.count
            figures.append(KeyFigure("Back-test", .text(disagree == 0 ? "all agree" : "\(disagree) disagree"),
                                     detail: "\(backtest.figures.filter { $0.agrees != nil }.count) figures, \(backtest.replications) replications"))
        }
        return figures
    }

    // MARK: - Sections

    var logSection: Section {
        let rows = EvaluateReport(outcome: outcome, rules: nil, summaryOnly: true, fullList: nil).rowsText
        var blocks: [Block] = [.text(rows)]
        let window = calibration.window
        blocks.append(.text("Window: \(window.start.isoString) … \(window.end.isoString), \(CellText.text(.number(window.years, .ratio))) years (from the \(window.source)); rates are per circuit per 365-day year."))
        if calibration.circuitsOutsideWindow > 0 {
            blocks.append(.text("Notice: \(CellText.text(.count(calibration.circuitsOutsideWindow))) circuits are in service only outside the window: they add no exposure."))
        }
        if !calibration.hasOutages {
            blocks.append(.text("Notice: no ticket in the window has an outage; restoration and availability rest on the base's protection and cannot be checked against the log."))
        }
        return Section(id: "log", title: "The log", blocks: blocks)
    }

    var ratesSection: Section {
        let rate = { (e: RateEstimate) -> [Cell] in
            [.count(e.events), .number(e.exposure, .ratio), .number(e.rate, .ratio), .number(e.lower, .ratio), .number(e.upper, .ratio)]
        }
        let classes = Table(
            csvName: "rates-by-class",
            columns: [Column("Class", csv: "class"), Column("Circuits", csv: "circuits"), Column("Faults", csv: "faults"),
                      Column("Circuit-years", csv: "circuit_years"), Column("Rate /yr", csv: "rate"), Column("95 % low", csv: "lower"),
                      Column("95 % high", csv: "upper"), Column("Rule", csv: "rule")],
            rows: calibration.rates.classes.map { [.text($0.key), .count($0.circuits)] + rate($0.estimate) + [.text($0.estimate.rule.rawValue)] })
        let products = Table(
            csvName: "rates-by-product",
            columns: [Column("Product (written)", csv: "product"), Column("Faults", csv: "faults"), Column("Circuit-years", csv: "circuit_years"),
                      Column("Rate /yr", csv: "rate"), Column("95 % low", csv: "lower"), Column("95 % high", csv: "upper")],
            rows: calibration.rates.products.map { [.text($0.name)] + rate($0) })
        let pooled = calibration.rates.pooledClasses
        let pooledText = pooled.isEmpty ? "Every class has at least the minimum of faults and keeps its own rate."
            : "Pooled toward their product (fewer faults than the minimum): \(pooled.map(\.key).joined(separator: ", "))."
        return Section(id: "rates", title: "Fault rates", lead: "faults per circuit-year, exact Poisson intervals",
                       blocks: [.table(classes), .text(pooledText), .table(products),
                                .text("The scenario format takes one rate per product: the product rates are written, split over segments as in the base.")])
    }

    var profileSection: Section {
        let profile = calibration.profile
        var lines = ["Hour profile written: \(profile.hourResolution) (at least \(ArrivalProfile.minimumPerFactor) faults per factor, else coarser); month factors: \(profile.monthFactors.isEmpty ? "not identified (flat)" : "written")."]
        if let test = profile.dispersion {
            lines.append("Over-dispersion of daily counts against the profile: \(CellText.text(.number(test.statistic, .ratio))) on \(test.degreesOfFreedom) df, p = \(FitReport.pText(test.pValue)): "
                         + (test.pValue < ArrivalProfile.stormSignificance ? "storms needed." : "no storms needed."))
        }
        if let storms = profile.storms {
            lines.append("Storms: \(storms.episodes) episodes (\(storms.stormDays) days), \(CellText.text(.number(storms.perYear, .ratio))) a year, rate × \(CellText.text(.number(storms.multiplier, .ratio))), mean \(CellText.text(.number(storms.meanDays, .ratio))) days.")
        }
        return Section(id: "profile", title: "Arrival profile and storms",
                       blocks: lines.map(Block.text) + [.chart(hourOfWeekChart, caption: "Faults per hour of the week, observed ÷ expected (1 = average)")])
    }

    var outageSection: Section {
        let table = Table(
            csvName: "outage-share",
            columns: [Column("Network grade", csv: "network_grade"), Column("Tickets", csv: "tickets"), Column("Outages", csv: "outages"), Column("Outage share", csv: "outage_share")],
            rows: calibration.outageShares.map { [.text($0.networkGrade), .count($0.tickets), .count($0.outages), .share($0.share)] })
        return Section(id: "outage", title: "Outage share by network grade",
                       blocks: [.table(table), .text("Not written: the scenario decides outages by the segments a grade protects, and the log does not name the segment; the base's split of each product's rate over segments stays.")])
    }

    func stageSection(_ stage: FittedStage) -> Section? {
        guard let fit = calibration.duration(stage) else { return nil }
        var blocks: [Block] = [.text(writer.comment(stage))]
        if let law = writer.law(stage) { blocks.append(.text("Written: \(law)" + (stage == .fieldWork ? " (on site)" : ""))) }
        if stage == .fieldWork, calibration.remoteWork.baseShare > 0 {
            let remote = calibration.remoteWork
            blocks.append(.text("Remote fixes (share \(CellText.text(.share(remote.remoteShare))): "
                                + (remote.remoteShare < remote.baseShare ? "the base's \(CellText.text(.share(remote.baseShare))) bounded by the share accepted at dispatch" : "the base's")
                                + "): \(writer.remoteComment)."
                                + (writer.remoteLaw.map { " Written: \($0)." } ?? "")))
        }
        if let comparison = fit.comparison {
            let best = comparison.chosen.aic
            blocks.append(.table(Table(
                csvName: "candidates-\(stage.rawValue)",
                columns: [Column("Family", csv: "family"), Column("Parameters", csv: "parameters"), Column("AIC", csv: "aic"),
                          Column("ΔAIC", csv: "delta_aic"), Column("BIC", csv: "bic"), Column("Mean", csv: "mean_minutes")],
                rows: comparison.candidates.map { candidate in
                    [.text(candidate.family.rawValue + (candidate.family == comparison.chosen.family ? " ✓" : "")),
                     .lines(Self.parameterLines(candidate)),
                     .number(candidate.aic, .ratio), .number(candidate.aic - best, .ratio), .number(candidate.bic, .ratio),
                     .duration(minutes: candidate.mean.isFinite ? candidate.mean : nil)]
                })))
            for missing in comparison.notFitted { blocks.append(.text("Not fitted: \(missing.family.rawValue): \(missing.reason).")) }
        }
        if let charts = stageCharts(fit) { blocks.append(charts) }
        return Section(id: "stage-\(stage.rawValue)", title: Self.title(stage), lead: stage.span, blocks: blocks)
    }

    var scenarioSection: Section {
        var blocks: [Block] = [.text(scenarioFile.map { "Written: \($0) (extends \(writer.extendsPath))." } ?? "Not written (no --write-scenario).")]
        blocks += writer.limitations.map { Block.text("Limitation: \($0)") }
        blocks.append(.text("Not fitted, by design: dispatch and accept delays (queueing waits, outcomes of staffing: they are back-tested, not inputs); staffing and rosters (the base's)."))
        return Section(id: "scenario", title: "The fitted scenario", blocks: blocks)
    }

    func backtestSection(_ backtest: Backtest) -> Section {
        let unit = { (name: BacktestFigure.Name) -> Unit in
            switch name {
            case .tickets, .repeatViolations: .count
            case .credits: .money
            default: .share
            }
        }
        let cell = { (value: Double?, name: BacktestFigure.Name) -> Cell in
            guard let value else { return .number(nil, .count) }
            return unit(name) == .share ? .share(value) : unit(name) == .money ? .money(value) : .number(value, .count)
        }
        let table = Table(
            csvName: "backtest",
            columns: [Column("Tier", csv: "tier"), Column("Figure", csv: "figure"), Column("Log", csv: "observed"), Column("Simulated mean", csv: "mean"),
                      Column("Interval low", csv: "lower"), Column("Interval high", csv: "upper"), Column("Verdict", csv: "verdict"), Column("Stage if not", csv: "stage")],
            rows: backtest.figures.map { f in
                [.text(f.tier), .text(f.name.rawValue), cell(f.observed, f.name), cell(f.mean, f.name), cell(f.lower, f.name), cell(f.upper, f.name),
                 .text(f.agrees.map { $0 ? "agree" : "DISAGREE" } ?? "—"), .text(f.agrees == false ? f.stage : "")]
            })
        let disagree = backtest.disagreements
        let compared = backtest.figures.filter { $0.agrees != nil }.count
        let verdict = disagree.isEmpty
            ? "All \(compared) figures agree with the log."
            : "\(disagree.count) of \(compared) figures disagree: \(disagree.map { "\($0.tier) \($0.name.rawValue)" }.joined(separator: ", ")). Most likely stage: \(backtest.likelyStages.first ?? "—")."
        let chance = "By chance alone a right model leaves about \(CellText.text(.number(Double(compared) * (1 - backtest.level), .count))) of \(compared) figures outside their \(Int((backtest.level * 100).rounded())) % intervals."
        return Section(id: "backtest", title: "Back-test", lead: "the log against the fitted scenario's simulation of its window",
                       blocks: [.text(verdict), .table(table), .text(chance)])
    }

    static func title(_ stage: FittedStage) -> String {
        switch stage {
        case .detection: "Detection delay"
        case .fieldWork: "Field work on site"
        case .confirmation: "Confirmation"
        }
    }

    /// A candidate's parameters, a mixture's one component a line (`weight1 …, mu1 …, sigma1 …`).
    static func parameterLines(_ fit: DistributionFit) -> [String] {
        let texts = fit.parameters.map { "\($0.name) \(CellText.text(.number($0.value, .ratio)))" }
        guard case .lognormalMixture = fit.law else { return [texts.joined(separator: ", ")] }
        return stride(from: 0, to: texts.count, by: 3).map { texts[$0..<min(texts.count, $0 + 3)].joined(separator: ", ") }
    }

    static func pText(_ p: Double) -> String { p < 0.001 ? "< 0.001" : CellText.text(.number(p, .ratio)) }
}

/// `fit`'s JSON: the calibration, the written scenario's path and limitations, the back-test.
struct FitDocument: Encodable, Sendable {
    let rows: RowCounts
    let calibration: Calibration
    let scenarioFile: String?
    let writtenLaws: [String: String?]
    let limitations: [String]
    let backtest: Backtest?

    struct RowCounts: Encodable, Sendable {
        let read: Int, evaluated: Int, rejected: [RejectedRow]
    }

    init(report: FitReport) {
        rows = RowCounts(read: report.outcome.read, evaluated: report.outcome.evaluated, rejected: report.outcome.rejected)
        calibration = report.calibration
        scenarioFile = report.scenarioFile
        writtenLaws = Dictionary(uniqueKeysWithValues: FittedStage.allCases.map { ($0.rawValue, report.writer.law($0)) })
        limitations = report.writer.limitations
        backtest = report.backtest
    }

    private enum CodingKeys: String, CodingKey { case rows, calibration, scenarioFile, writtenLaws, limitations, backtest }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(calibration, forKey: .calibration)
        try container.encode(scenarioFile, forKey: .scenarioFile)
        try container.encode(writtenLaws, forKey: .writtenLaws)
        try container.encode(limitations, forKey: .limitations)
        try container.encode(backtest, forKey: .backtest)
    }
}
