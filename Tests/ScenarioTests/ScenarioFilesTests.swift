import Foundation
import ServiceRules
import SimCore
import SimRandom
import Testing
@testable import Scenario

/// The shipped scenarios: the baseline, its built-in copy, and the four what-ifs.
@Suite struct ScenarioFilesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios").path

    static func load(_ name: String) throws -> Scenario { try Scenario.load(path: "\(folder)/\(name)") }

    static func row(_ scenario: Scenario, _ id: String) throws -> InventoryClass {
        try #require(scenario.inventory.first { $0.id == id })
    }

    @Test func theBuiltInBaselineIsTheFileByteForByteAndParsesEqual() throws {
        let text = try String(contentsOfFile: "\(Self.folder)/baseline.yaml", encoding: .utf8)
        #expect(!text.isEmpty && text == Scenario.builtInBaselineYAML, "the built-in baseline is the shipped file")
        #expect(try Self.load("baseline.yaml") == Scenario.builtInBaseline)
    }

    @Test func theBaselineIsALargeCitysEnterpriseBase() throws {
        let baseline = Scenario.builtInBaseline
        #expect(baseline.circuitCount == 38_280)
        #expect(baseline.regions == ["east", "west", "north", "south"])
        let tiers = Set(baseline.inventory.compactMap(\.tier))
        #expect(tiers == Set(RuleCatalogue.builtIn.tiers.map(\.key)).subtracting(["QLC"]))
        #expect(baseline.inventory.contains { $0.tier == nil }, "untiered rows fall back to the repair-limit matrix / QLC")
        #expect(baseline.replications == 20 && baseline.horizonMinutes == 365 * 1440 && baseline.warmupMinutes == 30 * 1440)
        #expect(baseline.calendar.makeUpDays.contains(CivilDate(year: 2026, month: 10, day: 10)))
        #expect(baseline.catalogue.calendar("standard") == baseline.calendar)
        #expect(baseline.claimRates["MQ-II"] == 0.5 && baseline.claimRates["SLA-AAA"] == 1)
    }

    @Test func twiceTheAAACircuitsDoublesEveryAAARowAndNothingElse() throws {
        let baseline = Scenario.builtInBaseline
        let whatIf = try Self.load("twice-aaa.yaml")
        for (before, after) in zip(baseline.inventory, whatIf.inventory) {
            #expect(after.circuits == (before.tier == "SLA-AAA" ? 2 * before.circuits : before.circuits), "\(before.id)")
        }
        #expect(whatIf.crews == baseline.crews && whatIf.faults == baseline.faults)
    }

    @Test func theStormSeasonHasMoreAndHarderStorms() throws {
        let whatIf = try Self.load("storm-season.yaml")
        let storms = try #require(whatIf.faults.storms)
        #expect(storms.perYear == 8 && storms.multiplier == 5)
        #expect(whatIf.faults.profile.month[6] == 1.5)
        #expect(whatIf.faults.rates == Scenario.builtInBaseline.faults.rates)
    }

    @Test(arguments: [("dispatch-fifo.yaml", DispatchPolicy.fifo),
                      ("dispatch-earliest-deadline.yaml", DispatchPolicy.earliestDeadline)])
    func theDispatchScenariosChangeOnlyThePolicy(file: String, policy: DispatchPolicy) throws {
        let baseline = Scenario.builtInBaseline
        var whatIf = try Self.load(file)
        #expect(whatIf.dispatchPolicy == policy)
        whatIf.dispatchPolicy = baseline.dispatchPolicy
        whatIf.name = baseline.name
        whatIf.description = baseline.description
        #expect(whatIf == baseline)
    }

    @Test func theEscalationOffScenarioChangesOnlyTheEscalation() throws {
        let baseline = Scenario.builtInBaseline
        var whatIf = try Self.load("escalation-off.yaml")
        #expect(whatIf.escalation == .none && baseline.escalation == .atFractionOfLimit(0.75))
        whatIf.escalation = baseline.escalation
        whatIf.name = baseline.name
        whatIf.description = baseline.description
        #expect(whatIf == baseline)
    }

    @Test func theRemoteEngineersScenarioAddsOnlyThePoolAndItsRate() throws {
        let baseline = Scenario.builtInBaseline
        var whatIf = try Self.load("remote-engineers.yaml")
        let engineers = try #require(whatIf.remoteEngineers)
        #expect(baseline.remoteEngineers == nil)
        // 2026-01-01 is a Thursday: 2 engineers at night, 3 by day, 2 in the evening.
        #expect([SimTime.hours(3), SimTime.hours(12), SimTime.hours(20)].map { engineers.roster.capacity(at: $0) } == [2, 3, 2])
        #expect(whatIf.costs.remoteEngineerRate == 120 && baseline.costs.remoteEngineerRate == baseline.costs.agentHour)
        whatIf.remoteEngineers = nil
        whatIf.costs.remoteEngineerHour = nil
        whatIf.name = baseline.name
        whatIf.description = baseline.description
        #expect(whatIf == baseline)
    }

    @Test func theLongInstallationsScenarioAddsOnlyConstruction() throws {
        let baseline = Scenario.builtInBaseline
        var whatIf = try Self.load("long-installations.yaml")
        #expect(baseline.installs.construction == nil)
        #expect(baseline.installs.progressReports == Installs.InstallProgressReports(
            by: .accountManager, work: try Distribution(parsing: "30m"), afterWorkingDays: 15, everyWorkingDays: 5))
        #expect(whatIf.installs.construction?.share == 0.15)
        whatIf.installs.construction = nil
        whatIf.name = baseline.name
        whatIf.description = baseline.description
        #expect(whatIf == baseline)
    }

    @Test func theNightCrewCutLeavesOneCrewFewerAtNightInEveryRegion() throws {
        let baseline = Scenario.builtInBaseline
        let whatIf = try Self.load("night-crew-cut.yaml")
        // 2026-01-01 is a Thursday; 23:00 that night and 03:00 on the Saturday.
        for time in [SimTime.hours(23), SimTime.hours(51)] {
            for region in baseline.regions {
                let before = try #require(baseline.crews(in: region)), after = try #require(whatIf.crews(in: region))
                #expect(after.onDuty.capacity(at: time) == before.onDuty.capacity(at: time) - 1)
                #expect(after.onCall.capacity(at: time) == before.onCall.capacity(at: time))
            }
        }
        let noon = SimTime.hours(12)
        #expect(whatIf.crews.map { $0.onDuty.capacity(at: noon) } == baseline.crews.map { $0.onDuty.capacity(at: noon) })
    }

    @Test func theVPNPricingVariantMovesEverySLAAVPNRowToSLAAA() throws {
        let whatIf = try Self.load("vpn-a-to-aa.yaml")
        let baseline = Scenario.builtInBaseline
        for (before, after) in zip(baseline.inventory, whatIf.inventory) {
            if before.product == "mpls-vpn" && before.tier == "SLA-A" {
                #expect(after.tier == "SLA-AA" && after.networkGrade == "B" && after.monthlyFee == 3500)
            } else {
                #expect(after == before)
            }
        }
        #expect(!whatIf.inventory.contains { $0.product == "mpls-vpn" && $0.tier == "SLA-A" })
    }
}
