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
        #expect(Set(outcome.tickets.map(\.ticketID)).count == outcome.tickets.count)
        var invalid: [String] = []
        for ticket in outcome.tickets {
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
}
