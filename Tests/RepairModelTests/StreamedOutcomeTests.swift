@testable import RepairModel
import Scenario
import ServiceRules
import Testing

/// A run that judges as it goes (settled tickets read in log order and dropped) gives the
/// outcome of one that keeps every ticket, and hands its sink exactly what the batch rule
/// engine finds on that outcome, in the batch engine's order.
@Suite struct StreamedOutcomeTests {
    /// Keeps what it is handed.
    struct Collected: JudgedTicketSink {
        var tickets: [TicketEvaluation] = []
        var details: [TicketDetail] = []
        var periods: [CircuitPeriodEvaluation] = []

        mutating func take(_ evaluation: TicketEvaluation?, record: TicketRecord, detail: TicketDetail) {
            if let evaluation { tickets.append(evaluation) }
            details.append(detail)
        }

        mutating func take(_ period: CircuitPeriodEvaluation) { periods.append(period) }
    }

    @Test(arguments: [0, 1])
    func theStreamedRunEqualsTheKeptOneAndTheBatchEngine(replication: Int) {
        let scenario = ReproducibilityTests.shortBaseline(days: 120, warmupDays: 20)
        let kept = RepairSimulation(scenario: scenario, replication: replication).run()
        var sink = Collected()
        let streamed = RepairSimulation(scenario: scenario, replication: replication).run(into: &sink)
        #expect(kept.tickets.count > 8_000, "enough tickets to drop and compact the store")
        #expect(streamed.outcome.tickets.isEmpty && streamed.outcome.details.isEmpty)
        var withoutLog = kept
        (withoutLog.tickets, withoutLog.details, withoutLog.circuitPositions) = ([], [], [])
        #expect(streamed.outcome == withoutLog, "statistics, counts and staff hours as when every ticket is kept")

        let batch = kept.evaluate(period: .month)
        #expect(streamed.evaluation.byTier == batch.byTier)
        #expect(streamed.evaluation.totals == batch.totals)
        #expect(streamed.evaluation.tickets.isEmpty && streamed.evaluation.circuitPeriods.isEmpty)
        #expect(sink.details == kept.details, "every ticket's detail, in log order")
        var unmarked = batch.tickets
        for index in unmarked.indices { unmarked[index].isRepeat = false }
        #expect(sink.tickets == unmarked, "every evaluation in the batch order (repeats are not marked)")
        #expect(sink.periods == batch.circuitPeriods, "every circuit-period in the batch order")
        #expect(batch.totals.openTickets > 0 && batch.totals.repeatViolations > 0)
    }

    @Test func droppedTicketsAreNotHeldAndKeptOnesKeepTheirIndex() {
        var store = TicketStore()
        var ticket = RepairSimulationFixtures.ticket
        for number in 0..<10_000 {
            ticket.circuit = Int32(number)
            store.append(ticket)
        }
        store.drop(below: 3_000)
        store.drop(below: 6_000)   // 6,000 dropped of 10,000 stored: compacted
        #expect(store.count == 10_000)
        #expect(!store.holds(5_999) && store.holds(6_000))
        #expect(store[6_000].circuit == 6_000 && store[9_999].circuit == 9_999)
        store[7_000].circuit = 1
        store.append(ticket)
        #expect(store[7_000].circuit == 1 && store.count == 10_001 && store[10_000].circuit == 9_999)
        #expect(Array(store).count == 4_001 && Array(store).first?.circuit == 6_000)
    }
}

/// A ticket as the model creates it.
enum RepairSimulationFixtures {
    static let ticket = Ticket(circuit: 0, classIndex: 0, segment: 0, outage: true, channel: .proactive, remote: false,
                               faultStart: .zero, detectionDelay: .zero, intakeWork: .zero, travel: .zero,
                               repairWork: .zero, confirmWork: .zero, reportWork: .zero)
}
