import HTMLReport
import ServiceRules
import TicketLog

/// The report of `faultline evaluate`: row accounting, one row per tier and the totals, the
/// readers' notices and the rejected rows; per-ticket and per-circuit-period tables in CSV
/// and JSON unless `summaryOnly`.
public struct EvaluateReport: Sendable {
    /// Rejected rows shown to people; the rest are counted and pointed to.
    public static let rejectedShown = 20

    /// What the files and the rule engine gave.
    public var outcome: EvaluationOutcome
    /// The rules file, nil for the built-in rules.
    public var rules: String?
    /// Leave the per-ticket and per-circuit-period tables out.
    public var summaryOnly: Bool
    /// Where the full list of rejected rows is written (`out.json (rows.rejected)`), if anywhere.
    public var fullList: String?

    /// The report's inputs.
    public init(outcome: EvaluationOutcome, rules: String?, summaryOnly: Bool, fullList: String?) {
        self.outcome = outcome
        self.rules = rules
        self.summaryOnly = summaryOnly
        self.fullList = fullList
    }

    var evaluation: Evaluation { outcome.evaluation }

    /// The report.
    public var report: Report {
        var blocks: [Block] = [.text(rowsText)] + (versionsText.map { [Block.text($0)] } ?? [])
        blocks += [.table(tierTable), .text(creditsText)]
        blocks += notices.map(Block.text)
        var sections = [Section(id: "tiers", title: "Compliance per tier", lead: "met / tickets where the check applies",
                                blocks: blocks)]
        sections.append(rejectedSection)
        if !summaryOnly { sections.append(Section(id: "details", title: "Tickets and circuit-periods", blocks: [.table(ticketTable), .table(circuitPeriodTable)])) }
        return Report(
            command: "evaluate", title: "FaultLine evaluate · \(outcome.tickets.path)",
            context: [outcome.inventory.path, outcome.tickets.path, "rules: \(rules ?? "built-in")", periodsText],
            sections: sections, notes: [.rowAccounting],
            document: EvaluateDocument(outcome: outcome, rules: rules, summaryOnly: summaryOnly))
    }

    var periodsText: String {
        guard let first = evaluation.firstPeriod, let last = evaluation.lastPeriod else { return "no period judged" }
        return "\(evaluation.periodKind.rawValue) periods \(first)" + (first == last ? "" : " … \(last)")
    }

    var rowsText: String {
        let count = { (value: Int) in CellText.text(.count(value)) }
        return "Rows: \(count(outcome.read)) read = \(count(outcome.evaluated)) evaluated + \(count(outcome.rejected.count)) "
            + "rejected (circuits \(count(outcome.inventory.accepted)) of \(count(outcome.inventory.rowsRead)), tickets "
            + "\(count(outcome.judgedTickets)) of \(count(outcome.tickets.rowsRead)))."
    }

    /// Which versions of a versioned rules file judged how many tickets and circuit-periods;
    /// nil for rules with one version.
    var versionsText: String? {
        guard evaluation.versions.count > 1 else { return nil }
        let count = { (value: Int) in CellText.text(.count(value)) }
        return "Rules versions (a ticket by the version in force when reported, a circuit-period at its start): "
            + evaluation.versions.map { version in
                "\(version.name)\(version.effective.map { $0 == version.name ? "" : " from \($0)" } ?? "") judged \(count(version.tickets)) "
                    + "ticket\(version.tickets == 1 ? "" : "s") and \(count(version.circuitPeriods)) "
                    + "circuit-period\(version.circuitPeriods == 1 ? "" : "s")"
            }.joined(separator: "; ") + "."
    }

    var creditsText: String {
        let totals = evaluation.totals
        return "Credits: liability \(CellText.money(totals.credits)) · expected \(CellText.money(totals.expectedCredits)) "
            + "(negotiable MQ tiers × payProbability; QLC pays none)."
    }

    var notices: [String] {
        (outcome.inventory.notices.map { "\(outcome.inventory.path): \($0)" }
            + outcome.tickets.notices.map { "\(outcome.tickets.path): \($0)" }).map { "Notice: \($0)" }
    }

    /// Every tier of the catalogue, then the totals.
    var tierTable: Table {
        let tiers = evaluation.byTier
        let totals = evaluation.totals
        var rows = tiers.map { tier in
            row(tier.tier, tickets: tier.tickets, outage: tier.outageTickets, excluded: tier.excludedTickets,
                checks: [tier.dispatch, tier.accept, tier.restoration, tier.confirmation, tier.faultReport, tier.feedback],
                periods: tier.circuitPeriods, availabilityMet: tier.availabilityMet, repeats: tier.repeatViolations,
                credits: tier.credits, expected: tier.expectedCredits)
        }
        rows.append(row("all", tickets: totals.tickets, outage: totals.outageTickets,
                        excluded: totals.excludedTickets,
                        checks: [totals.dispatch, totals.accept, totals.restoration, totals.confirmation, totals.faultReport,
                                 totals.feedback],
                        periods: totals.circuitPeriods, availabilityMet: totals.availabilityMet,
                        repeats: totals.repeatViolations, credits: totals.credits, expected: totals.expectedCredits))
        return Table(
            csvName: "by-tier",
            columns: [Column("tier"), Column("tickets"), Column("outage", csv: "outage_tickets"),
                      Column("excluded", csv: "excluded_tickets"), Column("dispatch", csv: "dispatch_met"),
                      Column("accept", csv: "accept_met"), Column("restoration", csv: "restoration_met"),
                      Column("confirm", csv: "confirmation_met"), Column("report", csv: "fault_report_met"),
                      Column("feedback", csv: "feedback_met"),
                      Column("circuit-periods", csv: "circuit_periods"), Column("availability met", csv: "availability_met"),
                      Column("met share", csv: "availability_met_share"),
                      Column("repeats", csv: "repeat_violations"), Column("credits"),
                      Column("expected", csv: "expected_credits")],
            rows: rows, emphasisedRows: [rows.count - 1])
    }

    func row(_ label: String, tickets: Int, outage: Int, excluded: Int, checks: [CheckTally], periods: Int,
             availabilityMet: Int, repeats: Int, credits: Double, expected: Double) -> [Cell] {
        [.text(label), .count(tickets), .count(outage), .count(excluded)] + checks.map { .share($0.fraction) }
            + [.count(periods), .count(availabilityMet), .share(periods == 0 ? nil : Double(availabilityMet) / Double(periods)),
               .count(repeats), .money(credits), .money(expected)]
    }

    var rejectedSection: Section {
        let rejected = outcome.rejected
        var lines = rejected.prefix(Self.rejectedShown).map { "  \($0.file):\($0.line): \($0.reason)" }
        let more = rejected.count - Self.rejectedShown
        if more > 0 {
            let place = fullList.map { "the full list is in \($0)" } ?? "write the full list with --json FILE or --csv DIR"
            lines.append("  … and \(CellText.text(.count(more))) more; \(place)")
        }
        let table = Table(
            csvName: "rejected", columns: [Column("file"), Column("line"), Column("reason")],
            rows: rejected.map { [.text($0.file), .count($0.line), .text($0.reason)] }, isShownToPeople: false)
        return Section(id: "rejected", title: "Rejected rows (\(CellText.text(.count(rejected.count))))",
                       blocks: [.table(table)] + lines.map(Block.text))
    }

    var ticketTable: Table {
        let verdict = { (outcome: CheckOutcome) in Cell.text(outcome == .notApplicable ? "" : outcome.rawValue) }
        return Table(
            csvName: "tickets",
            columns: ["ticket", "line", "circuit", "tier", "outage", "excluded", "restoration_minutes",
                      "suspended_minutes", "restoration_limit_minutes", "restoration_clock", "limit_source", "restoration", "dispatch",
                      "accept", "confirmation", "fault_report", "feedback", "repeat"].map { Column($0) },
            rows: evaluation.tickets.map { ticket in
                [.text(ticket.ticketID), .count(outcome.line(of: ticket)), .text(ticket.circuitID), .text(ticket.tier),
                 .text("\(ticket.outage)"), .text("\(ticket.excluded)"), .number(ticket.restorationMinutes, .minutes),
                 .number(ticket.suspendedMinutes, .minutes), .number(ticket.restorationLimitMinutes, .minutes), .text(ticket.restorationClock.rawValue),
                 .text(ticket.limitSource.rawValue), verdict(ticket.restoration), verdict(ticket.dispatch),
                 verdict(ticket.accept), verdict(ticket.confirmation), verdict(ticket.faultReport), verdict(ticket.feedback),
                 .text("\(ticket.isRepeat)")]
            },
            isShownToPeople: false)
    }

    var circuitPeriodTable: Table {
        Table(
            csvName: "circuit-periods",
            columns: ["circuit", "tier", "period", "outage_minutes", "availability", "availability_met",
                      "repeat_violations", "credit", "expected_credit"].map { Column($0) },
            rows: evaluation.circuitPeriods.map { record in
                [.text(record.circuit), .text(record.tier), .text(record.period), .number(record.outageMinutes, .minutes),
                 .share(record.availability), .text("\(record.availabilityMet)"), .count(record.repeatViolations),
                 .money(record.credit), .money(record.expectedCredit)]
            },
            isShownToPeople: false)
    }
}
