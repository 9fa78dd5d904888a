import Foundation
import QueueModel
import QueueingTheory
import SimCore

/// Renders the results of `faultline queue`.
enum QueueReport {
    /// The table a person reads: one row per class and one for all, with the closed-form
    /// prediction under each row when `theory` is given. With several replications each figure
    /// is a mean ± the half-width of its 95 % confidence interval, and each prediction is marked
    /// ✓ when it lies inside that interval.
    static func terminal(
        _ configuration: QueueConfiguration, _ estimates: QueueEstimates, wallSeconds: Double,
        threads: Int, theory: PriorityQueueTheory?
    ) -> String {
        let layout = Layout(replicated: estimates.replications > 1)
        var lines = [headline(configuration), speedLine(estimates, wallSeconds: wallSeconds, threads: threads), ""]
        lines.append(layout.row("", "completed", "mean wait", "P(wait)", "mean sojourn", "wait p50", "wait p90", "wait p99"))
        for (k, estimate) in estimates.classes.enumerated() where estimates.classes.count > 1 {
            let label = "class \(k) (\(TextFormat.percent(configuration.classShares[k])))"
            lines.append(layout.simulatedRow(label, estimate))
            if let theory { lines.append(layout.theoryRow(theory, classIndex: k, estimate)) }
        }
        lines.append(layout.simulatedRow("all classes", estimates.overall))
        if let theory { lines.append(layout.theoryRow(theory, classIndex: nil, estimates.overall)) }
        lines.append("")
        lines.append(footer(estimates, theory: theory))
        return lines.joined(separator: "\n")
    }

    static func headline(_ configuration: QueueConfiguration) -> String {
        let kind: String
        if case .exponential = configuration.service.parameters { kind = "M/M" } else { kind = "M/G" }
        let classes = configuration.classShares.count
        return "faultline queue · \(kind)/\(configuration.servers) non-preemptive priority · "
            + "\(classes) class\(classes == 1 ? "" : "es") · λ = \(String(format: "%g", configuration.arrivalRate)) "
            + "per time unit · service \(configuration.service) · ρ = \(TextFormat.fixed(configuration.utilisation, 4)) "
            + "· seed \(configuration.seed)"
    }

    static func speedLine(_ estimates: QueueEstimates, wallSeconds: Double, threads: Int) -> String {
        let completed = estimates.overall.completed
        let seconds = max(wallSeconds, 1e-9)
        var line = "\(TextFormat.grouped(completed)) customers completed in \(TextFormat.fixed(wallSeconds, 3)) s · "
            + "\(TextFormat.grouped(estimates.events)) events · \(millions(Double(estimates.events) / seconds)) events/s · "
            + "\(millions(Double(completed) / seconds)) customers/s"
        if estimates.replications > 1 {
            line += " · \(estimates.replications) replications on \(threads) thread\(threads == 1 ? "" : "s")"
        }
        return line
    }

    static func footer(_ estimates: QueueEstimates, theory: PriorityQueueTheory?) -> String {
        var utilisation = "utilisation \(Layout.cell(estimates.utilisation))"
        if let theory { utilisation += " (theory \(TextFormat.fixed(theory.utilisation, 4)))" }
        let gap = "\(TextFormat.fixed(estimates.littleLawGap * 100, 3)) %"
        guard estimates.replications == 1 else {
            return utilisation + " · Little's law holds in every replication (largest gap \(gap))"
        }
        let predicted = estimates.observedArrivalRate.mean * estimates.overall.meanSojourn.mean
        return utilisation + " · Little's law: L = \(TextFormat.fixed(estimates.meanInSystem.mean, 4)) vs λ̂·W = "
            + "\(TextFormat.fixed(predicted, 4)) (gap \(gap))"
    }

    static func millions(_ value: Double) -> String { String(format: "%.2f M", value / 1e6) }

    /// Column widths and cell formats: wider cells when figures carry a confidence half-width.
    struct Layout {
        var replicated: Bool

        func row(_ label: String, _ columns: String...) -> String {
            let wide = replicated ? 17 : 11
            let widths = [11, wide, wide, replicated ? 17 : 13, 10, 10, 10]
            return TextFormat.row(label, labelWidth: 26, columns, widths: widths)
        }

        func simulatedRow(_ label: String, _ e: ClassEstimates) -> String {
            row(label, TextFormat.grouped(e.completed), Self.cell(e.meanWait), Self.cell(e.pWait),
                Self.cell(e.meanSojourn), Self.value(e.waitP50), Self.value(e.waitP90), Self.value(e.waitP99))
        }

        func theoryRow(_ theory: PriorityQueueTheory, classIndex k: Int?, _ e: ClassEstimates) -> String {
            let label = theory.isExact ? "  Erlang C / Cobham" : "  approx. (Allen–Cunneen)"
            let wait = k.map { theory.meanWait(ofClass: $0) } ?? theory.meanWait
            let sojourn = k.map { theory.meanSojourn(ofClass: $0) } ?? theory.meanSojourn
            let quantile = { (p: Double) in k == nil ? theory.waitQuantile(p).map { TextFormat.fixed($0, 4) } ?? "" : "" }
            return row(label, "", Self.predicted(wait, e.meanWait), Self.predicted(theory.waitProbability, e.pWait),
                       Self.predicted(sojourn, e.meanSojourn), quantile(0.5), quantile(0.9), quantile(0.99))
        }

        /// `0.2701` or, with a confidence interval, `0.2701 ±0.0021`.
        static func cell(_ estimate: Estimate) -> String {
            value(estimate) + (estimate.hasInterval ? " ±" + TextFormat.fixed(estimate.halfWidth, 4) : "")
        }

        static func value(_ estimate: Estimate) -> String { TextFormat.fixed(estimate.mean, 4) }

        /// A prediction, marked ✓ or ✗ by whether the simulated interval contains it.
        static func predicted(_ value: Double, _ estimate: Estimate) -> String {
            let mark = estimate.contains(value).map { $0 ? " ✓" : " ✗" } ?? ""
            return TextFormat.fixed(value, 4) + mark + (estimate.hasInterval ? "      " : "")
        }
    }
}
