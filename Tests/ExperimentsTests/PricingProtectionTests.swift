import Experiments
import Scenario
import TestSupport
import Testing

/// `costs.protection`: read per network grade, refused with a located problem when wrong, and
/// applied per tier by the circuits' network grades.
@Suite struct PricingProtectionTests {
    static func parse(_ protection: String) throws -> Scenario {
        try Scenario.parse(yaml: SmallScenario.yaml() + "\ncosts: {crewHour: 180, protection: \(protection)}\n",
                           file: "small.yaml")
    }

    static func problems(_ protection: String) -> [ScenarioProblem] {
        do {
            _ = try parse(protection)
            return []
        } catch let error as ScenarioError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func theBaselineHasProtectionByGrade() {
        let costs = Scenario.builtInBaseline.costs
        #expect(costs.protectionPerCircuitMonth == ["A": 1800, "B": 450, "C": 60, "N": 0])
        #expect(costs.protection(networkGrade: "B") == 450)
    }

    @Test func gradesNotListedCostNothing() throws {
        let scenario = try Self.parse("{B: 450}")
        #expect(scenario.costs.protection(networkGrade: "B") == 450)
        #expect(scenario.costs.protection(networkGrade: "C") == 0)
        let plan = PricingPlan(scenario)
        #expect(plan.tiers.map(\.protectionPerCircuitMonth) == [450, 0, 0], "SLA-AA is grade B; SLA-A and MQ-I grade C")
    }

    @Test func aNegativeAmountIsRefusedWithItsLocation() throws {
        let problems = Self.problems("{B: -5}")
        let problem = try #require(problems.only)
        #expect(problem.keyPath == "costs.protection.B" && problem.kind == .invalidValue, "\(problem)")
        #expect(problem.line == 25 && problem.column == 40, "\(problem)")
        #expect(problem.message.contains("must not be negative"))
    }

    @Test func anUnknownGradeIsRefusedWithASuggestion() throws {
        let problem = try #require(Self.problems("{AA: 5, C: 1}").only)
        #expect(problem.keyPath == "costs.protection.AA" && problem.kind == .unknownReference, "\(problem)")
        #expect(problem.suggestion == "A", "\(problem)")
        #expect(problem.message.contains("did you mean `A`?"), "\(problem)")
    }

    @Test func aNonNumberIsRefused() throws {
        let problem = try #require(Self.problems("{A: lots}").only)
        #expect(problem.keyPath == "costs.protection.A" && problem.kind == .wrongType, "\(problem)")
    }
}
