import RepairModel
import Scenario
import ServiceRules
import Testing

/// Hand-checkable cases: protection and on-call crews.
@Suite struct WorkflowCaseTests {
    /// Five SLA-AAA (network grade A: every segment protected) circuits with frequent access
    /// faults and day-long repairs, so second faults on an unrepaired segment happen often.
    static let protectionYAML = """
    name: protection
    start: 2026-01-05
    horizon: 300d
    seed: 5
    inventory:
      gold: {product: sdh, tier: SLA-AAA, grade: group, region: r, circuits: 5, monthlyFee: 1000}
    faults:
      rates:
        sdh: {access: 80}
    monitoringCentre:
      roster: [{shift: always, agents: 2}]
    crews:
      r: {roster: [{shift: always, crews: 10}]}
    travel: {r: 0m}
    repair:
      access: 1d
    """

    @Test func aSecondFaultOnAProtectedSegmentIsAnOutage() throws {
        let scenario = try Fixtures.scenario(Self.protectionYAML)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        var overlapping = 0
        for (index, ticket) in outcome.tickets.enumerated() {
            let segment = outcome.details[index].segment
            let earlierOpen = outcome.tickets.indices.contains { other in
                other != index && outcome.circuitPositions[other] == outcome.circuitPositions[index]
                    && outcome.details[other].segment == segment
                    && outcome.tickets[other].faultStart <= ticket.faultStart
                    && ticket.faultStart < outcome.tickets[other].repairedAt
                    && (outcome.tickets[other].faultStart < ticket.faultStart || other < index)
            }
            if earlierOpen { overlapping += 1 }
            #expect(ticket.outage == earlierOpen, "ticket \(index) outage \(ticket.outage)")
            if !ticket.outage { #expect(outcome.details[index].channel == .proactive) }
        }
        #expect(overlapping > 25)
        #expect(outcome.tickets.filter { !$0.outage }.count > 100)
        #expect(outcome.counts.switchedOver == outcome.tickets.filter { !$0.outage }.count)
    }

    /// One crew on duty 08:00–20:00, one on call 20:00–08:00; every delay is deterministic.
    static let onCallYAML = """
    name: on-call
    start: 2026-01-05
    horizon: 120d
    seed: 9
    inventory:
      lines: {product: xdsl, grade: localC, region: r, circuits: 100, monthlyFee: 100}
    faults:
      rates:
        xdsl: {access: 3}
    detection:
      proactive: {delay: 0m}
      customer: {delay: 0m, offHoursDelay: 0m}
      accountManager: {share: 0, delay: 0m}
    monitoringCentre:
      roster: [{shift: always, agents: 2}]
      intake: 0m
      confirm: 0m
    crews:
      r:
        roster:
          - {shift: "08:00-20:00", crews: 1}
          - {shift: "20:00-08:00", onCall: 1}
        callout: 45m
    travel: {r: 30m}
    repair:
      access: 60m
    """

    @Test func nightTicketsWaitForTheCallout() throws {
        let scenario = try Fixtures.scenario(Self.onCallYAML)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        var night = 0
        var day = 0
        for (ticket, detail) in zip(outcome.tickets, outcome.details) where ticket.confirmedAt != nil {   // closed tickets
            let accepted = ticket.acceptedAt!
            let hour = accepted.secondOfDay / 3600
            let crewMinutes = ReplicationOutcome.minutes(accepted, ticket.repairedAt)
            switch detail.crew {
            case .onCall:
                night += 1
                #expect(hour >= 20 || hour < 8, "T\(detail.number) called out at hour \(hour)")
                #expect(crewMinutes == 45 + 30 + 60)
            case .onDuty:
                day += 1
                #expect(hour >= 8 && hour < 20, "T\(detail.number) taken by a duty crew at hour \(hour)")
                #expect(crewMinutes == 30 + 60)
            case .none:
                Issue.record("no remote fixes in this scenario")
            }
        }
        #expect(night > 20 && day > 20)
        #expect(outcome.stages.callout.mean == 45)
        #expect(outcome.counts.callouts == night)
    }
}
