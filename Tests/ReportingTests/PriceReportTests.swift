import Foundation
import Reporting
import Scenario
import SimCore
import Testing

@testable import Experiments

/// The `price` report built from fixed per-replication costs: the tier table, the CSV of every
/// case, the sensitivity section only when there are sensitivity cases.
@Suite struct PriceReportTests {
    /// 10 circuits at 100 a month (120 circuit-months a year): loaded 1,200 and 2,400 a year
    /// (10 and 20 per circuit-month), credits 120 a year (1), protection 5: break-even 16 and 26.
    static func tier(_ key: String, factor: Double = 1) -> TierPrice {
        TierPrice(key: key, circuits: 10, fee: 100, protection: 5, loadedPerYear: [1_200 * factor, 2_400 * factor],
                  creditsPerYear: [120, 120], directPerYear: [600, 600])
    }

    static func pricingCase(_ factor: Double) -> PricingCase {
        PricingCase(faultFactor: factor, tiers: [tier("SLA-A", factor: factor)], all: tier("all", factor: factor),
                    perYear: ["staff": Estimate([40_000, 40_000])!, "callOuts": Estimate([1_000, 3_000])!])
    }

    static func report(sensitivity: Double) -> Report {
        let cases = sensitivity > 0 ? [pricingCase(1 - sensitivity), pricingCase(1 + sensitivity)] : []
        let results = PricingResults(scenarioName: "small", seed: 9, replications: 2, windowDays: 60, sensitivity: sensitivity,
                                     base: pricingCase(1), sensitivityCases: cases)
        return PriceReport(scenarioFile: nil, scenario: Scenario.builtInBaseline, results: results,
                           timing: Timing(wallSeconds: 0.5, threads: 1)).report
    }

    @Test func tierRowCarriesLoadedCostBreakEvenAndMargin() throws {
        let text = TerminalRenderer.render(Self.report(sensitivity: 0.5))
        #expect(text.hasPrefix("faultline price · built-in baseline · `small` · 2 replications per case · seed 9"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("  SLA-A ") })
        // Loaded (10 + 20) / 2 = 15; break-even 15 + 1 + 5 = 21; margin 100 − 21 = 79 (79 %).
        for figure in ["100.00", "15.00 ± ", "5.00", "21.00 ± ", "79.00", "79.0 %"] {
            #expect(row.contains(figure), "\(figure) in \(row)")
        }
        #expect(text.contains("Sensitivity to fault rates ± 50 %"))
        #expect(text.contains("loaded ×0.50") && text.contains("margin % ×1.50"))
    }

    @Test func csvHasEveryCaseAndTheStaffCostLines() throws {
        let files = try CSVRenderer.render(Self.report(sensitivity: 0.5))
        #expect(files.map(\.name) == ["price.csv", "staff-cost.csv"])
        let price = String(decoding: files[0].bytes, as: UTF8.self).split(separator: "\n")
        #expect(price[0].hasPrefix("fault_factor,tier,circuits,fee,tickets_per_year,tickets_per_year_ci,"))
        #expect(price.count == 1 + 3 * 2, "3 cases × (1 tier + all)")
        #expect(price[1].hasPrefix("1,SLA-A,10,100,0,0,"))
        #expect(price[3].hasPrefix("0.5,SLA-A,"))
        let costs = String(decoding: files[1].bytes, as: UTF8.self).split(separator: "\n")
        #expect(costs[0] == "fault_factor,line,per_year,per_year_ci")
        #expect(costs.contains { $0.hasPrefix("1,call_out_cost,2000,") } && costs.contains("1,staff_cost,40000,0"))
    }

    @Test func withoutSensitivityCasesThereIsNoSensitivitySection() throws {
        let report = Self.report(sensitivity: 0)
        #expect(!report.sections.contains { $0.id == "sensitivity" })
        let document = try #require(try JSONSerialization.jsonObject(
            with: Data(JSONRenderer.render(report, includeTiming: false))) as? [String: Any])
        let sensitivity = try #require(document["sensitivity"] as? [String: Any])
        #expect((sensitivity["cases"] as? [Any])?.isEmpty == true)
        let perYear = try #require((document["base"] as? [String: Any])?["perYear"] as? [String: Any])
        #expect((perYear["callOuts"] as? [String: Any])?["mean"] as? Double == 2_000)
        #expect((document["scenario"] as? [String: Any])?["file"] is NSNull)
    }
}
