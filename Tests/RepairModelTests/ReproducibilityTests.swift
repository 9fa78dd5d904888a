import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// Same inputs, same outcome; common random numbers across staffing variants; warm-up dropped.
@Suite struct ReproducibilityTests {
    /// The baseline cut to `days` days with a `warmupDays` warm-up.
    static func shortBaseline(days: Double = 60, warmupDays: Double = 10) -> Scenario {
        var scenario = Scenario.builtInBaseline
        scenario.horizonMinutes = days * 1440
        scenario.warmupMinutes = warmupDays * 1440
        return scenario
    }

    @Test func sameScenarioAndReplicationGiveAnEqualOutcome() {
        let scenario = Self.shortBaseline()
        let first = RepairSimulation(scenario: scenario, replication: 3).run()
        let second = RepairSimulation(scenario: scenario, replication: 3).run()
        #expect(first == second)
        #expect(first.tickets.count > 1000)
        let other = RepairSimulation(scenario: scenario, replication: 4).run()
        #expect(other.tickets != first.tickets)
    }

    @Test func crewChangesKeepEveryFaultInPlace() throws {
        let base = Self.shortBaseline()
        var moreCrews = base
        for index in moreCrews.crews.indices {
            moreCrews.crews[index].onDuty = .constant(12)
        }
        let a = RepairSimulation(scenario: base, replication: 1).run()
        let b = RepairSimulation(scenario: moreCrews, replication: 1).run()
        let cutoff = WallTime(seconds: a.window.upperBound.seconds - 5 * 86_400)
        func faults(_ outcome: ReplicationOutcome) -> [String: [WallTime]] {
            Dictionary(grouping: outcome.ticketLog.filter { $0.faultStart < cutoff }, by: \.circuitID)
                .mapValues { $0.map(\.faultStart).sorted() }
        }
        #expect(faults(a).count > 1000)
        #expect(faults(a) == faults(b))
        // The staffing change did change the workflow: waits differ.
        #expect(a.stages.crewWait.mean > b.stages.crewWait.mean)
    }

    @Test func warmupTicketsAreDroppedAndTheRestUnchanged() {
        let withWarmup = RepairSimulation(scenario: Self.shortBaseline(warmupDays: 10), replication: 0).run()
        let without = RepairSimulation(scenario: Self.shortBaseline(warmupDays: 0), replication: 0).run()
        let cut = withWarmup.window.lowerBound
        #expect(cut == WallTime(CivilDate(year: 2026, month: 1, day: 11)))
        #expect(withWarmup.tickets.allSatisfy { $0.faultStart >= cut })
        #expect(without.tickets.contains { $0.faultStart < cut })
        #expect(without.tickets.filter { $0.faultStart >= cut } == withWarmup.tickets)
    }
}
