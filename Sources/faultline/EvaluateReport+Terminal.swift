import Foundation
import ServiceRules
import TicketLog

/// Renders the results of `faultline evaluate`.
enum EvaluateReport {
    /// Rejected rows printed on the terminal; the rest are counted and pointed to.
    static let rejectedShown = 20

    /// The report a person reads: inputs, row accounting, one row per tier, totals, notices and
    /// the rejected rows (the first `rejectedShown`). `fullList` names where all of them are.
    static func terminal(_ outcome: EvaluationOutcome, rules: String?, fullList: String?) -> String {
        var lines = [headline(outcome, rules: rules), rowsLine(outcome), ""]
        lines.append(tierRow("tier", "tickets", "outage", "dispatch", "accept", "restoration", "confirm",
                             "report", "availability met", "repeats", "credits", "expected"))
        let shown = outcome.evaluation.byTier.filter { $0.tickets > 0 || $0.circuitPeriods > 0 }
        lines += shown.map(tierRow)
        lines.append(totalRow(outcome.evaluation))
        lines.append("")
        lines.append(creditsLine(outcome.evaluation.totals))
        lines += notices(outcome)
        lines += rejectedLines(outcome.rejected, fullList: fullList)
        return lines.joined(separator: "\n")
    }

    static func headline(_ outcome: EvaluationOutcome, rules: String?) -> String {
        let evaluation = outcome.evaluation
        var periods = "no period judged"
        if let first = evaluation.firstPeriod, let last = evaluation.lastPeriod {
            periods = "\(evaluation.periodKind.rawValue) periods \(first)" + (first == last ? "" : " … \(last)")
        }
        return "faultline evaluate · \(outcome.inventory.path) · \(outcome.tickets.path) · "
            + "rules: \(rules ?? "built-in") · \(periods)"
    }

    static func rowsLine(_ outcome: EvaluationOutcome) -> String {
        let inventory = outcome.inventory, tickets = outcome.tickets
        return "rows: \(grouped(outcome.read)) read = \(grouped(outcome.evaluated)) evaluated + "
            + "\(grouped(outcome.rejected.count)) rejected (circuits \(grouped(inventory.accepted)) of "
            + "\(grouped(inventory.rowsRead)), tickets \(grouped(outcome.evaluation.tickets.count)) of "
            + "\(grouped(tickets.rowsRead)))"
    }

    static func tierRow(_ tier: TierSummary) -> String {
        tierRow(tier.tier, grouped(tier.tickets), grouped(tier.outageTickets), share(tier.dispatch.fraction),
                share(tier.accept.fraction), share(tier.restoration.fraction), share(tier.confirmation.fraction),
                share(tier.faultReport.fraction), met(tier.availabilityMet, of: tier.circuitPeriods),
                grouped(tier.repeatViolations), money(tier.credits), money(tier.expectedCredits))
    }

    static func totalRow(_ evaluation: Evaluation) -> String {
        let tiers = evaluation.byTier, totals = evaluation.totals
        let outage = tiers.reduce(0) { $0 + $1.outageTickets }
        return tierRow("all", grouped(totals.tickets), grouped(outage), share(overall(\.dispatch, tiers)),
                       share(overall(\.accept, tiers)), share(overall(\.restoration, tiers)),
                       share(overall(\.confirmation, tiers)), share(overall(\.faultReport, tiers)),
                       met(totals.availabilityMet, of: totals.circuitPeriods), grouped(totals.repeatViolations),
                       money(totals.credits), money(totals.expectedCredits))
    }

    /// Met / applicable of one check over all tiers; nil when it never applied.
    static func overall(_ check: KeyPath<TierSummary, CheckTally>, _ tiers: [TierSummary]) -> Double? {
        let applicable = tiers.reduce(0) { $0 + $1[keyPath: check].applicable }
        let met = tiers.reduce(0) { $0 + $1[keyPath: check].met }
        return applicable == 0 ? nil : Double(met) / Double(applicable)
    }

    static func creditsLine(_ totals: EvaluationTotals) -> String {
        "credits: liability \(money(totals.credits)) · expected \(money(totals.expectedCredits)) "
            + "(negotiable MQ tiers × payProbability; QLC pays none) · compliance = met / tickets where the check applies"
    }

    static func notices(_ outcome: EvaluationOutcome) -> [String] {
        let all = outcome.inventory.notices.map { "\(outcome.inventory.path): \($0)" }
            + outcome.tickets.notices.map { "\(outcome.tickets.path): \($0)" }
        return all.map { "notice: \($0)" }
    }

    static func rejectedLines(_ rejected: [RejectedRow], fullList: String?) -> [String] {
        guard !rejected.isEmpty else { return [] }
        var lines = ["", "rejected rows (\(grouped(rejected.count))):"]
        lines += rejected.prefix(rejectedShown).map { "  \($0.file):\($0.line): \($0.reason)" }
        let more = rejected.count - rejectedShown
        if more > 0 {
            let place = fullList.map { "the full list is in \($0)" } ?? "write the full list with --json FILE or --csv DIR"
            lines.append("  … and \(grouped(more)) more; \(place)")
        }
        return lines
    }

    /// Pads the label left-aligned and the figures right-aligned into fixed columns.
    static func tierRow(_ label: String, _ columns: String...) -> String {
        TextFormat.row(label, labelWidth: 9, columns, widths: [8, 7, 9, 8, 12, 8, 8, 19, 8, 14, 14])
    }

    /// A compliance fraction as a percentage, `—` when the check never applied.
    static func share(_ fraction: Double?) -> String {
        fraction.map(TextFormat.percent) ?? "—"
    }

    /// `met/total (percent)`.
    static func met(_ met: Int, of total: Int) -> String {
        "\(grouped(met))/\(grouped(total))" + (total == 0 ? "" : " (\(TextFormat.percent(Double(met) / Double(total))))")
    }

    static func money(_ amount: Double) -> String { TextFormat.money(amount) }

    static func grouped(_ value: Int) -> String { TextFormat.grouped(value) }
}
