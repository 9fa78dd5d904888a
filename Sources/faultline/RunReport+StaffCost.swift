import Experiments
import Reports
import Scenario
import SimCore

/// Staff cost per year: the rosters' hours at the scenario's `costs:` rates (`StaffCostPlan`),
/// plus the measured call-out hours of on-call crews, paid as crew hours.
extension RunReport {
    /// One measured call-out line: `callouts.REGION`, hours per year across replications.
    struct CalloutLine {
        var group: String
        var hoursPerYear: Estimate
        var ratePerHour: Double
        var costPerYear: Estimate { scaled(hoursPerYear, by: ratePerHour) }
    }

    /// Call-out lines of the regions with anyone on call.
    static func calloutLines(_ context: Context) -> [CalloutLine] {
        let onCall = Set(context.scenario.crews.filter { $0.onCall.staffHoursPerWeek > 0 }.map(\.region))
        return context.results.staff.calloutHoursPerYear.filter { onCall.contains($0.region) }.map {
            CalloutLine(group: "callouts.\($0.region)", hoursPerYear: $0.hours, ratePerHour: context.scenario.costs.crewHour)
        }
    }

    /// Roster cost plus measured call-out cost per year (the interval is the call-outs').
    static func staffCostTotal(_ context: Context) -> Estimate {
        let callouts = scaled(context.results.staff.calloutHoursPerYearTotal, by: context.scenario.costs.crewHour)
        var total = callouts
        total.mean += StaffCostPlan(context.scenario).totalPerYear
        return total
    }

    /// An estimate times a constant (mean and half-width scale alike).
    static func scaled(_ estimate: Estimate, by factor: Double) -> Estimate {
        var scaled = estimate
        scaled.mean *= factor
        scaled.halfWidth *= factor
        return scaled
    }

    static func staffCostLines(_ context: Context) -> [String] {
        let plan = StaffCostPlan(context.scenario)
        let costs = context.scenario.costs
        if costs.crewHour == 0, costs.agentHour == 0, costs.onCallHour == 0 {
            return ["staff cost per year: not costed (the scenario gives no `costs:` rates)", ""]
        }
        let line = { (group: String, hours: String, rate: Double, cost: String) in
            "  \(group.padding(toLength: 16, withPad: " ", startingAt: 0)) \(hours) h × \(TextFormat.money(rate)) = \(cost)"
        }
        var lines = ["staff cost per year (roster hours × `costs:` rates; call-outs measured, paid as crew hours):"]
        lines += plan.lines.map { line($0.group, TextFormat.grouped(Int($0.hoursPerYear.rounded())), $0.ratePerHour,
                                       TextFormat.money($0.costPerYear)) }
        lines += calloutLines(context).map { line($0.group, plusMinus($0.hoursPerYear, 0), $0.ratePerHour, money($0.costPerYear)) }
        lines.append("  \("total".padding(toLength: 16, withPad: " ", startingAt: 0)) \(money(staffCostTotal(context)))")
        lines.append("")
        return lines
    }

    static func staffCostJSON(_ context: Context) -> JSONValue {
        let plan = StaffCostPlan(context.scenario)
        return [
            "lines": .array(plan.lines.map {
                ["group": .string($0.group), "hoursPerYear": .number($0.hoursPerYear),
                 "ratePerHour": .number($0.ratePerHour), "costPerYear": .number($0.costPerYear)]
            }),
            "callouts": .array(calloutLines(context).map {
                ["group": .string($0.group), "hoursPerYear": estimate($0.hoursPerYear),
                 "ratePerHour": .number($0.ratePerHour), "costPerYear": estimate($0.costPerYear)]
            }),
            "rosterPerYear": .number(plan.totalPerYear),
            "totalPerYear": estimate(staffCostTotal(context)),
        ]
    }

    static func staffCostTable(_ context: Context) throws(ReportError) -> CSVTable {
        var writer = CSVWriter(header: ["group", "kind", "hours_per_year", "hours_per_year_ci", "rate_per_hour",
                                        "cost_per_year", "cost_per_year_ci"])
        for line in StaffCostPlan(context.scenario).lines {
            try writer.append([line.group, "roster", EvaluateReport.cell(line.hoursPerYear), "",
                               EvaluateReport.cell(line.ratePerHour), EvaluateReport.cell(line.costPerYear), ""])
        }
        for line in calloutLines(context) {
            try writer.append([line.group, "measured"] + cells(line.hoursPerYear) + [EvaluateReport.cell(line.ratePerHour)]
                              + cells(line.costPerYear))
        }
        try writer.append(["total", "sum", "", "", ""] + cells(staffCostTotal(context)))
        return CSVTable(name: "staff-cost.csv", bytes: writer.bytes)
    }
}
