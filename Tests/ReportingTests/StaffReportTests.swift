import Foundation
import Reporting
import Scenario
import SimCore
import Testing

@testable import Experiments

/// The `staff` report built from a fixed search result on the baseline's rosters: one agent
/// more on the first agents' line, call-outs measured in the east.
@Suite struct StaffReportTests {
    static let scenario = Scenario.builtInBaseline

    static var result: StaffSearchResult {
        let today = StaffingPlan(scenario)
        let search = StaffSearch(scenario: scenario, targets: [], confidence: 0.95, searchReplications: 4, searchSeed: 1,
                                 verifyReplications: 8, verifySeed: 2)
        let units = search.units(of: today)
        let agents = units.firstIndex { $0.pool == .agents }!
        let recommended = today.adding(1, to: units[agents])
        let target = StaffTarget(metric: Metric(.group("all", .dispatch)), comparison: .atLeast, threshold: 0.9)
        let judged = { (estimate: Double, bound: Double, replications: Int) in
            TargetJudgement(target: target, replications: replications, estimate: estimate, bound: bound, exact: true,
                            holds: bound >= 0.9)
        }
        let cost = { (plan: StaffingPlan, hours: [Double]) in
            StaffCost(roster: StaffCostPlan(plan.applied(to: scenario)),
                      callouts: [.init(region: "east", hoursPerYear: Estimate(hours)!, ratePerHour: 180)],
                      calloutCostPerYear: Estimate(hours.map { $0 * 180 }))
        }
        let step = { (move: StaffStep.Move, plan: StaffingPlan, estimate: Double, bound: Double) in
            StaffStep(move: move, plan: plan, costPerYear: StaffCostPlan(plan.applied(to: scenario)).totalPerYear,
                      judgements: [judged(estimate, bound, 4)])
        }
        return StaffSearchResult(
            targets: [target], confidence: 0.95, searchReplications: 4, searchSeed: 1, verifyReplications: 8, verifySeed: 2,
            units: units, current: step(.current, today, 0.88, 0.86),
            curve: [step(.start, today, 0.88, 0.86), step(.add(unit: agents, count: 1), recommended, 0.93, 0.91)],
            stop: .met, recommended: recommended, currentCost: cost(today, [100, 120, 100, 120]),
            recommendedCost: cost(recommended, [90, 110, 90, 110, 90, 110, 90, 110]),
            verification: [judged(0.94, 0.92, 8)], bindingUnits: [[agents]], evaluations: 2)
    }

    static var report: Report {
        StaffReport(scenarioFile: "base.yaml", scenarioName: "base", result: result, timing: Timing(wallSeconds: 2, threads: 2)).report
    }

    @Test func costTableAddsTheMeasuredCalloutsToTheRosters() throws {
        let text = TerminalRenderer.render(Self.report)
        let lines = text.split(separator: "\n").map(String.init)
        // East call-outs: 110 h a year × 180 = 19,800 today (search), 100 h = 18,000 recommended (fresh).
        let callouts = try #require(lines.first { $0.hasPrefix("  callouts.east") })
        #expect(callouts.contains("19,800.00 ± ") && callouts.contains("18,000.00 ± ") && callouts.hasSuffix("-1,800.00"), "\(callouts)")
        let roster = StaffCostPlan(Self.scenario).totalPerYear
        let total = try #require(lines.first { $0.hasPrefix("  total") })
        #expect(total.contains(CellText.money(roster + 19_800) + " ± "), "\(total)")
        #expect(Self.report.notes.contains(.staffCost) && Self.report.notes.contains(.targetBound))
    }

    @Test func staffingAndTargetsReadByName() throws {
        let files = try CSVRenderer.render(Self.report)
        #expect(files.map(\.name) == ["staffing.csv", "costs.csv", "targets.csv", "curve.csv"])
        let staffing = String(decoding: files[0].bytes, as: UTF8.self).split(separator: "\n")
        #expect(staffing[0] == "group,shift,current,start,recommended,change,cost_per_unit_per_year")
        let agents = try #require(staffing.first { $0.hasPrefix("agents,") })
        #expect(agents.contains(",1,"), "one agent more: \(agents)")
        let targets = String(decoding: files[2].bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(targets.dropFirst().map { $0.split(separator: ",")[1] } == ["current_search", "recommended_search", "recommended_fresh"])
        #expect(targets[3] == "dispatch >= 0.9,recommended_fresh,8,0.94,0.92,true,true,true")
    }

    @Test func jsonHasTheStaffCostWithCalloutsAndTheRosterCostOfEachStep() throws {
        let document = try #require(try JSONSerialization.jsonObject(
            with: Data(JSONRenderer.render(Self.report, includeTiming: true))) as? [String: Any])
        let cost = try #require(document["cost"] as? [String: Any])
        let current = try #require(cost["current"] as? [String: Any])
        let total = try #require((current["totalPerYear"] as? [String: Any])?["mean"] as? Double)
        #expect(abs(total - (StaffCostPlan(Self.scenario).totalPerYear + 19_800)) < 1e-6)
        #expect((current["callouts"] as? [[String: Any]])?.first?["group"] as? String == "callouts.east")
        let curve = try #require(document["curve"] as? [[String: Any]])
        #expect(curve.map { $0["move"] as? String } == ["start (analytic estimate)", "+ agents 00:00-08:00"])
        #expect(curve[0]["rosterCostPerYear"] as? Double == StaffCostPlan(Self.scenario).totalPerYear)
        #expect((document["timing"] as? [String: Any])?["threads"] as? Int == 2)
    }
}
