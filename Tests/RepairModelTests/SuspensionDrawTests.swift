import RepairModel
import Scenario
import ServiceRules
import SimRandom
import Testing

/// `suspension:` draws customer-caused waits on site; off, the simulation is what it was.
@Suite struct SuspensionDrawTests {
    static func baseline(_ suspension: Suspension?) -> Scenario {
        var scenario = Scenario.builtInBaseline
        scenario.horizonMinutes = 40 * 1440
        scenario.warmupMinutes = 5 * 1440
        scenario.suspension = suspension
        return scenario
    }

    /// A share of 0 draws from its own stream only: every other number, so the outcome, is the
    /// same as without the key.
    @Test func aShareOfZeroIsTheScenarioWithoutSuspension() throws {
        let off = RepairSimulation(scenario: Self.baseline(nil), replication: 1).run()
        let zero = RepairSimulation(scenario: Self.baseline(Suspension(share: 0, duration: try .deterministic(30))), replication: 1).run()
        #expect(off == zero)
        #expect(off.tickets.allSatisfy { $0.suspended.isEmpty })
    }

    /// Every on-site repair waits 30 minutes: each closed on-crew ticket has one 30-minute
    /// interval inside its restoration, and the judged restoration is the same as without the
    /// wait's 30 minutes (the suspension is subtracted).
    @Test func everyOnSiteRepairWaitsAndTheWaitIsSubtracted() throws {
        let outcome = RepairSimulation(scenario: Self.baseline(Suspension(share: 1, duration: try .deterministic(30))), replication: 1).run()
        let onSite = outcome.tickets.indices.filter { outcome.details[$0].crew != .none && outcome.tickets[$0].openAsOf == nil }
        #expect(onSite.count > 100)
        for index in onSite {
            let ticket = outcome.tickets[index]
            #expect(ticket.suspended.count == 1)
            #expect(ticket.suspended.first.map { $0.upperBound.seconds - $0.lowerBound.seconds } == 1800)
        }
        let remote = outcome.tickets.indices.filter { outcome.details[$0].crew == .none }
        #expect(remote.allSatisfy { outcome.tickets[$0].suspended.isEmpty })
        let evaluation = outcome.evaluate(period: .month)
        let judged = evaluation.tickets.filter { $0.suspendedMinutes > 0 }
        #expect(!judged.isEmpty && judged.allSatisfy { $0.suspendedMinutes == 30 || $0.restorationClock == .working })
        #expect(evaluation.skipped.isEmpty)
    }
}
