import ServiceRules
import Testing
import TicketLog

/// The ticket log `run --export-tickets` writes: a `replication` column and times to the
/// millisecond, read back by the ticket reader as the same records (whole seconds).
@Suite struct SimulatedTicketsTests {
    static let record = TicketRecord(
        ticketID: "T7", circuitID: "C1", faultStart: Fixture.wallTime(2026, 3, 2, 9, 0, 1),
        reportedAt: Fixture.wallTime(2026, 3, 2, 9, 5), dispatchedAt: Fixture.wallTime(2026, 3, 2, 9, 10),
        acceptedAt: Fixture.wallTime(2026, 3, 2, 9, 20), repairedAt: Fixture.wallTime(2026, 3, 2, 9, 50, 59),
        confirmedAt: Fixture.wallTime(2026, 3, 2, 9, 55), reportSentAt: nil, outage: true)

    @Test func writtenMillisecondsReadBackAsTheSameRecord() throws {
        let ticket = SimulatedTicket(replication: 4, record: Self.record, milliseconds: [5, 999, 0, 250, 40, 1, 0])
        let bytes = try TicketLogWriter.simulatedTicketsFile([ticket])
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines[0] == "replication,ticket_id,circuit_id,fault_start,reported_at,dispatched_at,accepted_at,"
            + "repaired_at,confirmed_at,outage,report_sent_at")
        #expect(lines[1] == "4,T7,C1,2026-03-02T09:00:01.005,2026-03-02T09:05:00.999,2026-03-02T09:10:00.000,"
            + "2026-03-02T09:20:00.250,2026-03-02T09:50:59.040,2026-03-02T09:55:00.001,true,")
        let read = try TicketLogReader(circuitIDs: ["C1"]).read(bytes: bytes, path: "tickets.csv")
        #expect(read.rejected == 0 && read.records == [Self.record], "the reader truncates to the second, as the model does")
    }

    @Test func aRowOfAnotherReplicationIsRejectedWithItsReason() throws {
        var second = Self.record
        second.ticketID = "T8"
        let tickets = [SimulatedTicket(replication: 0, record: Self.record, milliseconds: Array(repeating: 0, count: 7)),
                       SimulatedTicket(replication: 1, record: second, milliseconds: Array(repeating: 0, count: 7))]
        let read = try TicketLogReader(circuitIDs: ["C1"]).read(bytes: try TicketLogWriter.simulatedTicketsFile(tickets),
                                                                 path: "tickets.csv")
        #expect(read.accepted == 1)
        #expect(read.rejections == [RowRejection(path: "tickets.csv", line: 3,
                                                 reason: .otherReplication(found: "1", first: "0", firstLine: 2))])
        #expect(read.rejections.first?.description.contains("evaluate judges one replication at a time") == true)
    }
}
