import Experiments
import RepairModel
import Scenario
import SimCore
import Testing

/// `faultline staff` searches the remote-fix engineers' roster lines as it does the crews' and
/// agents': one unit per line, costed at the remote-engineer rate, in the analytic start, the
/// floor and the written scenario.
@Suite struct RemoteEngineerStaffTests {
    /// The Erlang C case of ``RemoteEngineerWaitTests``: a = 2,000 × 31.5 / 525,600 × 20 min
    /// = 2.40 engineer-erlangs, 3 engineers always on duty; costed.
    static func scenario() throws -> Scenario {
        try Scenario.parse(yaml: RemoteEngineerWaitTests.yaml + "\ncosts: {agentHour: 90, remoteEngineerHour: 110}\n",
                           file: "remote-mmc.yaml")
    }

    static func search(_ scenario: Scenario) -> StaffSearch {
        StaffSearch(scenario: scenario, targets: [], confidence: 0.95, searchReplications: 1, searchSeed: 1,
                    verifyReplications: 1, verifySeed: 2)
    }

    @Test func theEngineersLinesAreUnitsAtTheirRate() throws {
        let scenario = try Self.scenario()
        let plan = StaffingPlan(scenario)
        let units = Self.search(scenario).units(of: plan)
        let remote = units.filter { $0.pool == .remoteEngineers }
        try #require(remote.count == 1)
        #expect(remote[0].group == "remoteEngineers" && remote[0].shift == "always")
        #expect(abs(remote[0].costPerYear - 168 * 365 / 7 * 110) < 1e-6)
        let more = plan.adding(2, to: remote[0])
        #expect(more.applied(to: scenario).remoteEngineers?.roster.capacity(at: .zero) == 5)
        let yaml = more.overrideYAML(extending: "base.yaml", name: "staffed", scenario: scenario)
        #expect(yaml.contains("remoteEngineers:\n  roster:\n    - {shift: \"always\", engineers: 5}\n"), "\(yaml)")
    }

    @Test func theStartIsTheLeastStableCountAndTheFloorKeepsItStable() throws {
        let scenario = try Self.scenario()
        let offered = OfferedLoad(scenario).remoteErlangs(over: OfferedLoad.wholeWeek)
        #expect(abs(offered - 2_000 * 31.5 / 525_600 * 20) < 1e-9)
        #expect(StaffEstimate.plan(for: scenario, targets: []).remoteLines.map(\.capacity) == [3])
        let search = Self.search(scenario)
        let plan = StaffingPlan(scenario)
        let unit = try #require(search.units(of: plan).first { $0.pool == .remoteEngineers })
        #expect(!search.floorAllows(plan, removing: unit), "2 engineers for 2.4 erlangs grow a queue")
        #expect(search.floorAllows(plan.adding(1, to: unit), removing: unit))
        let pool = try #require(OfferedLoad(scenario).pools.first { $0.name == "remoteEngineers" })
        #expect(abs(pool.utilisation - offered / 3) < 1e-9)
    }
}
