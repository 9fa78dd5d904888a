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
    /// a few lines for staff load and communication, the staff cost, stage times and installs;
    /// a footnote explains `n=K` cells when there are any.
    static func terminal(_ context: Context) -> String {
        let results = context.results
        let runs = results.replications
        var lines = [headline(context), ""]
        for (breakdown, groups) in results.breakdowns {
            lines += table(breakdown.rawValue, groups + [results.overall], replications: runs)
            lines.append("")
        }
        lines += exposureLines(results)
        lines += staffLines(results.staff, replications: runs)
        lines += staffCostLines(context)
        lines += stageLines(results)
        if let export = context.export { lines.append(exportLine(export)) }
        lines.append("figures: mean per replication ± 95 % CI half-width (Student t over replications); "
                     + "restoration percentiles pooled over all replications' restored outage tickets")
        if usesPartialEstimates(results) {
            lines.append("n=K: the figure exists in only K of the \(runs) replications (e.g. no ticket of that kind in the "
                         + "others); it is the mean over those K, with no ± when K = 1")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether any table or stage cell rests on fewer replications than the run has.
    static func usesPartialEstimates(_ results: ExperimentResults) -> Bool {
        let groups = results.breakdowns.flatMap(\.groups) + [results.overall]
        let shares = groups.flatMap {
            [$0.dispatch, $0.accept, $0.restoration, $0.confirmation, $0.faultReport, $0.availabilityMet]
        }
        let others: [Estimate?] = results.stages.map(\.minutes)
            + [results.installs.appointmentMet, results.installs.completionMet,
               results.staff.communication.updatesLate, results.staff.communication.updateDelayMinutes]
        return (shares + others).contains { $0.map { $0.count < results.replications } ?? false }
    }

    /// ` n=K` when an estimate rests on fewer replications than the run's, else nothing.
    static func coverage(_ estimate: Estimate, _ replications: Int) -> String {
        estimate.count < replications ? " n=\(estimate.count)" : ""
    }

    static func headline(_ context: Context) -> String {
        let results = context.results
        return "faultline run · \(context.scenarioFile ?? "built-in baseline") · `\(results.scenarioName)` · "
            + "\(results.replications) replication\(results.replications == 1 ? "" : "s") · seed \(context.scenario.seed) · "
            + "window \(TextFormat.fixed(results.windowDays, 0)) days after "
            + "\(TextFormat.fixed(context.scenario.warmupMinutes / 1440, 0)) days warm-up · \(results.period.rawValue) periods · "
            + "\(TextFormat.fixed(context.wallSeconds, 2)) s on \(context.threads) thread\(context.threads == 1 ? "" : "s")"
    }

    static func table(_ label: String, _ groups: [GroupResult], replications: Int) -> [String] {
        let share = { (estimate: Estimate?) in Self.share(estimate, of: replications) }
        return [row(label, "tickets", "outage", "dispatch", "accept", "restoration", "confirm", "fault report",
                    "restore p50/p90/p99 min", "availability met", "repeats/yr", "claimed credits/yr")]
            + groups.map { group in
                row(group.key, plusMinus(group.tickets, 1), plusMinus(group.outageTickets, 1), share(group.dispatch),
                    share(group.accept), share(group.restoration), share(group.confirmation), share(group.faultReport),
                    percentiles(group), share(group.availabilityMet), plusMinus(group.repeatViolationsPerYear, 1),
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

    static func staffLines(_ staff: StaffResults, replications: Int) -> [String] {
        let talk = staff.communication
        return ["staff utilisation (busy / present hours; by hour bands 00–08 · 08–16 · 16–24):"]
            + (staff.crews + [staff.agents]).map { load in
                let label = load.name == "agents" ? "agents" : "crews \(load.name)"
                return "  \(label.padding(toLength: 16, withPad: " ", startingAt: 0)) "
                    + "\(share(load.utilisation)) · " + bands(load.byHour)
            }
            + ["agents' customer communication: progress updates \(plusMinus(talk.updatesPerYear, 0))/yr"
               + " · late (not sent before the next fell due) \(share(talk.updatesLate, of: replications))"
               + " · due → sent \(talk.updateDelayMinutes.map { plusMinus($0, 1, of: replications) } ?? "—") min"
               + " · fault reports \(plusMinus(talk.reportsPerYear, 0))/yr", ""]
    }

    static func stageLines(_ results: ExperimentResults) -> [String] {
        let runs = results.replications
        let stages = results.stages.map { "\($0.stage) " + ($0.minutes.map { plusMinus($0, 1, of: runs) } ?? "—") }
        var lines = ["where the time goes (mean minutes per ticket): " + stages.joined(separator: " · ")]
        let installs = results.installs
        lines.append("installs (ordered and started in working hours): \(plusMinus(installs.ordered, 0)) orders"
                     + " · appointment in time \(share(installs.appointmentMet, of: runs))"
                     + " · completed in time \(share(installs.completionMet, of: runs)) · "
                     + "open at horizon \(plusMinus(results.openAtHorizon, 1)) tickets (judged as of the horizon; "
                     + "\(plusMinus(results.pendingRestorations, 1)) restorations within their limit, not judged yet)")
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
        TextFormat.row(label, labelWidth: 14, columns, widths: [17, 17, 19, 19, 19, 19, 19, 24, 19, 13, 28])
    }

    /// `12.3 ± 0.4`; `12.3` alone with one replication; ` n=K` appended when the estimate rests
    /// on fewer than `replications` replications.
    static func plusMinus(_ estimate: Estimate, _ decimals: Int, of replications: Int = 0) -> String {
        TextFormat.fixed(estimate.mean, decimals)
            + (estimate.halfWidth.isFinite ? " ± " + TextFormat.fixed(estimate.halfWidth, decimals) : "")
            + coverage(estimate, replications)
    }

    /// A share as `97.1 ± 0.3 %`; `—` when absent; `0.0 % n=1` when only one of the run's
    /// replications had the figure.
    static func share(_ estimate: Estimate?, of replications: Int = 0) -> String {
        guard let estimate else { return "—" }
        return TextFormat.fixed(estimate.mean * 100, 1)
            + (estimate.halfWidth.isFinite ? " ± " + TextFormat.fixed(estimate.halfWidth * 100, 1) : "") + " %"
            + coverage(estimate, replications)
    }

    static func money(_ estimate: Estimate) -> String {
        TextFormat.money(estimate.mean) + (estimate.halfWidth.isFinite ? " ± " + TextFormat.money(estimate.halfWidth) : "")
    }

    static func percentiles(_ group: GroupResult) -> String {
        guard let p50 = group.restorationP50, let p90 = group.restorationP90, let p99 = group.restorationP99 else { return "—" }
        return [p50, p90, p99].map { TextFormat.fixed($0, 0) }.joined(separator: "/")
    }
}
