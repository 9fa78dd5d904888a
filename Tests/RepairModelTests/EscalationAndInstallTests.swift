import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// Escalation re-orders the crews' line; installations wait behind repairs.
@Suite struct EscalationAndInstallTests {
    /// Three virtual-network classes (limits 20 h, 24 h, 48 h by grade) at high load.
    static func scenario(escalation: Double, installsPerDay: Double = 0, rate: Double = 11.5) throws -> Scenario {
        try Fixtures.scenario(Fixtures.queueingYAML(
            circuits: [400, 600, 1000], ratePerCircuitYear: rate, crews: 3, repairMean: 60, days: 120,
            escalationFraction: escalation, installsPerDay: installsPerDay))
    }

    @Test func ticketsEscalateExactlyWhenTheyWaitPastTheirThreshold() throws {
        let fraction = 0.05
        let outcome = RepairSimulation(scenario: try Self.scenario(escalation: fraction), replication: 0).run()
        let limitHours = [20.0, 24, 48]
        var escalated = 0
        for (ticket, detail) in zip(outcome.tickets, outcome.details) where ticket.confirmedAt != nil {   // closed tickets
            let threshold = fraction * limitHours[detail.inventoryClass] * 60
            let waited = ReplicationOutcome.minutes(ticket.reportedAt, ticket.acceptedAt!)
            guard abs(waited - threshold) > 1.0 / 60 else { continue }   // a tie within the second
            #expect(detail.escalated == (waited > threshold), "T\(detail.number) waited \(waited) min")
            if detail.escalated { escalated += 1 }
        }
        #expect(escalated > 50)
        #expect(outcome.counts.escalations == outcome.details.filter(\.escalated).count)
    }

    @Test func escalatedTicketsOvertakeHigherClasses() throws {
        func meanWaits(_ escalation: Double) throws -> [Double] {
            let outcome = RepairSimulation(scenario: try Self.scenario(escalation: escalation), replication: 0).run()
            var tallies = Array(repeating: Tally(), count: 3)
            for (ticket, detail) in zip(outcome.tickets, outcome.details) where ticket.confirmedAt != nil {   // closed tickets
                tallies[detail.inventoryClass].record(ReplicationOutcome.minutes(ticket.dispatchedAt!, ticket.acceptedAt!))
            }
            return tallies.map(\.mean)
        }
        let with = try meanWaits(0.05)
        let without = try meanWaits(1)
        // Same faults and work (common random numbers); only the order of the line differs.
        #expect(with[0] > without[0], "highest class: \(with[0]) vs \(without[0])")
        #expect(with[2] < without[2], "lowest class: \(with[2]) vs \(without[2])")
    }

    @Test func installationsWaitBehindRepairsAndAreCounted() throws {
        let outcome = RepairSimulation(scenario: try Self.scenario(escalation: 1, installsPerDay: 3, rate: 6), replication: 0).run()
        let installs = outcome.installs
        // 3 per working day over the observed 2026-01-15 … 2026-05-04: 78 working days (Mon–Fri).
        #expect(installs.ordered > 190 && installs.ordered < 280, "\(installs.ordered)")
        #expect(installs.completed > installs.ordered - 10)
        #expect(installs.appointmentMet <= installs.assigned && installs.completionMet <= installs.completed)
        #expect(installs.appointmentMet > installs.ordered / 2)
        // Travel 0 and work 2 h: completion is the appointment plus exactly 120 minutes.
        #expect(abs(installs.completionMinutes.mean - installs.appointmentMinutes.mean - 120) < 5)
        // Lower priority than any repair: installs wait longer for a crew than repairs do.
        #expect(installs.appointmentMinutes.mean > outcome.stages.crewWait.mean)
    }
}
