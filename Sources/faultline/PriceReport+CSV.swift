import Experiments
import Reports
import SimCore

extension PriceReport {
    /// `price.csv` (one row per case and tier, `all` last in each case) and `staff-cost.csv`
    /// (per case: the yearly lines that are no tier's). Estimates are a mean column and a `_ci`
    /// half-width column (empty with one replication).
    static func csvTables(_ results: PricingResults) throws -> [CSVTable] {
        let cases = [results.base] + results.sensitivityCases
        do {
            return [try priceTable(cases), try staffCostTable(cases)]
        } catch {
            throw UserError("--csv: cannot build the tables: \(error)")
        }
    }

    static func priceTable(_ cases: [PricingCase]) throws(ReportError) -> CSVTable {
        var header = ["fault_factor", "tier", "circuits", "fee"]
        for name in ["tickets_per_year", "crew_hours_per_year", "agent_hours_per_year", "direct_cost", "loaded_cost",
                     "credits"] { header += [name, name + "_ci"] }
        header += ["credits_p95", "protection"]
        for name in ["break_even", "margin", "margin_share"] { header += [name, name + "_ci"] }
        var writer = CSVWriter(header: header)
        for priced in cases {
            for tier in priced.tiers + [priced.all] {
                var row = [EvaluateReport.cell(priced.faultFactor), tier.key, String(tier.circuits), EvaluateReport.cell(tier.fee)]
                for value in [tier.ticketsPerYear, tier.crewHoursPerYear, tier.agentHoursPerYear, tier.directCost,
                              tier.loadedCost, tier.credits.estimate] { row += RunReport.cells(value) }
                row += [EvaluateReport.cell(tier.credits.p95), EvaluateReport.cell(tier.protection)]
                for value in [tier.breakEven, tier.margin, tier.marginShare] { row += RunReport.cells(value) }
                try writer.append(row)
            }
        }
        return CSVTable(name: "price.csv", bytes: writer.bytes)
    }

    static func staffCostTable(_ cases: [PricingCase]) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: ["fault_factor", "line", "per_year", "per_year_ci"])
        for priced in cases {
            let lines: [(String, Estimate)] = [
                ("install_crew_hours", priced.installCrewHoursPerYear), ("install_direct_cost", priced.installDirectPerYear),
                ("install_loaded_cost", priced.installLoadedPerYear), ("unattributed_cost", priced.unattributedPerYear),
                ("call_out_cost", priced.callOutPerYear), ("staff_cost", priced.staffPerYear),
            ]
            for (name, value) in lines { try writer.append([EvaluateReport.cell(priced.faultFactor), name] + RunReport.cells(value)) }
        }
        return CSVTable(name: "staff-cost.csv", bytes: writer.bytes)
    }
}
