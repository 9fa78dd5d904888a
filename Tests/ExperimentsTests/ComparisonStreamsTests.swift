@testable import RepairModel
import Scenario
import SimCore
import TestSupport
import Testing

/// Common random numbers, checked at the source: two scenarios that differ only in staffing
/// give every replication the same faults and the same per-ticket draws.
@Suite struct ComparisonStreamsTests {
    /// The small scenario and, inline, a variant with a single crew in the east around the clock.
    /// With `busyBackbone`, MQ-I circuits (network grade C protects the backbone, the tier
    /// monitors nothing) fail often on the backbone, so whether a fault is an outage (an earlier
    /// one still unrepaired) depends on the crews: the case where a stream could slip.
    static func study(busyBackbone: Bool) -> String {
        var yaml = TestScenarios.smallYAML()
        if busyBackbone {
            yaml = yaml.replacingOccurrences(of: "default: {access: 2.0, metro: 0.5}",
                                             with: "default: {access: 2.0, metro: 0.5, backbone: 12}")
        }
        return yaml + """

            variants:
              - name: thin-east
                overrides:
                  crews: {east: {roster: [{shift: always, crews: 1}]}}
            """
    }

    /// Every ticket of a replication, as the model drew it.
    static func tickets(_ scenario: Scenario, replication: Int) -> [Ticket] {
        var run = ReplicationRun(scenario: scenario, replication: replication)
        run.execute()
        return Array(run.tickets)
    }

    @Test(arguments: [false, true], 0..<2)
    func staffingChangesNoFaultAndNoDraw(busyBackbone: Bool, replication: Int) throws {
        let base = try Scenario.parse(yaml: Self.study(busyBackbone: busyBackbone), file: "study.yaml")
        let variant = try #require(base.variants.first).scenario
        #expect(variant.crews != base.crews && variant.seed == base.seed)
        let left = Self.tickets(base, replication: replication)
        let right = Self.tickets(variant, replication: replication)
        try #require(left.count == right.count && left.count > 100, "the same faults over the horizon")
        for (a, b) in zip(left, right) {
            #expect(a.faultStart == b.faultStart && a.circuit == b.circuit && a.segment == b.segment)
            #expect(a.remote == b.remote && a.repairWork == b.repairWork && a.travel == b.travel)
            #expect(a.intakeWork == b.intakeWork && a.confirmWork == b.confirmWork)
            // Staffing may decide whether a protected fault is an outage; that ticket's detection
            // (proactive or reported) differs, and no later ticket's may.
            if a.outage == b.outage { #expect(a.detectionDelay == b.detectionDelay && a.channel == b.channel) }
        }
        let restoredLater = zip(left, right).filter { $0.repairedAt != $1.repairedAt }.count
        #expect(restoredLater > left.count / 10, "the thinner crews really change the repairs")
        if busyBackbone {
            let flips = zip(left, right).filter { $0.outage != $1.outage }.count
            #expect(flips > 0, "the case under test occurs: faults whose outage depends on the crews")
        }
    }

    /// Each fault as `class id · circuit within the class · segment · start (ms)`.
    static func faults(_ scenario: Scenario, replication: Int) -> [String] {
        var run = ReplicationRun(scenario: scenario, replication: replication)
        run.execute()
        return run.tickets.map { ticket in
            let plan = run.classes[Int(ticket.classIndex)]
            return "\(scenario.inventory[Int(ticket.classIndex)].id) \(ticket.circuit - plan.firstCircuit) "
                + "\(ticket.segment) \(ticket.faultStart.milliseconds)"
        }
    }

    @Test func addingAClassKeepsEveryOtherClasssFaults() throws {
        let yaml = TestScenarios.smallYAML() + """

            variants:
              - name: more-circuits
                overrides:
                  inventory:
                    extra: {product: sdh, tier: SLA-AAA, grade: group, region: west, circuits: 40, monthlyFee: 20000}
            """
        let base = try Scenario.parse(yaml: yaml, file: "study.yaml")
        let variant = try #require(base.variants.first).scenario
        #expect(variant.inventory.count == base.inventory.count + 1)
        let before = Self.faults(base, replication: 1)
        let after = Self.faults(variant, replication: 1)
        #expect(after.count > before.count && before.count > 100)
        #expect(after.filter { !$0.hasPrefix("extra ") } == before, "the same faults, in the same order")
    }
}
