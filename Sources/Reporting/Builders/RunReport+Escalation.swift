import Experiments

/// The escalation section of `faultline run`: how many tickets reach each level, per tier, and
/// the restoration compliance of those tickets.
extension RunReport {
    /// Nil when the scenario has no escalation levels (`escalation: none`).
    var escalationSection: Section? {
        guard !results.escalations.isEmpty else { return nil }
        let rows: [[Cell]] = results.escalations.map { row in
            [.text(row.level), .text(row.tier), .estimate(row.perYear, .perYear, of: replications),
             .estimate(row.restorationMet, .share, of: replications)]
        }
        let table = Table(
            csvName: "escalations",
            columns: [Column("level"), Column("tier"), Column("tickets/yr", csv: "tickets_per_year"),
                      Column("restoration met", csv: "restoration_met")],
            rows: rows,
            emphasisedRows: Set(results.escalations.indices.filter { results.escalations[$0].tier == "all" }))
        let levels = scenario.escalation.levels.map(\.name).joined(separator: ", ")
        var blocks: [Block] = [.table(table)]
        if scenario.escalation.levels.contains(where: { $0.notify?.who == .dutyManager }) {
            let hours = CellText.text(.estimate(results.dutyManagerHoursPerYear, .hours, of: replications))
            blocks.append(.text("Duty-manager notices: \(hours) hours a year."))
        }
        return Section(
            id: "escalations", title: "Escalations",
            lead: "tickets reaching each escalation level (\(levels)) before their repair, per year, and the share of "
                + "their judged restorations met",
            blocks: blocks)
    }
}
