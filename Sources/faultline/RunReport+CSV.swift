import SimCore
import Experiments
import Reports

extension RunReport {
    /// `by-tier.csv` (and `by-<breakdown>.csv`), `staff.csv`, `staff-cost.csv` and `stages.csv`.
    /// Estimates are two columns, the mean and the 95 % half-width (empty with one replication).
    static func csvTables(_ context: Context) throws -> [CSVTable] {
        let results = context.results
        do {
            var tables = try results.breakdowns.map { try groupTable($0.breakdown.rawValue, $0.groups + [results.overall]) }
            tables.append(try staffTable(results.staff))
            tables.append(try staffCostTable(context))
            tables.append(try stagesTable(results.stages))
            return tables
        } catch {
            throw UserError("--csv: cannot build the tables: \(error)")
        }
    }

    static func groupTable(_ breakdown: String, _ groups: [GroupResult]) throws(ReportError) -> CSVTable {
        let estimates = ["tickets", "outage_tickets", "dispatch_met", "accept_met", "restoration_met", "confirmation_met",
                         "fault_report_met", "availability_met", "repeat_violations_per_year"]
        let exposures = ["credits_per_year", "expected_credits_per_year", "claimed_credits_per_year"]
        var header: [String] = [breakdown]
        for name in estimates { header += [name, name + "_ci"] }
        header += ["restoration_p50_minutes", "restoration_p90_minutes", "restoration_p99_minutes"]
        for name in exposures { header += [name, name + "_ci", name + "_p95", name + "_p99"] }
        var writer = CSVWriter(header: header)
        for group in groups {
            try writer.append(groupRow(group))
        }
        return CSVTable(name: "by-\(breakdown).csv", bytes: writer.bytes)
    }

    /// One group's cells, in the header's order.
    static func groupRow(_ group: GroupResult) -> [String] {
        let values: [Estimate?] = [group.tickets, group.outageTickets, group.dispatch, group.accept, group.restoration,
                                   group.confirmation, group.faultReport, group.availabilityMet,
                                   group.repeatViolationsPerYear]
        var row: [String] = [group.key]
        for value in values { row += cells(value) }
        for percentile in [group.restorationP50, group.restorationP90, group.restorationP99] {
            row.append(EvaluateReport.cell(percentile))
        }
        for spread in [group.creditsPerYear, group.expectedCreditsPerYear, group.claimedCreditsPerYear] {
            row += cells(spread.estimate)
            row += [EvaluateReport.cell(spread.p95), EvaluateReport.cell(spread.p99)]
        }
        return row
    }

    static func staffTable(_ staff: StaffResults) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: ["staff", "utilisation", "utilisation_ci"] + (0..<24).map { "hour_\($0)" })
        for load in staff.crews + [staff.agents] {
            try writer.append([load.name] + cells(load.utilisation) + load.byHour.map(EvaluateReport.cell))
        }
        return CSVTable(name: "staff.csv", bytes: writer.bytes)
    }

    static func stagesTable(_ stages: [(stage: String, minutes: Estimate?)]) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: ["stage", "mean_minutes", "mean_minutes_ci"])
        for stage in stages { try writer.append([stage.stage] + cells(stage.minutes)) }
        return CSVTable(name: "stages.csv", bytes: writer.bytes)
    }

    /// Mean and half-width cells; empty when absent or infinite.
    static func cells(_ estimate: Estimate?) -> [String] {
        guard let estimate else { return ["", ""] }
        return [EvaluateReport.cell(estimate.mean), estimate.halfWidth.isFinite ? EvaluateReport.cell(estimate.halfWidth) : ""]
    }
}
