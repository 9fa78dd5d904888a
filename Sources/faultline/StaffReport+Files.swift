import Experiments
import Foundation
import Reports
import Scenario

extension StaffReport {
    /// The JSON document: keys in a fixed order, everything from the search result, so a seed
    /// gives the same bytes whatever the thread count (only `timing` depends on the machine).
    static func json(_ context: Context, includeTiming: Bool) -> JSONValue {
        let result = context.result
        var members = [
            JSONMember("scenario", ["name": .string(context.scenario.name), "file": .string(context.scenarioFile)]),
            JSONMember("notes", [
                "bound": "one-sided confidence bound on the target's side: Student-t for a mean, order statistic for a percentile",
                "exact": "false when the bound is the most extreme value (too few replications for a true bound)",
                "search": "every candidate plan runs the same replications with the same seed (common random numbers)",
                "costPerYear": "roster hours × the scenario's hourly rates over a 365-day year (call-outs not included)",
            ]),
            JSONMember("confidence", .number(result.confidence)),
            JSONMember("search", ["replications": .int(result.searchReplications), "seed": .string(String(result.searchSeed)),
                                  "plansSimulated": .int(result.evaluations), "stop": .string(result.stop.rawValue)]),
            JSONMember("verification", ["replications": .int(result.verifyReplications), "seed": .string(String(result.verifySeed)),
                                        "allHold": .bool(result.verified)]),
            JSONMember("targets", .array(result.targets.indices.map { index in
                [
                    "target": .string(result.targets[index].description),
                    "current": judgement(result.current.judgements[index]),
                    "recommendedSearch": judgement(result.curve[result.curve.count - 1].judgements[index]),
                    "recommendedFresh": judgement(result.verification[index]),
                    "binds": .bool(result.binds(index)),
                    "bindingUnits": .array(result.bindingUnits[index].map { .string(result.units[$0].description) }),
                ]
            })),
            JSONMember("staffing", .array(result.units.map { unit in
                [
                    "group": .string(unit.group), "shift": .string(unit.shift), "costPerUnitPerYear": .number(unit.costPerYear),
                    "current": .int(capacity(result.current.plan, unit)), "start": .int(capacity(result.curve[0].plan, unit)),
                    "recommended": .int(capacity(result.recommended, unit)),
                ]
            })),
            JSONMember("cost", [
                "current": cost(result.currentCost), "recommended": cost(result.recommendedCost),
            ]),
            JSONMember("curve", .array(result.curve.map { step in
                [
                    "move": .string(moveText(step.move, result)), "costPerYear": .number(step.costPerYear),
                    "allHold": .bool(step.allHold), "targets": .array(step.judgements.map(judgement)),
                ]
            })),
        ]
        if includeTiming {
            members.append(JSONMember("timing", ["wallSeconds": .number(context.wallSeconds), "threads": .int(context.threads)]))
        }
        return .object(members)
    }

    static func judgement(_ judgement: TargetJudgement) -> JSONValue {
        [
            "replications": .int(judgement.replications), "estimate": .optional(judgement.estimate.map(JSONValue.number)),
            "bound": .optional(judgement.bound.map(JSONValue.number)), "exact": .bool(judgement.exact), "holds": .bool(judgement.holds),
        ]
    }

    static func cost(_ plan: StaffCostPlan) -> JSONValue {
        [
            "lines": .array(plan.lines.map {
                ["group": .string($0.group), "hoursPerYear": .number($0.hoursPerYear), "ratePerHour": .number($0.ratePerHour),
                 "costPerYear": .number($0.costPerYear)]
            }),
            "totalPerYear": .number(plan.totalPerYear),
        ]
    }

    /// `staffing.csv`, `costs.csv`, `targets.csv` and `curve.csv` (one row per step and target).
    static func csvTables(_ context: Context) throws -> [CSVTable] {
        let result = context.result
        do {
            var staffing = CSVWriter(header: ["group", "shift", "current", "start", "recommended", "cost_per_unit_per_year"])
            for unit in result.units {
                try staffing.append([unit.group, unit.shift, String(capacity(result.current.plan, unit)),
                                     String(capacity(result.curve[0].plan, unit)), String(capacity(result.recommended, unit)),
                                     EvaluateReport.cell(unit.costPerYear)])
            }
            var costs = CSVWriter(header: ["group", "current_hours_per_year", "current_cost_per_year",
                                           "recommended_hours_per_year", "recommended_cost_per_year"])
            for (current, recommended) in zip(result.currentCost.lines, result.recommendedCost.lines) {
                try costs.append([current.group, EvaluateReport.cell(current.hoursPerYear), EvaluateReport.cell(current.costPerYear),
                                  EvaluateReport.cell(recommended.hoursPerYear), EvaluateReport.cell(recommended.costPerYear)])
            }
            try costs.append(["total", "", EvaluateReport.cell(result.currentCost.totalPerYear), "",
                              EvaluateReport.cell(result.recommendedCost.totalPerYear)])
            var targets = CSVWriter(header: ["target", "phase", "replications", "estimate", "bound", "exact", "holds", "binds"])
            for (index, target) in result.targets.enumerated() {
                let phases = [("current_search", result.current.judgements[index]),
                              ("recommended_search", result.curve[result.curve.count - 1].judgements[index]),
                              ("recommended_fresh", result.verification[index])]
                for (phase, judged) in phases {
                    try targets.append([target.description, phase, String(judged.replications), EvaluateReport.cell(judged.estimate),
                                        EvaluateReport.cell(judged.bound), String(judged.exact), String(judged.holds),
                                        String(result.binds(index))])
                }
            }
            var curve = CSVWriter(header: ["step", "move", "cost_per_year", "target", "estimate", "bound", "holds"])
            for (number, step) in result.curve.enumerated() {
                for judged in step.judgements {
                    try curve.append([String(number), moveText(step.move, result), EvaluateReport.cell(step.costPerYear),
                                      judged.target.description, EvaluateReport.cell(judged.estimate),
                                      EvaluateReport.cell(judged.bound), String(judged.holds)])
                }
            }
            return [CSVTable(name: "staffing.csv", bytes: staffing.bytes), CSVTable(name: "costs.csv", bytes: costs.bytes),
                    CSVTable(name: "targets.csv", bytes: targets.bytes), CSVTable(name: "curve.csv", bytes: curve.bytes)]
        } catch {
            throw UserError("--csv: cannot build the tables: \(error)")
        }
    }

    /// The recommended rosters as a scenario that extends the input file (named relative to
    /// the written file's folder when they share it, else by absolute path).
    static func scenarioYAML(_ context: Context, writingTo output: String) -> String {
        let absolute = { (path: String) in
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
        let input = absolute(context.scenarioFile)
        let sameFolder = (input as NSString).deletingLastPathComponent == (absolute(output) as NSString).deletingLastPathComponent
        let base = sameFolder ? (input as NSString).lastPathComponent : input
        return context.result.recommended.overrideYAML(extending: base, name: context.scenario.name + "-staffed",
                                                       scenario: context.scenario)
    }
}
