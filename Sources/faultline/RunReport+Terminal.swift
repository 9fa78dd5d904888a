import SimCore
import Experiments
import Foundation
import Scenario

/// Renders the results of `faultline run`.
enum RunReport {
    /// Everything a report is rendered from.
    struct Context {
        /// The scenario file, nil for the built-in baseline.
        var scenarioFile: String?
        var scenario: Scenario
        var results: ExperimentResults
        var wallSeconds: Double
        var threads: Int
        var export: RunTicketExport.Summary?
    }

    /// The report a person reads: a headline, one table per breakdown, the penalty exposure,
    /// a few lines for staff load, stage times and installs.
    static func terminal(_ context: Context) -> String {
        let results = context.results
        var lines = [headline(context), ""]
        for (breakdown, groups) in results.breakdowns {
            lines += table(breakdown.rawValue, groups + [results.overall])
            lines.append("")
        }
        lines += exposureLines(results)
        lines += staffLines(results.staff)
        lines += stageLines(results)
        if let export = context.export { lines.append(exportLine(export)) }
        lines.append("figures: mean per replication ± 95 % CI half-width (Student t over replications); "
                     + "restoration percentiles pooled over all replications' outage tickets")
        return lines.joined(separator: "\n")
    }

    static func headline(_ context: Context) -> String {
        let results = context.results
        return "faultline run · \(context.scenarioFile ?? "built-in baseline") · `\(results.scenarioName)` · "
            + "\(results.replications) replication\(results.replications == 1 ? "" : "s") · seed \(context.scenario.seed) · "
            + "window \(TextFormat.fixed(results.windowDays, 0)) days after "
            + "\(TextFormat.fixed(context.scenario.warmupMinutes / 1440, 0)) days warm-up · \(results.period.rawValue) periods · "
            + "\(TextFormat.fixed(context.wallSeconds, 2)) s on \(context.threads) thread\(context.threads == 1 ? "" : "s")"
    }

    static func table(_ label: String, _ groups: [GroupResult]) -> [String] {
        [row(label, "tickets", "outage", "dispatch", "accept", "restoration", "confirm", "restore p50/p90/p99 min",
             "availability met", "repeats/yr", "claimed credits/yr")]
            + groups.map { group in
                row(group.key, plusMinus(group.tickets, 1), plusMinus(group.outageTickets, 1), share(group.dispatch),
                    share(group.accept), share(group.restoration), share(group.confirmation), percentiles(group),
                    share(group.availabilityMet), plusMinus(group.repeatViolationsPerYear, 1),
                    money(group.claimedCreditsPerYear.estimate))
            }
    }

    static func exposureLines(_ results: ExperimentResults) -> [String] {
        let all = results.overall
        let line = { (name: String, exposure: ExposureEstimate) in
            "  \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(money(exposure.estimate))"
                + " · p95 \(TextFormat.money(exposure.p95)) · p99 \(TextFormat.money(exposure.p99))"
        }
        return ["credits per year, all tiers (p95/p99: empirical percentiles of the replication values):",
                line("liability", all.creditsPerYear), line("expected", all.expectedCreditsPerYear),
                line("claimed", all.claimedCreditsPerYear), ""]
    }

    static func staffLines(_ staff: StaffResults) -> [String] {
        ["staff utilisation (busy / present hours; by hour bands 00–08 · 08–16 · 16–24):"]
            + (staff.crews + [staff.agents]).map { load in
                let label = load.name == "agents" ? "agents" : "crews \(load.name)"
                return "  \(label.padding(toLength: 16, withPad: " ", startingAt: 0)) "
                    + "\(share(load.utilisation)) · " + bands(load.byHour)
            } + [""]
    }

    static func stageLines(_ results: ExperimentResults) -> [String] {
        let stages = results.stages.map { "\($0.stage) " + ($0.minutes.map { plusMinus($0, 1) } ?? "—") }
        var lines = ["where the time goes (mean minutes per ticket): " + stages.joined(separator: " · ")]
        let installs = results.installs
        lines.append("installs: \(plusMinus(installs.ordered, 0)) orders · appointment in time \(share(installs.appointmentMet))"
                     + " · completed in time \(share(installs.completionMet)) · "
                     + "open at horizon (not judged) \(plusMinus(results.openAtHorizon, 1)) tickets")
        lines.append("")
        return lines
    }

    static func exportLine(_ export: RunTicketExport.Summary) -> String {
        "exported replication \(export.replication): \(TextFormat.grouped(export.circuits)) circuits, "
            + "\(TextFormat.grouped(export.tickets)) tickets → \(export.folder)/circuits.csv, \(export.folder)/tickets.csv"
    }

    /// Utilisation pooled over each 8-hour band.
    static func bands(_ byHour: [Double?]) -> String {
        stride(from: 0, to: 24, by: 8).map { first in
            let values = byHour[first..<first + 8].compactMap { $0 }
            return values.isEmpty ? "—" : TextFormat.percent(values.reduce(0, +) / Double(values.count))
        }.joined(separator: " · ")
    }

    static func row(_ label: String, _ columns: String...) -> String {
        TextFormat.row(label, labelWidth: 14, columns, widths: [17, 17, 15, 15, 15, 15, 24, 17, 13, 28])
    }

    /// `12.3 ± 0.4`; `12.3` alone with one replication.
    static func plusMinus(_ estimate: Estimate, _ decimals: Int) -> String {
        TextFormat.fixed(estimate.mean, decimals)
            + (estimate.halfWidth.isFinite ? " ± " + TextFormat.fixed(estimate.halfWidth, decimals) : "")
    }

    /// A share as `97.1 ± 0.3 %`; `—` when absent.
    static func share(_ estimate: Estimate?) -> String {
        guard let estimate else { return "—" }
        return TextFormat.fixed(estimate.mean * 100, 1)
            + (estimate.halfWidth.isFinite ? " ± " + TextFormat.fixed(estimate.halfWidth * 100, 1) : "") + " %"
    }

    static func money(_ estimate: Estimate) -> String {
        TextFormat.money(estimate.mean) + (estimate.halfWidth.isFinite ? " ± " + TextFormat.money(estimate.halfWidth) : "")
    }

    static func percentiles(_ group: GroupResult) -> String {
        guard let p50 = group.restorationP50, let p90 = group.restorationP90, let p99 = group.restorationP99 else { return "—" }
        return [p50, p90, p99].map { TextFormat.fixed($0, 0) }.joined(separator: "/")
    }
}
