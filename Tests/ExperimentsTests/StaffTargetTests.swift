import Experiments
import Foundation
import Scenario
import TestSupport
import Testing

/// Reading `--target`, judging it at a confidence, and the roster lines `staff` varies.
@Suite struct StaffTargetTests {
    @Test func readsMetricStatisticComparisonAndValue() throws {
        let restoration = try StaffTarget.parse("SLA-AA.restoration >= 0.95").get()
        #expect(restoration.metric.description == "SLA-AA.restoration")
        #expect(restoration.statistic == .mean && restoration.comparison == .atLeast && restoration.threshold == 0.95)
        let credits = try StaffTarget.parse("credits.p95<=2_000_000").get()
        #expect(credits.metric.description == "credits" && credits.statistic == .percentile(0.95))
        #expect(credits.comparison == .atMost && credits.threshold == 2_000_000)
        #expect(credits.description == "credits.p95 <= 2000000")
        #expect(try StaffTarget.parse("dispatch >= 90%").get().threshold == 0.9)
        #expect(try StaffTarget.parse("agents.utilisation.mean <= 0.8").get().metric.description == "agents.utilisation")
    }

    @Test(arguments: ["dispatch", "dispatch = 0.9", "dispatch >= ", "dispatch >= x", "SLA-AA.resto >= 0.9",
                      "dispatch >= 0.9 <= 1", "a.b.c.d >= 1"])
    func refusesBadTargetsWithAReason(text: String) {
        guard case .failure(let error) = StaffTarget.parse(text) else {
            Issue.record("«\(text)» was accepted")
            return
        }
        #expect(error.description.hasPrefix("«\(text)»:"))
    }

    @Test func meanBoundIsTheOneSidedStudentTBound() throws {
        let target = StaffTarget(metric: Metric(.group("all", .dispatch)), comparison: .atLeast, threshold: 1.4)
        let judged = TargetJudgement.judge(target, values: [1, 2, 3, 4, 5, nil], confidence: 0.95)
        // mean 3, s = √2.5, t(0.95; 4) = 2.131847 → 3 − 2.131847 · √2.5 / √5 = 1.492557.
        #expect(judged.replications == 5)
        let bound = try #require(judged.bound)
        #expect(abs(bound - 1.492557) < 1e-5)
        #expect(judged.holds)
        let strict = StaffTarget(metric: Metric(.group("all", .dispatch)), comparison: .atLeast, threshold: 1.5)
        #expect(!TargetJudgement.judge(strict, values: [1, 2, 3, 4, 5], confidence: 0.95).holds)
        #expect(TargetJudgement.judge(strict, values: [nil, nil], confidence: 0.95).noData)
    }

    @Test func percentileBoundIsAnOrderStatistic() {
        // P(Bin(n, q) ≤ n − 1) = 1 − qⁿ: the maximum bounds p95 at 95 % from n = 59 (1 − 0.95⁵⁹ = 0.9515), not 58 (0.9489).
        #expect(OrderStatistic.upperBoundRank(n: 59, q: 0.95, confidence: 0.95) == 59)
        #expect(OrderStatistic.upperBoundRank(n: 58, q: 0.95, confidence: 0.95) == nil)
        // n = 100: Bin(100, 0.95) ≤ 97 has probability 0.8817, ≤ 98 has 0.9629 → rank 99.
        #expect(OrderStatistic.upperBoundRank(n: 100, q: 0.95, confidence: 0.95) == 99)
        let target = try! StaffTarget.parse("credits.p95 <= 99").get()
        let values = (1...100).map { Double($0) as Double? }
        let judged = TargetJudgement.judge(target, values: values, confidence: 0.95)
        #expect(judged.estimate == 95 && judged.bound == 99 && judged.exact && judged.holds)
        let few = TargetJudgement.judge(target, values: Array(values.prefix(20)), confidence: 0.95)
        #expect(few.bound == 20 && !few.exact, "too few replications: the maximum stands in")
    }

    @Test func rosterLinesRoundTripTheBaseline() throws {
        let scenario = try Scenario.load(path: Self.repositoryFile("scenarios/baseline.yaml"))
        let plan = StaffingPlan(scenario)
        #expect(plan.regions == ["east", "west", "north", "south"])
        #expect(plan.crewLines[0].map(\.shiftText) == ["Mon-Fri 08:30-17:30", "Sat,Sun 08:30-17:30", "17:30-22:00", "22:00-08:30"])
        #expect(plan.crewLines[0].map(\.capacity) == [3, 2, 2, 1])
        // West writes Mon-Fri and Sat,Sun day shifts with the same 2 crews: one line, every day.
        #expect(plan.crewLines[1].map(\.shiftText) == ["08:30-17:30", "17:30-22:00", "22:00-08:30"])
        #expect(plan.agentLines.map(\.shiftText) == ["00:00-08:00", "08:00-16:00", "16:00-24:00"])
        #expect(plan.applied(to: scenario) == scenario, "an unchanged plan gives the same rosters")
        #expect(abs(plan.crewLines[0][0].hoursPerWeek - 45) < 1e-9)
    }

    @Test func overrideScenarioExtendsTheBaseAndReproducesThePlan() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let base = try folder.write(try String(contentsOfFile: Self.repositoryFile("scenarios/baseline.yaml"), encoding: .utf8),
                                    to: "baseline.yaml")
        let scenario = try Scenario.load(path: base)
        var plan = StaffingPlan(scenario)
        plan.crewLines[0][3].capacity = 0
        plan.agentLines[1].capacity = 5
        let text = plan.overrideYAML(extending: "baseline.yaml", name: "staffed", scenario: scenario)
        let written = try Scenario.load(path: try folder.write(text, to: "staffed.yaml"))
        #expect(written.crews == plan.applied(to: scenario).crews)
        #expect(written.monitoringCentre == plan.applied(to: scenario).monitoringCentre)
        #expect(written.inventory == scenario.inventory)
    }

    /// A file of the repository, found from this source file's location.
    static func repositoryFile(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(relative).path
    }
}
