import RepairModel
import Scenario
import ServiceRules
import Testing

/// Simulated tickets are valid ticket-log rows, and the rule engine evaluates every one.
@Suite struct RecordValidityTests {
    @Test func everySimulatedTicketIsAValidRecord() {
        let scenario = ReproducibilityTests.shortBaseline(days: 90)
        let outcome = RepairSimulation(scenario: scenario, replication: 2).run()
        let circuits = Dictionary(uniqueKeysWithValues: outcome.circuits.map { ($0.id, $0) })
        #expect(circuits.count == scenario.circuitCount)
        #expect(outcome.tickets.count > 1000)
        let log = outcome.ticketLog
        #expect(Set(log.map(\.ticketID)).count == log.count)
        var invalid: [String] = []
        for ticket in log {
            if let problem = scenario.catalogue.validate(ticket, circuit: circuits[ticket.circuitID]) {
                invalid.append("\(ticket.ticketID): \(problem)")
            }
        }
        #expect(invalid.isEmpty, "\(invalid.prefix(5))")
        let evaluation = outcome.evaluate(period: .month)
        #expect(evaluation.skipped.isEmpty)
        #expect(evaluation.tickets.count == outcome.tickets.count)
        #expect(evaluation.totals.tickets == outcome.tickets.count)
    }

    @Test func positionsAndTheWrittenLogGiveTheSameEvaluation() {
        let outcome = RepairSimulation(scenario: ReproducibilityTests.shortBaseline(days: 90), replication: 1).run()
        let byPosition = outcome.evaluate(period: .month)
        let byID = RuleEngine(catalogue: outcome.catalogue)
            .evaluate(circuits: outcome.circuits, tickets: outcome.ticketLog, period: .month, span: outcome.window)
        #expect(byPosition.byTier == byID.byTier)
        #expect(byPosition.totals == byID.totals)
        #expect(byPosition.circuitPeriods.count == byID.circuitPeriods.count)
        for (period, named) in zip(byPosition.circuitPeriods, byID.circuitPeriods) {
            #expect(period.circuitIndex == named.circuitIndex && period.credit == named.credit)
            #expect(outcome.circuits[period.circuitIndex].id == named.circuit)
        }
        for (ticket, named) in zip(byPosition.tickets, byID.tickets) {
            #expect(ticket.circuitIndex == Int(outcome.circuitPositions[ticket.index]))
            #expect(outcome.circuits[ticket.circuitIndex].id == named.circuitID)
        }
    }

    @Test func theWrittenLogNamesTicketsByNumberAndCircuitsByClass() throws {
        let outcome = RepairSimulation(scenario: ReproducibilityTests.shortBaseline(days: 60), replication: 0).run()
        let log = outcome.ticketLog
        let first = try #require(log.first)
        #expect(first.ticketID == "T\(outcome.details[0].number)")
        let circuit = outcome.circuits[Int(outcome.circuitPositions[0])]
        #expect(first.circuitID == circuit.id)
        #expect(outcome.tickets.allSatisfy { $0.ticketID.isEmpty && $0.circuitID.isEmpty }, "ids only in the written log")
        #expect(log.map(\.faultStart) == outcome.tickets.map(\.faultStart))
    }

    @Test func aSharedInventoryGivesTheSameOutcome() {
        let scenario = ReproducibilityTests.shortBaseline(days: 60)
        var moreCrews = scenario
        moreCrews.crews[0].onDuty = .constant(9)
        var otherWindow = scenario
        otherWindow.warmupMinutes += 1440
        let shared = ExpandedInventory.shared(by: [scenario, moreCrews, otherWindow])
        #expect(shared[0].circuits.count == scenario.circuitCount)
        #expect(shared[1].fits(moreCrews) && shared[0].fits(moreCrews), "staffing does not change the circuits")
        #expect(!shared[2].fits(scenario), "another window is another expansion")
        let alone = RepairSimulation(scenario: moreCrews, replication: 3).run()
        let sharing = RepairSimulation(scenario: moreCrews, replication: 3, inventory: shared[0]).run()
        #expect(alone == sharing)
    }
}
