import Experiments
import Foundation
import Scenario
import SimCore

/// Renders the results of `faultline price`.
enum PriceReport {
    /// Everything a report is rendered from.
    struct Context {
        /// The scenario file, nil for the built-in baseline.
        var scenarioFile: String?
        var scenario: Scenario
        var results: PricingResults
        var wallSeconds: Double
        var threads: Int
    }

    /// The report a person reads: the price table per tier, the lines that are no tier's, the
    /// sensitivity table and how to read it.
    static func terminal(_ context: Context) -> String {
        let results = context.results
        var lines = [headline(context), ""]
        lines.append("per circuit-month, in the currency of the fees (mean ± 95 % CI across replications):")
        lines += priceTable(results.base)
        lines.append("")
        lines += overheadLines(results.base)
        if !results.sensitivityCases.isEmpty {
            lines.append("")
            lines += sensitivityTable(results)
        }
        lines.append("")
        lines.append("direct = the tier's own crew and agent hours × costs rates · loaded = the year's staff cost "
                     + "(rosters + call-outs) spread by busy hours · credits = claimed (expected × claim rate), "
                     + "p95 empirical · break-even = loaded + credits + protection · margin = fee − break-even "
                     + "· costs are after-sales service only (staff, credits, protection), not network or overheads "
                     + "(docs/price.md)")
        return lines.joined(separator: "\n")
    }

    static func headline(_ context: Context) -> String {
        let results = context.results
        return "faultline price · \(context.scenarioFile ?? "built-in baseline") · `\(results.scenarioName)` · "
            + "\(results.replications) replication\(results.replications == 1 ? "" : "s") per case · seed \(results.seed) · "
            + "window \(TextFormat.fixed(results.windowDays, 0)) days · "
            + "\(TextFormat.fixed(context.wallSeconds, 2)) s on \(context.threads) thread\(context.threads == 1 ? "" : "s")"
    }

    static func priceTable(_ priced: PricingCase) -> [String] {
        [row("tier", "circuits", "fee", "tickets/yr", "direct", "loaded", "credits", "credits p95", "protection",
             "break-even", "margin", "margin %")]
            + (priced.tiers + [priced.all]).map { tier in
                row(tier.key, TextFormat.grouped(tier.circuits), amount(tier.fee), TextFormat.grouped(Int(tier.ticketsPerYear.mean.rounded())),
                    amount(tier.directCost.mean), RunReport.money(tier.loadedCost), amount(tier.credits.estimate.mean),
                    amount(tier.credits.p95), amount(tier.protection), RunReport.money(tier.breakEven),
                    amount(tier.margin.mean), marginShare(tier.marginShare))
            }
    }

    static func overheadLines(_ priced: PricingCase) -> [String] {
        [
            "installs (in no tier): \(TextFormat.grouped(Int(priced.installCrewHoursPerYear.mean.rounded()))) crew-hours/yr · "
                + "direct \(amount(priced.installDirectPerYear.mean))/yr · loaded \(amount(priced.installLoadedPerYear.mean))/yr",
            "staff cost per year: \(amount(priced.staffPerYear.mean)) (rosters + call-outs \(amount(priced.callOutPerYear.mean)))"
                + " = tiers' loaded \(amount(priced.all.loadedCost.mean * Double(priced.all.circuits) * 12))"
                + " + installs \(amount(priced.installLoadedPerYear.mean))"
                + " + unattributed \(amount(priced.unattributedPerYear.mean)) (groups that did no work)",
        ]
    }

    /// Loaded cost and margin per tier at each fault-rate factor, lowest first.
    static func sensitivityTable(_ results: PricingResults) -> [String] {
        let cases = ([results.base] + results.sensitivityCases).sorted { $0.faultFactor < $1.faultFactor }
        let factors = cases.map { "×" + TextFormat.fixed($0.faultFactor, 2) }
        let header = factors.map { "loaded \($0)" } + factors.map { "credits \($0)" } + factors.map { "margin % \($0)" }
        let percent = results.sensitivity * 100
        let shown = TextFormat.fixed(percent, percent == percent.rounded() ? 0 : 1)
        var lines = ["sensitivity to fault rates ± \(shown) % "
                     + "(same seed: common random numbers), per circuit-month:"]
        lines.append(TextFormat.row("tier", labelWidth: 10, header, widths: Array(repeating: 15, count: header.count)))
        for (index, key) in (cases[0].tiers.map(\.key) + ["all"]).enumerated() {
            let tiers = cases.map { index < $0.tiers.count ? $0.tiers[index] : $0.all }
            let cells = tiers.map { amount($0.loadedCost.mean) } + tiers.map { amount($0.credits.estimate.mean) }
                + tiers.map { marginShare($0.marginShare) }
            lines.append(TextFormat.row(key, labelWidth: 10, cells, widths: Array(repeating: 15, count: cells.count)))
        }
        return lines
    }

    static func row(_ label: String, _ columns: String...) -> String {
        TextFormat.row(label, labelWidth: 10, columns, widths: [9, 10, 11, 10, 18, 10, 12, 11, 18, 11, 9])
    }

    /// An amount with two decimals and thousands separators: 1,234.56.
    static func amount(_ value: Double) -> String { TextFormat.money(value) }

    static func marginShare(_ share: Estimate?) -> String {
        guard let share else { return "—" }
        return TextFormat.fixed(share.mean * 100, 1) + " %"
    }
}
