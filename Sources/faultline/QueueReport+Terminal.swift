import Foundation
import QueueModel
import QueueingTheory

/// Renders the results of `faultline queue`.
enum QueueReport {
    /// The table a person reads: one row per class and one for all, with the closed-form
    /// prediction under each row when `theory` is given.
    static func terminal(
        _ configuration: QueueConfiguration, _ result: QueueResult, wallSeconds: Double,
        theory: PriorityQueueTheory?
    ) -> String {
        var lines = [headline(configuration), speedLine(result, wallSeconds: wallSeconds), ""]
        lines.append(row("", "completed", "mean wait", "P(wait)", "mean sojourn", "wait p50", "wait p90", "wait p99"))
        for (k, statistics) in result.classes.enumerated() where result.classes.count > 1 {
            let label = "class \(k) (\(percent(configuration.classShares[k])))"
            lines.append(simulatedRow(label, statistics))
            if let theory { lines.append(theoryRow(theory, classIndex: k)) }
        }
        lines.append(simulatedRow("all classes", result.overall))
        if let theory { lines.append(theoryRow(theory, classIndex: nil)) }
        lines.append("")
        lines.append(footer(result, theory: theory))
        return lines.joined(separator: "\n")
    }

    static func headline(_ configuration: QueueConfiguration) -> String {
        let kind = configuration.service.description.hasPrefix("exponential") ? "M/M" : "M/G"
        let classes = configuration.classShares.count
        return "faultline queue · \(kind)/\(configuration.servers) non-preemptive priority · "
            + "\(classes) class\(classes == 1 ? "" : "es") · λ = \(number(configuration.arrivalRate)) "
            + "per time unit · service \(configuration.service) · ρ = \(fixed(configuration.utilisation, 4)) "
            + "· seed \(configuration.seed)"
    }

    static func speedLine(_ result: QueueResult, wallSeconds: Double) -> String {
        let completed = result.overall.completed
        let eventsPerSecond = Double(result.events) / max(wallSeconds, 1e-9)
        return "\(grouped(completed)) customers completed in \(fixed(wallSeconds, 3)) s · "
            + "\(grouped(result.events)) events · \(millions(eventsPerSecond)) events/s · "
            + "\(millions(Double(completed) / max(wallSeconds, 1e-9))) customers/s"
    }

    static func simulatedRow(_ label: String, _ s: ClassStatistics) -> String {
        row(label, grouped(s.completed), fixed(s.meanWait, 4), fixed(s.pWait, 4), fixed(s.meanSojourn, 4),
            fixed(s.waitP50, 4), fixed(s.waitP90, 4), fixed(s.waitP99, 4))
    }

    static func theoryRow(_ theory: PriorityQueueTheory, classIndex k: Int?) -> String {
        let label = theory.isExact ? "  Erlang C / Cobham" : "  approx. (Allen–Cunneen)"
        let wait = k.map { theory.meanWait(ofClass: $0) } ?? theory.meanWait
        let sojourn = k.map { theory.meanSojourn(ofClass: $0) } ?? theory.meanSojourn
        let quantile = { (p: Double) in k == nil ? theory.waitQuantile(p).map { fixed($0, 4) } ?? "" : "" }
        return row(label, "", fixed(wait, 4), fixed(theory.waitProbability, 4), fixed(sojourn, 4),
                   quantile(0.5), quantile(0.9), quantile(0.99))
    }

    static func footer(_ result: QueueResult, theory: PriorityQueueTheory?) -> String {
        let predicted = result.observedArrivalRate * result.overall.meanSojourn
        var utilisation = "utilisation \(fixed(result.utilisation, 4))"
        if let theory { utilisation += " (theory \(fixed(theory.utilisation, 4)))" }
        return utilisation + " · Little's law: L = \(fixed(result.meanInSystem, 4)) vs λ̂·W = "
            + "\(fixed(predicted, 4)) (gap \(fixed(result.littleLawGap * 100, 3)) %)"
    }

    /// Pads the label left-aligned and the figures right-aligned into fixed columns.
    static func row(_ label: String, _ columns: String...) -> String {
        TextFormat.row(label, labelWidth: 26, columns, widths: [11, 11, 9, 13, 10, 10, 10])
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { TextFormat.fixed(value, decimals) }

    static func percent(_ share: Double) -> String { TextFormat.percent(share) }

    static func number(_ value: Double) -> String { String(format: "%g", value) }

    static func millions(_ value: Double) -> String { String(format: "%.2f M", value / 1e6) }

    static func grouped(_ value: Int) -> String { TextFormat.grouped(value) }
}
