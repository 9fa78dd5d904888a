import Experiments
import Scenario
import TestSupport
import Testing

/// `staff` never declares an impossible or empty target met: unknown names are refused with a
/// hint, a share written as a percentage is refused, a target no replication can judge fails.
@Suite struct StaffTargetCheckTests {
    static func centre() throws -> Scenario {
        try Scenario.parse(yaml: TestScenarios.centreOnlyYAML(days: 2, seed: 3), file: "centre.yaml")
    }

    static func resolve(_ text: String) throws -> Result<StaffTarget, StaffTargetError> {
        try StaffTarget.parse(text).get().resolved(for: centre())
    }

    @Test(arguments: [
        ("SLA-ZZ.restoration >= 0.9", "«SLA-ZZ.restoration >= 0.9»: unknown tier «SLA-ZZ»; did you mean «SLA-AA»?"),
        ("crews.citi.utilisation <= 0.9", "«crews.citi.utilisation <= 0.9»: unknown crew region «citi»; did you mean «city»?"),
        ("crews.moon.utilisation <= 0.9", "«crews.moon.utilisation <= 0.9»: unknown crew region «moon» (the scenario has city)"),
    ])
    func unknownTierOrRegionIsRefusedWithAHint(text: String, message: String) throws {
        guard case .failure(let error) = try Self.resolve(text) else {
            Issue.record("«\(text)» was accepted")
            return
        }
        #expect(error.description == message)
    }

    @Test func knownNamesAreSpeltAsTheScenarioSpellsThem() throws {
        #expect(try Self.resolve("sla-aa.restoration >= 0.9").get().metric.description == "SLA-AA.restoration")
        #expect(try Self.resolve("crews.CITY.utilisation <= 0.9").get().metric.description == "crews.city.utilisation")
        #expect(try Self.resolve("credits <= 5").get().metric.description == "credits")
    }

    @Test func unknownMeasureSuggestsTheClosest() {
        guard case .failure(let error) = StaffTarget.parse("SLA-AA.restoraton >= 0.9") else {
            Issue.record("accepted")
            return
        }
        #expect(error.description.hasSuffix("unknown measure «restoraton»; did you mean «restoration»?"))
    }

    @Test(arguments: [
        ("SLA-AA.restoration >= 95", "found 95; did you mean 0.95 (or 95%)?"),
        ("dispatch >= 120%", "found 120%; write e.g. 0.95 or 95%"),
        ("agents.utilisation <= 80", "found 80; did you mean 0.8 (or 80%)?"),
        ("installs.completion >= -0.5", "found -0.5; write e.g. 0.95 or 95%"),
    ])
    func shareAboveOneIsRefusedWithAHint(text: String, ending: String) {
        guard case .failure(let error) = StaffTarget.parse(text) else {
            Issue.record("«\(text)» was accepted")
            return
        }
        #expect(error.description.contains("is a share between 0 and 1, \(ending)"), "\(error)")
    }

    @Test(arguments: ["dispatch >= 1", "dispatch >= 0", "credits <= 95", "tickets <= 5000"])
    func sharesInRangeAndNonSharesAreAccepted(text: String) {
        #expect((try? StaffTarget.parse(text).get()) != nil)
    }

    @Test func aTargetNoReplicationCanJudgeIsNotMet() throws {
        // The centre has only SLA-A circuits: SLA-AA exists in the catalogue but has no tickets.
        let scenario = try Self.centre()
        let empty = try StaffTarget.parse("SLA-AA.restoration >= 0.9").get().resolved(for: scenario).get()
        let easy = try StaffTarget.parse("agents.utilisation <= 1").get()
        let search = StaffSearch(scenario: scenario, targets: [empty, easy], confidence: 0.95, searchReplications: 2,
                                 searchSeed: 3, verifyReplications: 2, verifySeed: 4)
        let result = search.run(threads: 1)
        #expect(result.verification[0].noData && !result.verification[1].noData)
        #expect(result.unjudgeable == [empty])
        #expect(!result.allTargetsMet)
    }
}
