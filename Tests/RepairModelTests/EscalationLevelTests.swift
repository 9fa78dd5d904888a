import RepairModel
import Scenario
import ServiceRules
import SimCore
import TestSupport
import Testing

/// Escalation levels: off, reached exactly when a ticket is still unrepaired at the threshold,
/// and each effect (priority, call-out, notices) doing what it says.
@Suite struct EscalationLevelTests {
    /// Three virtual-network classes (limits 20 h, 24 h, 48 h; VIP-SL1, 2, 3) at high load.
    static func scenario(_ escalation: String, onCall: Int = 0) throws -> Scenario {
        try Fixtures.scenario(Fixtures.queueingYAML(
            circuits: [400, 600, 1000], ratePerCircuitYear: 11.5, crews: 3, repairMean: 60, days: 120,
            escalation: escalation, onCall: onCall))
    }

    /// Closed tickets with their restoration minutes (`reported_at → repaired_at`).
    static func closed(_ outcome: ReplicationOutcome) -> [(minutes: Double, detail: TicketDetail)] {
        zip(outcome.tickets, outcome.details).compactMap { record, detail in
            guard record.confirmedAt != nil else { return nil }
            return (ReplicationOutcome.minutes(record.reportedAt, record.repairedAt), detail)
        }
    }

    @Test func withEscalationOffTheWorkflowIsPureCobham() throws {
        let yaml = Fixtures.queueingYAML(circuits: QueueingTheoryTests.circuits, ratePerCircuitYear: QueueingTheoryTests.ratePerCircuitYear,
                                         crews: QueueingTheoryTests.crews, repairMean: QueueingTheoryTests.repairMean, days: 250,
                                         escalation: "none")
        let scenario = try Fixtures.scenario(yaml)
        #expect(scenario.escalation.levels.isEmpty)
        let results = Replications.run(QueueingTheoryTests.replications) { QueueingTheoryTests.waits(scenario, replication: $0) }
        let theory = QueueingTheoryTests().theory
        for k in QueueingTheoryTests.circuits.indices {
            let interval = ConfidenceInterval(replicationMeans: results.map { $0.meanByClass[k] }, level: 0.99)
            #expect(interval.contains(theory.meanWait(ofClass: k)), "class \(k): \(interval) vs Cobham \(theory.meanWait(ofClass: k))")
        }
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        #expect(outcome.counts.escalations == 0)
        #expect(outcome.details.allSatisfy { $0.escalationLevels == 0 && !$0.escalated })
    }

    @Test func ticketsReachALevelExactlyWhenStillUnrepairedAtItsThreshold() throws {
        let scenario = try Self.scenario("""
            {levels: [{name: late, after: 90m}, {name: second-step, afterSalesStep: 2, afterSales: [VIP-SL1, VIP-SL3]},
                      {name: aa-only, atFractionOfLimit: 0.1, tiers: [SLA-AA]}]}
            """)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        // Step 2 of VIP-SL1 is 1 h, of VIP-SL3 4 h; VIP-SL2 (class 1) is not listed. Untiered
        // circuits are judged under QLC, so no ticket is SLA-AA's.
        let secondStep: [Double?] = [60, nil, 240]
        var reached = [0, 0, 0]
        for (minutes, detail) in Self.closed(outcome) {
            let thresholds = [90, secondStep[detail.inventoryClass], nil]
            for (level, threshold) in thresholds.enumerated() {
                let bit = detail.escalationLevels & (1 << UInt64(level)) != 0
                guard let threshold else {
                    #expect(!bit, "T\(detail.number) reached level \(level)")
                    continue
                }
                guard abs(minutes - threshold) > 1.0 / 60 else { continue }   // a tie within the second
                #expect(bit == (minutes > threshold), "T\(detail.number) restored in \(minutes) min, level \(level)")
                if bit { reached[level] += 1 }
            }
        }
        #expect(reached[0] > 50 && reached[1] > 50, "\(reached)")
        #expect(outcome.counts.escalations == 0, "no level raises priority")
    }

    @Test func dutyManagerNoticesCountTheirTimeOncePerTicketReachingTheLevel() throws {
        let scenario = try Self.scenario("{levels: [{name: manager, after: 2h, notify: {who: dutyManager, work: 10m}}]}")
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let notices = outcome.details.filter { $0.escalationLevels != 0 }.count
        #expect(notices > 50)
        #expect(abs(outcome.staff.dutyManagerHours - Double(notices) * 10 / 60) < 1e-9)
    }

    @Test func agentNoticesAreAgentWorkOnTheTicket() throws {
        let scenario = try Self.scenario("{levels: [{name: notice, after: 30m, notify: {who: agent, work: 6m}}]}")
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let notified = Self.closed(outcome).filter { $0.detail.escalationLevels != 0 }
        #expect(notified.count > 50)
        #expect(notified.allSatisfy { $0.detail.agentMinutes >= 6 }, "every notified ticket carries the notice's 6 minutes")
    }

    @Test func callOutLevelsSendOnCallCrewsToEscalatedTicketsOnly() throws {
        let onEscalation = RepairSimulation(scenario: try Self.scenario(
            "{levels: [{name: call, atFractionOfLimit: 0.05, callOut: true}]}", onCall: 1), replication: 0).run()
        let onCall = onEscalation.details.filter { $0.crew == .onCall }
        #expect(onCall.count > 20)
        #expect(onCall.allSatisfy { $0.escalated }, "an on-call crew took a ticket that had not escalated")
        // The short form calls on-call crews out whenever no duty crew is free.
        let whenBusy = RepairSimulation(scenario: try Self.scenario("{atFractionOfLimit: 0.05}", onCall: 1), replication: 0).run()
        #expect(whenBusy.details.contains { $0.crew == .onCall && !$0.escalated })
    }

    @Test func theShortFormIsOneLevelRaisingPriority() throws {
        let scenario = try Self.scenario("{atFractionOfLimit: 0.05}")
        #expect(scenario.escalation == .atFractionOfLimit(0.05))
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        #expect(outcome.counts.escalations == outcome.details.filter(\.escalated).count)
        #expect(outcome.details.allSatisfy { !$0.escalated || $0.escalationLevels == 1 })
    }
}
