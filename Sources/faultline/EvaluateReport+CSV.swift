import Reports
import ServiceRules

/// One CSV file of `--csv DIR`: its name in the folder and its bytes.
struct CSVTable {
    /// File name, e.g. `by-tier.csv`.
    var name: String
    /// The whole file.
    var bytes: [UInt8]
}

extension EvaluateReport {
    /// The tables of the JSON document as CSV files for spreadsheets: `by-tier.csv`,
    /// `rejected.csv` and, unless `summaryOnly`, `tickets.csv` and `circuit-periods.csv`.
    /// Compliance shares are fractions (empty when the check never applied); verdicts are
    /// `met`, `missed` or empty.
    static func csvTables(_ outcome: EvaluationOutcome, summaryOnly: Bool) throws -> [CSVTable] {
        do {
            var tables = [try byTierTable(outcome.evaluation), try rejectedTable(outcome.rejected)]
            if !summaryOnly {
                tables.append(try ticketsTable(outcome))
                tables.append(try circuitPeriodsTable(outcome.evaluation.circuitPeriods))
            }
            return tables
        } catch {
            throw UserError("--csv: cannot build the tables: \(error)")
        }
    }

    static func byTierTable(_ evaluation: Evaluation) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: [
            "tier", "tickets", "outage_tickets", "excluded_tickets", "dispatch_met", "accept_met",
            "restoration_met", "confirmation_met", "fault_report_met", "circuit_periods",
            "availability_met", "repeat_violations", "credits", "expected_credits",
        ])
        for tier in evaluation.byTier {
            try writer.append([
                tier.tier, "\(tier.tickets)", "\(tier.outageTickets)", "\(tier.excludedTickets)",
                cell(tier.dispatch.fraction), cell(tier.accept.fraction), cell(tier.restoration.fraction),
                cell(tier.confirmation.fraction), cell(tier.faultReport.fraction), "\(tier.circuitPeriods)",
                "\(tier.availabilityMet)", "\(tier.repeatViolations)", cell(tier.credits), cell(tier.expectedCredits),
            ])
        }
        return CSVTable(name: "by-tier.csv", bytes: writer.bytes)
    }

    static func rejectedTable(_ rejected: [RejectedRow]) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: ["file", "line", "reason"])
        for row in rejected { try writer.append([row.file, "\(row.line)", row.reason]) }
        return CSVTable(name: "rejected.csv", bytes: writer.bytes)
    }

    static func ticketsTable(_ outcome: EvaluationOutcome) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: [
            "ticket", "line", "circuit", "tier", "outage", "excluded", "restoration_minutes",
            "restoration_limit_minutes", "restoration_clock", "limit_source", "restoration", "dispatch",
            "accept", "confirmation", "fault_report", "repeat",
        ])
        for ticket in outcome.evaluation.tickets {
            try writer.append([
                ticket.ticketID, "\(outcome.line(of: ticket))", ticket.circuitID, ticket.tier, "\(ticket.outage)",
                "\(ticket.excluded)", cell(ticket.restorationMinutes), cell(ticket.restorationLimitMinutes),
                ticket.restorationClock.rawValue, ticket.limitSource.rawValue, cell(ticket.restoration),
                cell(ticket.dispatch), cell(ticket.accept), cell(ticket.confirmation), cell(ticket.faultReport),
                "\(ticket.isRepeat)",
            ])
        }
        return CSVTable(name: "tickets.csv", bytes: writer.bytes)
    }

    static func circuitPeriodsTable(_ records: [CircuitPeriodEvaluation]) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: [
            "circuit", "tier", "period", "outage_minutes", "availability", "availability_met",
            "repeat_violations", "credit", "expected_credit",
        ])
        for record in records {
            try writer.append([
                record.circuit, record.tier, record.period, cell(record.outageMinutes), cell(record.availability),
                "\(record.availabilityMet)", "\(record.repeatViolations)", cell(record.credit),
                cell(record.expectedCredit),
            ])
        }
        return CSVTable(name: "circuit-periods.csv", bytes: writer.bytes)
    }

    /// A number in its shortest round-trip form, a whole number without `.0`; empty for nil.
    static func cell(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `met`, `missed`, or empty when the check does not apply.
    static func cell(_ outcome: CheckOutcome) -> String {
        outcome == .notApplicable ? "" : outcome.rawValue
    }
}
