import RuleCheck
import SimCore
import TicketLog

/// The report of `faultline rules diff`: each tier's figures under the old and the new rules
/// (changed ones on the terminal, all in CSV), the tickets whose verdict flips and the
/// circuit-periods whose credit changes (the first `limit` of each on the terminal).
public struct RulesDiffReport: Sendable {
    /// The comparison.
    public var diff: RulesDiff
    /// The old rules file (nil: the built-in rules).
    public var oldRules: String?
    /// The new rules file (nil: the built-in rules).
    public var newRules: String?
    /// Rows shown per list on the terminal.
    public var limit: Int

    /// The report's inputs.
    public init(diff: RulesDiff, oldRules: String?, newRules: String?, limit: Int) {
        self.diff = diff
        self.oldRules = oldRules
        self.newRules = newRules
        self.limit = limit
    }

    var oldName: String { oldRules ?? "built-in" }
    var newName: String { newRules ?? "built-in" }

    /// The report.
    public var report: Report {
        let totals = (old: diff.old.evaluation.totals, new: diff.new.evaluation.totals)
        return Report(
            command: "rules diff", title: "FaultLine rules diff · \(diff.new.tickets.path)",
            context: [diff.new.inventory.path, diff.new.tickets.path, "old: \(oldName)", "new: \(newName)", rowsText],
            keyFigures: [KeyFigure("tickets whose verdict flips", .count(diff.flippedTickets)),
                         KeyFigure("circuit-periods whose credit changes", .count(Set(diff.creditChanges.map(\.subject)).count)),
                         KeyFigure("credits, new − old", .money(totals.new.credits - totals.old.credits),
                                   detail: "\(CellText.money(totals.old.credits)) → \(CellText.money(totals.new.credits))")],
            sections: [tierSection, ticketSection, creditSection],
            document: RulesDiffDocument(report: self))
    }

    var rowsText: String {
        let rejected = { (outcome: EvaluationOutcome) in CellText.text(.count(outcome.rejected.count)) }
        return "rows rejected: \(rejected(diff.old)) old, \(rejected(diff.new)) new"
    }

    var tierSection: Section {
        let columns = [Column("tier"), Column("figure"), Column("old"), Column("new"), Column("change")]
        let changed = diff.tierFigures.filter(\.changed)
        let people = Table(columns: columns, rows: changed.map(Self.cells))
        let all = Table(csvName: "by-tier", columns: columns, rows: diff.tierFigures.map(Self.cells), isShownToPeople: false)
        let unchanged = diff.tierFigures.count - changed.count
        return Section(id: "tiers", title: "Figures per tier", lead: "figures that changed; by-tier.csv has every figure",
                       blocks: [.table(people), .text("\(CellText.text(.count(unchanged))) figures unchanged."), .table(all)])
    }

    static func cells(_ row: RulesDiff.TierFigure) -> [Cell] {
        [.text(row.tier), .text(row.figure), cell(row.old), cell(row.new), change(row.old, row.new)]
    }

    /// A tier figure as people read it (shares as percentages).
    static func cell(_ value: FigureValue?) -> Cell {
        switch value {
        case .share(let share): return .share(share)
        case let value?: return value.cell
        case nil: return .share(nil)
        }
    }

    /// new − old in the figure's unit (a share's in percentage points); missing when either side is.
    static func change(_ old: FigureValue?, _ new: FigureValue?) -> Cell {
        switch (old, new) {
        case (.count(let a)?, .count(let b)?): return .count(b - a)
        case (.money(let a)?, .money(let b)?): return .money(b - a)
        case (.share(let a)?, .share(let b)?): return .difference(Estimate([b - a]), .share, of: 1)
        default: return .share(nil)
        }
    }

    var ticketSection: Section {
        let rows = diff.ticketChanges.map { change -> [Cell] in
            [.text(change.subject), .text(change.figure), change.old?.cell ?? .share(nil), change.new?.cell ?? .share(nil)]
        }
        let columns = [Column("ticket"), Column("check"), Column("old"), Column("new")]
        return listSection(id: "tickets", title: "Tickets whose verdict flips (\(CellText.text(.count(diff.flippedTickets))))",
                           columns: columns, rows: rows, csvName: "tickets")
    }

    var creditSection: Section {
        let rows = diff.creditChanges.map { change -> [Cell] in
            [.text(change.subject), change.old?.cell ?? .money(nil), change.new?.cell ?? .money(nil), Self.change(change.old, change.new)]
        }
        let columns = [Column("circuit-period", csv: "circuit_period"), Column("old credit", csv: "old_credit"),
                       Column("new credit", csv: "new_credit"), Column("change")]
        return listSection(id: "credits", title: "Circuit-periods whose credit changes (\(CellText.text(.count(rows.count))))",
                           columns: columns, rows: rows, csvName: "circuit-periods")
    }

    /// The first `limit` rows for people, all of them in CSV.
    func listSection(id: String, title: String, columns: [Column], rows: [[Cell]], csvName: String) -> Section {
        var blocks: [Block] = rows.isEmpty ? [.text("None.")] : [.table(Table(columns: columns, rows: Array(rows.prefix(limit))))]
        if rows.count > limit {
            blocks.append(.text("… and \(CellText.text(.count(rows.count - limit))) more; all of them with --csv DIR (\(csvName).csv) or --json FILE"))
        }
        blocks.append(.table(Table(csvName: csvName, columns: columns, rows: rows, isShownToPeople: false)))
        return Section(id: id, title: title, blocks: blocks)
    }
}

/// The JSON of `rules diff`: `inputs`, `byTier` (every tier figure, old and new), `tickets`
/// (every flipped verdict) and `circuitPeriods` (every changed credit), values as themselves.
struct RulesDiffDocument: Encodable, Sendable {
    var report: RulesDiffReport

    private enum Key: String, CodingKey { case inputs, rejectedRows, byTier, tickets, circuitPeriods }
    private enum InputKey: String, CodingKey { case inventory, tickets, oldRules, newRules }
    private enum RejectedKey: String, CodingKey { case old, new }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var inputs = container.nestedContainer(keyedBy: InputKey.self, forKey: .inputs)
        try inputs.encode(report.diff.new.inventory.path, forKey: .inventory)
        try inputs.encode(report.diff.new.tickets.path, forKey: .tickets)
        try inputs.encode(report.oldRules, forKey: .oldRules)
        try inputs.encode(report.newRules, forKey: .newRules)
        var rejected = container.nestedContainer(keyedBy: RejectedKey.self, forKey: .rejectedRows)
        try rejected.encode(report.diff.old.rejected.count, forKey: .old)
        try rejected.encode(report.diff.new.rejected.count, forKey: .new)
        try container.encode(report.diff.tierFigures.map {
            ChangeRow(change: JudgementChange(entry: $0.tier == "all" ? .totals : .tier, subject: $0.tier, figure: $0.figure,
                                              old: $0.old, new: $0.new))
        }, forKey: .byTier)
        try container.encode(report.diff.ticketChanges.map(ChangeRow.init), forKey: .tickets)
        try container.encode(report.diff.creditChanges.map(ChangeRow.init), forKey: .circuitPeriods)
    }
}
