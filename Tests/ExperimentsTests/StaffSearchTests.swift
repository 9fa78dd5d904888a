@testable import Experiments
import Foundation
import Scenario
import TestSupport
import Testing

/// `staff` on a scenario that is only a monitoring-centre queue must agree with Erlang C.
///
/// The scenario (`TestScenarios.centreOnlyYAML`): 0.5 Poisson tickets a minute, exponential
/// 5-minute intakes as the agents' only work, every repair remote. `dispatched_at` is the end of
/// intake (docs/repair-model.md), so "dispatched within 15 min" is the M/M/c **sojourn** wait + intake.
@Suite struct StaffSearchTests {
    static let arrivalsPerMinute = 0.5
    static let intakeMinutes = 5.0

    static let centreYAML = TestScenarios.centreOnlyYAML(days: 10, seed: 11)

    /// P(wait + service ≤ t) in M/M/c, derived here from Erlang C: the wait is 0 with
    /// probability 1 − C, else exponential with rate cμ − λ; the service is exponential(μ).
    static func sojournWithin(_ t: Double, servers c: Int, lambda: Double, mu: Double) -> Double {
        guard lambda < Double(c) * mu else { return 0 }
        let wait = TextbookQueue(arrivalRates: [lambda], servers: c, serviceMean: 1 / mu).waitProbability
        let theta = Double(c) * mu - lambda
        // P(Exp(θ) + Exp(μ) > t) for θ ≠ μ (the test's rates keep them apart).
        let convolutionTail = (theta * exp(-mu * t) - mu * exp(-theta * t)) / (theta - mu)
        return 1 - (1 - wait) * exp(-mu * t) - wait * convolutionTail
    }

    /// The Erlang C agent count for "90 % dispatched within 15 minutes".
    static var erlangCount: Int {
        var servers = 1
        while sojournWithin(15, servers: servers, lambda: arrivalsPerMinute, mu: 1 / intakeMinutes) < 0.9 { servers += 1 }
        return servers
    }

    static func search(startingAt agents: Int?) throws -> StaffSearchResult {
        let scenario = try Scenario.parse(yaml: centreYAML, file: "centre.yaml")
        let target = try StaffTarget.parse("dispatch >= 0.90").get()
        var search = StaffSearch(scenario: scenario, targets: [target], confidence: 0.95, searchReplications: 6,
                                 searchSeed: 11, verifyReplications: 20, verifySeed: 12)
        if let agents {
            var plan = StaffingPlan(scenario)
            plan.agentLines[0].capacity = agents
            search.start = plan
        }
        return search.run(threads: 2)
    }

    @Test func erlangCountIsClearCut() {
        // The case is chosen so that ± 1 is a real test: one agent fewer misses 90 % by far.
        let c = Self.erlangCount
        #expect(c == 4)
        #expect(Self.sojournWithin(15, servers: c - 1, lambda: 0.5, mu: 0.2) < 0.75)
        #expect(Self.sojournWithin(15, servers: c, lambda: 0.5, mu: 0.2) > 0.92)
    }

    @Test func anUnreachableDispatchShareGivesAModestEstimateNotTheCap() {
        // With an 8-minute intake even no wait meets 15 minutes only 1 − e^(−15/8) = 84.7 % of
        // the time, so 98 % is out of reach; the estimate stops where more agents stop helping.
        let reachable = StaffEstimate.agents(arrivalRate: 0.5, workMean: 8, intakeMean: 8, limitMinutes: 15, share: 0.8)
        let unreachable = StaffEstimate.agents(arrivalRate: 0.5, workMean: 8, intakeMean: 8, limitMinutes: 15, share: 0.98)
        #expect(reachable >= 5 && reachable < unreachable)
        #expect(unreachable < 20, "\(unreachable)")
        let share = StaffEstimate.dispatchProbability(servers: unreachable, arrivalRate: 0.5, workMean: 8, intakeMean: 8,
                                                      limitMinutes: 15)
        #expect(share >= 1 - exp(-15.0 / 8) - 0.001)
    }

    @Test func sojournFormulaMatchesMM1() {
        // In M/M/1 the sojourn is exponential with rate μ − λ.
        for t in [1.0, 5, 15, 40] {
            let formula = StaffEstimate.dispatchProbability(servers: 1, arrivalRate: 0.1, workMean: 5, intakeMean: 5, limitMinutes: t)
            #expect(abs(formula - (1 - exp(-(0.2 - 0.1) * t))) < 1e-12)
            #expect(abs(formula - Self.sojournWithin(t, servers: 1, lambda: 0.1, mu: 0.2)) < 1e-12)
        }
    }

    @Test(arguments: [nil, 1, 8] as [Int?])
    func recommendsTheErlangCountFromAnyStart(agents: Int?) throws {
        let result = try Self.search(startingAt: agents)
        let recommended = result.recommended.agentLines[0].capacity
        #expect(abs(recommended - Self.erlangCount) <= 1, "recommended \(recommended), Erlang C \(Self.erlangCount)")
        #expect(result.stop == .met)
        #expect(result.verified)
        #expect(result.recommended.crewLines[0][0].capacity == 1, "the only crew stays: nobody else covers the region")
        // The simulated share at the recommendation agrees with the M/M/c sojourn formula.
        let share = try #require(result.verification[0].estimate)
        let theory = Self.sojournWithin(15, servers: recommended, lambda: 0.5, mu: 0.2)
        #expect(abs(share - theory) < 0.01, "simulated \(share), M/M/\(recommended) \(theory)")
        #expect(result.binds(0), "one agent fewer must break the dispatch target")
        if agents == 1 { #expect(result.curve.count >= 3, "the greedy phase climbed from one agent") }
    }

    @Test func anUnreachableTargetIsRecognisedAtOnceAndTodaysStaffingKept() throws {
        // Even with no wait, P(intake ≤ 15 min) = 1 − e^(−3) = 95.0 %: 99 % is out of reach.
        let scenario = try Scenario.parse(yaml: Self.centreYAML, file: "centre.yaml")
        let target = try StaffTarget.parse("dispatch >= 0.99").get()
        let search = StaffSearch(scenario: scenario, targets: [target], confidence: 0.95, searchReplications: 3,
                                 searchSeed: 5, verifyReplications: 3, verifySeed: 6)
        let result = search.run(threads: 2)
        #expect(result.stop == .unreachable)
        #expect(result.unreachable == [0])
        #expect(result.evaluations <= 3, "today, the analytic start and the ample plan: no greedy search")
        #expect(result.recommended == StaffingPlan(scenario), "nothing to search for: today's staffing is kept")
        #expect(!result.verified && !result.allTargetsMet)
        let ample = try #require(result.ample)
        #expect(ample.plan.agentLines[0].capacity >= StaffingPlan(scenario).agentLines[0].capacity + search.ampleExtraHeads)
        let share = try #require(ample.judgements[0].estimate)
        #expect(share < 1 - exp(-3.0) + 0.01, "with every wait gone the share is the intake's own: 95 %")
    }

    /// One target out of reach does not stop the search for the others: it meets `dispatch >=
    /// 0.9` (within one agent of Erlang C) and reports `dispatch >= 0.99` out of reach.
    @Test func theOtherTargetsAreStillMetWhenOneIsOutOfReach() throws {
        let scenario = try Scenario.parse(yaml: Self.centreYAML, file: "centre.yaml")
        let reachable = try StaffTarget.parse("dispatch >= 0.9").get()
        let unreachable = try StaffTarget.parse("dispatch >= 0.99").get()
        let search = StaffSearch(scenario: scenario, targets: [reachable, unreachable], confidence: 0.95, searchReplications: 6,
                                 searchSeed: 11, verifyReplications: 20, verifySeed: 12)
        let result = search.run(threads: 2)
        #expect(result.unreachable == [1])
        #expect(result.stop == .met)
        #expect(result.verification[0].holds && !result.verification[1].holds)
        #expect(!result.allTargetsMet)
        let recommended = result.recommended.agentLines[0].capacity
        #expect(abs(recommended - Self.erlangCount) <= 1, "recommended \(recommended), Erlang C \(Self.erlangCount)")
    }

    @Test func sameSeedSameResultWhateverTheThreads() throws {
        let scenario = try Scenario.parse(yaml: Self.centreYAML, file: "centre.yaml")
        let target = try StaffTarget.parse("dispatch >= 0.9").get()
        var search = StaffSearch(scenario: scenario, targets: [target], confidence: 0.95, searchReplications: 3,
                                 searchSeed: 5, verifyReplications: 3, verifySeed: 6)
        var plan = StaffingPlan(scenario)
        plan.agentLines[0].capacity = 3
        search.start = plan
        let one = search.run(threads: 1)
        let two = search.run(threads: 2)
        #expect(one.curve == two.curve)
        #expect(one.verification == two.verification)
    }

    @Test func staffCostsCountRostersPlusMeasuredCallouts() throws {
        let scenario = try Scenario.parse(yaml: Self.centreYAML, file: "centre.yaml")
        let target = try StaffTarget.parse("dispatch >= 0.9").get()
        let result = StaffSearch(scenario: scenario, targets: [target], confidence: 0.95, searchReplications: 3,
                                 searchSeed: 5, verifyReplications: 3, verifySeed: 6).run(threads: 2)
        let rosters = [StaffCostPlan(scenario), StaffCostPlan(result.recommended.applied(to: scenario))]
        for (cost, roster) in zip([result.currentCost, result.recommendedCost], rosters) {
            #expect(cost.roster == roster, "the roster lines are the plan's")
            let callouts = cost.callouts.reduce(0) { $0 + $1.costPerYear.mean }
            #expect(abs(cost.totalPerYear.mean - roster.totalPerYear - callouts) < 1e-6 * max(1, roster.totalPerYear))
        }
        #expect(result.start == result.curve.first && result.recommendedStep == result.curve.last)
    }
}
