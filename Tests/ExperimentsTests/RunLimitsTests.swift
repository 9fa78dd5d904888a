@testable import Experiments
import RepairModel
import Scenario
import TestSupport
import Testing

/// What a run would need is checked before anything is simulated: an overloaded pool and a
/// size beyond memory are refused (unless allowed), counts beyond the model always.
@Suite struct RunLimitsTests {
    /// The centre-only scenario (1,000 circuits, 2 agents always, 5-minute intakes as the
    /// agents' only work, every repair remote) with `rate` faults per circuit-year: agents
    /// are offered 1,000 × rate / 525,600 × 5 erlangs.
    static func centre(rate: Double) throws -> Scenario {
        let yaml = TestScenarios.centreOnlyYAML(days: 10, seed: 3).replacingOccurrences(of: "access: 262.8", with: "access: \(rate)")
        return try Scenario.parse(yaml: yaml, file: "centre.yaml")
    }

    /// The small scenario with one line of its YAML replaced.
    static func small(replacing old: String, with new: String) throws -> Scenario {
        let yaml = SmallScenario.yaml()
        #expect(yaml.contains(old), "the fixture has «\(old)»")
        return try Scenario.parse(yaml: yaml.replacingOccurrences(of: old, with: new), file: "small.yaml")
    }

    @Test func theAgentsLoadIsTheTicketRateTimesTheirWork() throws {
        let agents = try #require(OfferedLoad(try Self.centre(rate: 214.45)).pools.last)
        #expect(agents.name == "agents")
        // 1,000 × 214.45 / 525,600 tickets a minute × 5 minutes = 2.04 erlangs, against 2 agents.
        #expect(abs(agents.utilisation - 1_000 * 214.45 / 525_600 * 5 / 2) < 1e-9)
        #expect(agents.rosterHoursPerWeek == 2 * 168)
    }

    @Test func aPoolSlightlyOverloadedIsRefusedUnlessAllowed() throws {
        let overloaded = try Self.centre(rate: 214.45)   // ρ = 1.02
        #expect(throws: RunLimitError.self) { try RunLimits().check(overloaded, threads: 2, replications: 2) }
        do {
            try RunLimits().checkLoad(overloaded)
        } catch {
            #expect(error.description.hasPrefix("agents is offered 343 staff-hours of work a week but its rosters hold 336"))
            #expect(error.description.contains("ρ = 1.02"))
            #expect(error.description.contains("--allow-unstable"))
        }
        try RunLimits(allowUnstable: true).check(overloaded, threads: 2, replications: 2)
        try RunLimits().check(try Self.centre(rate: 200), threads: 2, replications: 2)   // ρ = 0.95
    }

    @Test func theBaselinePasses() throws {
        try RunLimits().check(Scenario.builtInBaseline, threads: 2, replications: 20)
        #expect(OfferedLoad(Scenario.builtInBaseline).pools.allSatisfy { $0.utilisation > 0.05 && $0.utilisation < 1 })
    }

    /// The independent oracle: the busy hours the simulation measures per pool (crews: repair
    /// and install work; agents: every task), per week, against the roster hours. The estimate
    /// leaves out waits for nothing but call-out delays, so it sits within a few points.
    @Test func theEstimateMatchesTheSimulatedUtilisationOfTheBaseline() throws {
        let scenario = Scenario.builtInBaseline
        let estimate = OfferedLoad(scenario).pools
        let experiment = Experiment(scenario: scenario, replications: 2)
        let runs = (0..<2).map { experiment.figures(replication: $0).staff }
        let weeks = runs[0].windowHours / 168
        let simulatedBusy = scenario.crews.indices.map { region in
            runs.map { $0.crews[region].bands.busyHours.reduce(0, +) }.reduce(0, +) / 2 / weeks
        } + [runs.map { $0.agents.busyHours.reduce(0, +) }.reduce(0, +) / 2 / weeks]
        for (pool, busy) in zip(estimate, simulatedBusy) {
            let simulated = busy / pool.rosterHoursPerWeek
            #expect(abs(pool.utilisation - simulated) < 0.03,
                    "\(pool.name): estimated ρ \(pool.utilisation), simulated busy ÷ roster hours \(simulated)")
        }
    }

    @Test func theStaffStartRestsOnTheSameEstimate() throws {
        let scenario = Scenario.builtInBaseline
        let plan = StaffEstimate.plan(for: scenario, targets: [])
        let load = OfferedLoad(scenario)
        for (region, lines) in plan.crewLines.enumerated() {
            for line in lines {
                let erlangs = load.crewErlangs(region: plan.regions[region], over: line.shifts)
                #expect(line.capacity == Int(erlangs.rounded(.down)) + 1)
            }
        }
        #expect(OfferedLoad(plan.applied(to: scenario)).pools.allSatisfy { $0.utilisation < 1 }, "the start is stable by construction")
    }

    @Test func aFaultRateOf1e11IsBeyondTheModel() throws {
        let scenario = try Self.small(replacing: "access: 2.0", with: "access: 1e11")
        #expect(RunSize(scenario, threads: 1, replications: 1).beyondModel?.0 == "tickets per replication")
        #expect(throws: RunLimitError.self) { try RunLimits(allowLarge: true).check(scenario, threads: 1, replications: 1) }
    }

    @Test func tenMillionInstallsADayDoNotFitInMemory() throws {
        let scenario = try Self.small(replacing: "perDay: 1,", with: "perDay: 1e7,")
        let size = RunSize(scenario, threads: 2, replications: 2)
        #expect(size.installsPerReplication > 1e8 && size.beyondModel == nil)
        do {
            try RunLimits(memoryBytes: 64e9).check(scenario, threads: 2, replications: 2)
            Issue.record("refused")
        } catch {
            #expect(error.description.contains("installation orders"))
            #expect(error.description.contains("more than this machine's 60 GB of memory"))
            #expect(error.description.contains("--allow-large"))
        }
        try RunLimits(allowLarge: true).checkSize(scenario, threads: 2, replications: 2)
    }

    @Test func aBillionCircuitsDoNotFitButAreWithinTheModel() throws {
        let scenario = try Self.small(replacing: "circuits: 150,", with: "circuits: 1000000000,")
        let size = RunSize(scenario, threads: 1, replications: 1)
        #expect(size.beyondModel == nil)
        #expect(size.bytes > 250e9)
        #expect(throws: RunLimitError.self) { try RunLimits(memoryBytes: 64e9).check(scenario, threads: 1, replications: 1) }
    }

    @Test func circuitCountsThatOverflowIntAreBeyondTheModelAndDoNotTrap() throws {
        let scenario = try Self.small(replacing: "circuits: 150,", with: "circuits: 9223372036854775807,")
        #expect(scenario.circuitCount == Int.max)
        #expect(RunSize(scenario, threads: 1, replications: 1).beyondModel != nil)
    }

    @Test func memoryGrowsWithThreadsAndReplicationsAsTheEstimateSays() throws {
        let scenario = try SmallScenario.scenario()
        let one = RunSize(scenario, threads: 1, replications: 1), two = RunSize(scenario, threads: 2, replications: 2)
        #expect(abs(two.bytes - one.bytes - one.bytesPerReplication - RunSize.bytesPerReplicationFigures) < 1)
        #expect(RunSize(scenario, threads: 8, replications: 1).bytes == one.bytes, "no more in flight than replications")
        #expect(throws: RunLimitError.self) {
            try RunLimits(memoryBytes: one.bytes - 1).check(scenario, threads: 1, replications: 1)
        }
    }
}
