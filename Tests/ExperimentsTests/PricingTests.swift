import Experiments
import RepairModel
import Scenario
import ServiceRules
import SimCore
import TestSupport
import Testing

/// `faultline price`'s figures: work attributed to tiers adds up to what the model measured,
/// costs add up to the rosters, break-even is the sum it claims to be, and more faults cost more.
@Suite struct PricingTests {
    /// The small scenario with rates and protection: SLA-AA is grade B by its tier, SLA-A grade C,
    /// and the MQ-I row is overridden to grade A.
    static func pricedScenario(installsPerDay: Double = 1) throws -> Scenario {
        let yaml = SmallScenario.yaml()
            .replacingOccurrences(of: "region: east, circuits: 100, monthlyFee: 4000}",
                                  with: "region: east, circuits: 100, monthlyFee: 4000, networkGrade: A}")
            .replacingOccurrences(of: "installs: {perDay: 1, work: 2h}", with: "installs: {perDay: \(installsPerDay), work: 2h}")
            + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40, protection: {A: 1000, B: 450, C: 60}}\n"
        return try Scenario.parse(yaml: yaml, file: "priced.yaml")
    }

    static func outcome(_ scenario: Scenario, replication: Int) -> ReplicationOutcome {
        RepairSimulation(scenario: scenario, replication: replication).run()
    }

    @Test func tierCrewHoursPlusInstallsPlusUnloggedAreTheMeasuredBusyHours() throws {
        let scenario = try Self.pricedScenario()
        let plan = PricingPlan(scenario)
        var unlogged = 0.0
        for replication in 0..<4 {
            let (figures, _) = PricingStudy.priced(scenario, replication: replication, plan: plan)
            check(figures, plan: plan)
            unlogged += figures.unloggedTicketHours.reduce(0, +)
        }
        #expect(unlogged > 0, "some crew time fell on tickets outside the log")
    }

    private func check(_ figures: PricingFigures, plan: PricingPlan) {
        for region in plan.regions.indices {
            let tiers = figures.crewHours.reduce(0) { $0 + $1[region] }
            let attributed = tiers + figures.installHours[region] + figures.unloggedTicketHours[region]
            #expect(tiers > 0)
            let measured = figures.busyCrewHours[region]
            #expect(abs(attributed - measured) <= 1e-6 * measured,
                    "region \(plan.regions[region]): tiers \(tiers) + installs \(figures.installHours[region]) + unlogged \(figures.unloggedTicketHours[region]) vs measured \(measured)")
        }
        #expect(figures.installHours.reduce(0, +) > 0, "installs did take crew time")
        // Agents: the logged tickets' work, short of tasks cut by the window's two ends.
        let agentHours = figures.agentHours.reduce(0, +)
        #expect(agentHours > 0.97 * figures.busyAgentHours && agentHours < 1.03 * figures.busyAgentHours,
                "agents: logged \(agentHours) vs measured \(figures.busyAgentHours)")
    }

    @Test func ticketCrewMinutesRunFromAcceptanceToRepair() throws {
        let outcome = Self.outcome(try Self.pricedScenario(), replication: 0)
        #expect(outcome.details.contains { $0.crew == .onDuty })
        for (record, detail) in zip(outcome.tickets, outcome.details) where record.confirmedAt != nil {   // closed tickets
            let expected = detail.crew == .none ? 0 : Double(record.repairedAt.seconds - record.acceptedAt!.seconds) / 60
            #expect(abs(detail.crewMinutes - expected) < 1.0 / 60, "T\(detail.number): \(detail.crewMinutes) vs \(expected)")
            #expect(detail.agentMinutes > 0, "T\(detail.number): intake and confirmation take agent time")
        }
    }

    @Test func loadedCostsInstallsAndUnattributedAddUpToTheStaffCost() throws {
        let scenario = try Self.pricedScenario()
        let plan = PricingPlan(scenario)
        let (_, costs) = PricingStudy.priced(scenario, replication: 1, plan: plan)
        let spread = costs.loadedPerYear.reduce(0, +) + costs.installLoadedPerYear + costs.unattributedPerYear
        #expect(abs(spread - costs.staffPerYear) < 1e-6 * costs.staffPerYear)
        #expect(abs(costs.staffPerYear - (plan.staffCost.totalPerYear + costs.callOutPerYear + costs.accountManagerPerYear)) < 1e-6)
        for (direct, loaded) in zip(costs.directPerYear, costs.loadedPerYear) {
            #expect(direct > 0 && loaded > direct, "idle rostered time makes the loaded cost exceed the direct one")
        }
    }

    /// One tier, always-on rosters, no installs, no on-call: the whole staff cost lands on the tier.
    /// Crews 2 × 8,760 h × 180 = 3,153,600; agents 1 × 8,760 h × 90 = 788,400; per circuit-month
    /// (100 circuits) (3,153,600 + 788,400) / 1,200 = 3,285. Plus the account managers' monthly
    /// SLA reports (15 min per circuit, at the agent rate): the window (10 January – 14 February,
    /// 35 days) has one month beginning in it, so 100 × 0.25 h × 90 = 2,250 over 35 days,
    /// × 365 / 35 = 23,464.29 a year, 19.55 per circuit-month.
    @Test func oneTierCarriesTheWholeStaffCostPerCircuitMonth() throws {
        let yaml = """
            name: one-tier
            start: 2026-01-05
            horizon: 40d
            warmup: 5d
            inventory:
              aa: {product: sdh, tier: SLA-AA, grade: group, region: east, circuits: 100, monthlyFee: 9000}
            faults: {rates: {default: {access: 3.0}}}
            monitoringCentre: {roster: [{shift: always, agents: 1}], intake: 5m, confirm: 5m, faultReport: 10m, progressUpdate: 0m}
            crews: {east: {roster: [{shift: always, crews: 2}]}}
            travel: {default: 30m}
            repair: {default: 2h}
            costs: {crewHour: 180, agentHour: 90, protection: {B: 450}}
            """
        let scenario = try Scenario.parse(yaml: yaml, file: "one-tier.yaml")
        let results = PricingStudy(scenario: scenario, replications: 2, sensitivity: 0).run(threads: 1)
        let tier = try #require(results.base.tiers.only)
        #expect(tier.key == "SLA-AA" && tier.circuits == 100 && tier.fee == 9000 && tier.protection == 450)
        let reports = 100 * 0.25 * 90 * 365.0 / 35 / 1200
        #expect(abs(tier.loadedCost.mean - (3285 + reports)) < 1e-6, "\(tier.loadedCost.mean)")
        #expect(abs(results.base.accountManagerPerYear.mean - reports * 1200) < 1e-6)
        #expect(results.base.installLoadedPerYear.mean == 0 && results.base.unattributedPerYear.mean == 0)
        // Direct: every ticket needs 30 m travel + 2 h repair (crews never wait for a call-out)
        // and 20 m of agent work (intake, confirmation, the SLA-AA fault report; updates take no
        // time here): per ticket 2.5 × 180 + (20 / 60) × 90 = 480, or less for remote fixes.
        let perTicket = tier.directCost.mean * 1200 / tier.ticketsPerYear.mean
        #expect(perTicket <= 480 + 1e-6 && perTicket > 15, "\(perTicket)")
        #expect(results.sensitivityCases.isEmpty)
    }

    /// Hand check on one replication: break-even = loaded + credits + protection, each per
    /// circuit-month; credits are the run's claimed credits per year / (circuits × 12).
    @Test func breakEvenIsLoadedCostPlusCreditsPlusProtection() throws {
        let scenario = try Self.pricedScenario()
        let results = PricingStudy(scenario: scenario, replications: 1, sensitivity: 0).run(threads: 1)
        let run = Experiment(scenario: scenario, replications: 1).run(threads: 1)
        let protection = ["SLA-AA": 450.0, "SLA-A": 60, "MQ-I": 1000]
        #expect(results.base.tiers.map(\.key) == ["SLA-AA", "SLA-A", "MQ-I"])
        for tier in results.base.tiers {
            #expect(tier.protection == protection[tier.key])
            let group = try #require(run.breakdowns[0].groups.first { $0.key == tier.key })
            let credits = group.claimedCreditsPerYear.estimate.mean / Double(tier.circuits * 12)
            #expect(credits > 0, "\(tier.key) owes credits in the small scenario")
            #expect(abs(tier.credits.estimate.mean - credits) < 1e-9)
            let expected = tier.loadedCost.mean + credits + tier.protection
            #expect(abs(tier.breakEven.mean - expected) < 1e-9, "\(tier.key)")
            #expect(abs(tier.margin.mean - (tier.fee - expected)) < 1e-9)
            #expect(abs(tier.marginShare!.mean - (tier.fee - expected) / tier.fee) < 1e-12)
        }
        let all = results.base.all
        #expect(all.circuits == 330 && abs(all.protection - (80 * 450 + 150 * 60 + 100 * 1000) / 330.0) < 1e-9)
        #expect(abs(all.fee - (80 * 9000 + 150 * 2500 + 100 * 4000) / 330.0) < 1e-9)
    }

    @Test func moreFaultsCostMoreAndDrawMoreCredits() throws {
        let scenario = try Self.pricedScenario()
        let results = PricingStudy(scenario: scenario, replications: 4, sensitivity: 0.2).run(threads: 2)
        let cases = ([results.base] + results.sensitivityCases).sorted { $0.faultFactor < $1.faultFactor }
        #expect(cases.map(\.faultFactor) == [0.8, 1, 1.2])
        for (lower, higher) in zip(cases, cases.dropFirst()) {
            #expect(higher.all.ticketsPerYear.mean > lower.all.ticketsPerYear.mean)
            #expect(higher.all.directCost.mean > lower.all.directCost.mean)
            #expect(higher.all.loadedCost.mean > lower.all.loadedCost.mean)
            #expect(higher.all.credits.estimate.mean > lower.all.credits.estimate.mean)
            #expect(higher.all.margin.mean < lower.all.margin.mean)
            for (low, high) in zip(lower.tiers, higher.tiers) {
                #expect(high.directCost.mean > low.directCost.mean, "\(high.key) ×\(higher.faultFactor)")
            }
        }
    }

    @Test func faultRatesScaleByTheFactorAndTheBaseIsUntouched() throws {
        let scenario = try Self.pricedScenario()
        let scaled = scenario.scalingFaultRates(by: 1.2)
        for (product, rates) in scenario.faults.rates {
            for segment in NetworkSegment.allCases {
                #expect(abs(scaled.faults.rates[product]!.rate(on: segment) - 1.2 * rates.rate(on: segment)) < 1e-12)
            }
        }
        #expect(scenario.scalingFaultRates(by: 1) == scenario)
    }
}

extension Array {
    /// The single element, nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
