import Foundation
import RepairModel
import Scenario
import SimCore
import TestSupport
import Testing

@testable import Experiments

/// `price` and the staff groups beyond crews and agents: the remote-fix engineers' roster is
/// spread over the tiers by their tickets' engineer hours, and the installation progress
/// reports' account-manager hours are in the staff cost, carried by installs, as `run` counts them.
@Suite struct PricingWorkPoolsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios").path

    /// The small scenario where only one tier has remote fixes: the sdh circuits (SLA-AA, MQ-I)
    /// fail on the access segment only, always repaired on site; the mpls-vpn circuits (SLA-A)
    /// also fail on metro, 70 % of those fixed remotely in 20 min. With `engineers`, one engineer
    /// is always on duty at 110 an hour.
    static func splitScenario(engineers: Bool) throws -> Scenario {
        var yaml = TestScenarios.smallYAML()
            .replacingOccurrences(of: "default: {access: 2.0, metro: 0.5}",
                                  with: "sdh: {access: 2.0}\n    mpls-vpn: {access: 0.5, metro: 2.0}")
            .replacingOccurrences(
                of: "  default: \"lognormal(mean: 3h, sd: 3h)\"",
                with: "  default: \"lognormal(mean: 3h, sd: 3h)\"\n"
                    + "  metro: {remoteShare: 0.7, remote: \"exponential(mean: 20m)\", onSite: \"lognormal(mean: 3h, sd: 3h)\"}")
            + "\ncosts: {crewHour: 180, agentHour: 90, remoteEngineerHour: 110}\n"
        if engineers { yaml += "remoteEngineers: {roster: [{shift: always, engineers: 1}]}\n" }
        return try Scenario.parse(yaml: yaml, file: "split.yaml")
    }

    /// The same scenario with the engineers' hour free: the model runs the same (costs change
    /// no draw), so any tier's loaded cost minus this one's is its share of the engineers.
    static func withoutEngineerRate(_ scenario: Scenario) -> PricingPlan {
        var free = scenario
        free.costs.remoteEngineerHour = 0
        return PricingPlan(free)
    }

    @Test func onTheRemoteEngineersScenarioTheirRosterIsSpreadOverTheTiersByTheirHours() throws {
        let scenario = try Scenario.load(path: "\(Self.folder)/remote-engineers.yaml")
        let plan = PricingPlan(scenario), free = Self.withoutEngineerRate(scenario)
        // 2 + 3 + 2 engineers on 8-hour shifts every day: 56 h a day × 365 × 120.
        let roster = 56.0 * 365 * 120
        #expect(abs(plan.rosterCostPerYear("remoteEngineers") - roster) < 1e-6)
        for replication in 0..<2 {
            let (figures, costs) = PricingStudy.priced(scenario, replication: replication, plan: plan)
            let freeCosts = PricingCosts(figures, plan: free)
            let spread = costs.loadedPerYear.reduce(0, +) + costs.installLoadedPerYear + costs.unattributedPerYear
            #expect(abs(spread - costs.staffPerYear) < 1e-9 * costs.staffPerYear, "replication \(replication)")
            #expect(costs.unattributedPerYear == 0, "nothing of the engineers' is left unattributed")
            #expect(abs(costs.staffPerYear - freeCosts.staffPerYear - roster) < 1e-6 * roster)
            let shares = zip(costs.loadedPerYear, freeCosts.loadedPerYear).map { $0 - $1 }
            #expect(abs(shares.reduce(0, +) - roster) < 1e-6 * roster, "the tiers carry the whole roster")
            #expect(costs.installLoadedPerYear == freeCosts.installLoadedPerYear, "installs take no engineer time")
            let hours = figures.remoteEngineerHours, total = hours.reduce(0, +)
            for tier in plan.tiers.indices {
                #expect(hours[tier] > 0, "\(plan.tiers[tier].key) has remote fixes on the baseline")
                #expect(abs(shares[tier] - roster * hours[tier] / total) < 1e-6 * roster, "\(plan.tiers[tier].key)")
                let direct = costs.directPerYear[tier] - freeCosts.directPerYear[tier]
                #expect(abs(direct - hours[tier] * 120 * figures.yearsPerWindow) < 1e-6 * direct)
            }
            // The tickets' engineer hours are the engineers' measured busy hours, short of the
            // fixes cut by the window's ends (a fix lasts minutes; thousands of hours a year).
            let outcome = RepairSimulation(scenario: scenario, replication: replication).run()
            let busy = try #require(outcome.staff.remoteEngineers).busyHours.reduce(0, +)
            #expect(abs(total - busy) < 0.005 * busy, "tickets \(total) h vs measured \(busy) h")
        }
    }

    @Test func aTierWithoutRemoteFixesGetsNoneOfTheEngineersCost() throws {
        let scenario = try Self.splitScenario(engineers: true)
        let plan = PricingPlan(scenario), free = Self.withoutEngineerRate(scenario)
        #expect(plan.tiers.map(\.key) == ["SLA-AA", "SLA-A", "MQ-I"])
        let results = PricingStudy(scenario: scenario, replications: 2, sensitivity: 0).run(threads: 2)
        for replication in 0..<2 {
            let (figures, costs) = PricingStudy.priced(scenario, replication: replication, plan: plan)
            let freeCosts = PricingCosts(figures, plan: free)
            #expect(figures.remoteEngineerHours[0] == 0 && figures.remoteEngineerHours[2] == 0)
            #expect(figures.remoteEngineerHours[1] > 0)
            #expect(costs.loadedPerYear[0] == freeCosts.loadedPerYear[0] && costs.loadedPerYear[2] == freeCosts.loadedPerYear[2])
            #expect(costs.directPerYear[0] == freeCosts.directPerYear[0] && costs.directPerYear[2] == freeCosts.directPerYear[2])
            // One engineer always on duty: 8,760 h × 110, all on SLA-A.
            #expect(abs(costs.loadedPerYear[1] - freeCosts.loadedPerYear[1] - 8_760 * 110) < 1e-6)
            #expect(costs.unattributedPerYear == 0)
        }
        #expect(results.base.tiers.map { $0.remoteEngineerHoursPerYear?.mean == 0 } == [true, false, true])
        #expect(results.base.all.remoteEngineerHoursPerYear != nil)
    }

    @Test func aRemoteFixHoldsItsEngineerFromAcceptanceToRepair() throws {
        let outcome = RepairSimulation(scenario: try Self.splitScenario(engineers: true), replication: 0).run()
        var remoteFixes = 0
        for (record, detail) in zip(outcome.tickets, outcome.details) where record.confirmedAt != nil {
            guard detail.crew == .none else {
                #expect(detail.remoteMinutes == 0, "T\(detail.number): a crew ticket takes no engineer")
                continue
            }
            remoteFixes += 1
            let expected = Double(record.repairedAt.seconds - record.acceptedAt!.seconds) / 60
            #expect(abs(detail.remoteMinutes - expected) < 1.0 / 60, "T\(detail.number): \(detail.remoteMinutes) vs \(expected)")
            #expect(detail.remoteMinutes > 0)
        }
        #expect(remoteFixes > 20, "150 circuits × 2 metro faults a year × 60 days × 70 % ≈ 34")
        let withoutPool = RepairSimulation(scenario: try Self.splitScenario(engineers: false), replication: 0).run()
        #expect(withoutPool.details.contains { $0.crew == .none })
        #expect(withoutPool.details.allSatisfy { $0.remoteMinutes == 0 }, "no pool, no engineer time")
    }

    @Test func installationProgressReportsAreInTheStaffCostAsRunCountsThemCarriedByInstalls() throws {
        let scenario = try Scenario.load(path: "\(Self.folder)/long-installations.yaml")
        let replications = 2
        let price = PricingStudy(scenario: scenario, replications: replications, sensitivity: 0).run(threads: 2)
        let run = Experiment(scenario: scenario, replications: replications).run(threads: 2)
        let staffCost = StaffCost(scenario: scenario, staff: run.staff)
        let line = try #require(staffCost.callouts.first { $0.group == "accountManagers.installReports" })
        let reports = try #require(price.base.installReportPerYear)
        #expect(reports.mean > 0)
        #expect(abs(reports.mean - line.costPerYear.mean) < 1e-6 * reports.mean)
        #expect(abs(price.base.staffPerYear.mean - staffCost.totalPerYear.mean) < 1e-9 * staffCost.totalPerYear.mean,
                "price \(price.base.staffPerYear.mean) vs run \(staffCost.totalPerYear.mean)")
        let plan = PricingPlan(scenario)
        let (figures, costs) = PricingStudy.priced(scenario, replication: 0, plan: plan)
        let crewShare = costs.installLoadedPerYear - costs.installReportPerYear
        #expect(figures.installReportHours.accountManager > 0 && crewShare > 0)
        let spread = costs.loadedPerYear.reduce(0, +) + costs.installLoadedPerYear + costs.unattributedPerYear
        #expect(abs(spread - costs.staffPerYear) < 1e-9 * costs.staffPerYear)
    }

    @Test func agentsWritingTheReportsGiveInstallsTheirShareOfTheAgentsCost() throws {
        var scenario = try Scenario.load(path: "\(Self.folder)/long-installations.yaml")
        let plan = PricingPlan(scenario)
        let (figures, _) = PricingStudy.priced(scenario, replication: 0, plan: plan)
        scenario.installs.progressReports?.by = .agent
        let byAgents = PricingPlan(scenario)
        let (agentFigures, costs) = PricingStudy.priced(scenario, replication: 0, plan: byAgents)
        #expect(agentFigures.installReportHours.accountManager == 0 && costs.installReportPerYear == 0)
        let agentHours = agentFigures.installReportHours.agent
        #expect(agentHours > 0 && figures.installReportHours.agent == 0)
        // The agents' roster spread over the tickets' agent hours and the reports' hours.
        let agentShare = plan.rosterCostPerYear("agents") * agentHours / (agentFigures.agentHours.reduce(0, +) + agentHours)
        let withoutReports = PricingCosts(agentFigures.withoutInstallReportHours, plan: byAgents)
        #expect(abs(costs.installLoadedPerYear - withoutReports.installLoadedPerYear - agentShare) < 1e-6 * agentShare)
    }
}

extension PricingFigures {
    /// The same figures with no installation progress report.
    var withoutInstallReportHours: PricingFigures {
        var figures = self
        figures.installReportHours.agent = 0
        figures.installReportHours.accountManager = 0
        return figures
    }
}
