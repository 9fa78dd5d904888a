import ServiceRules
import Testing
import TicketLog

/// The optional columns of the domain corrections: `customer_type` in the inventory and
/// `feedback_at` in the ticket log.
@Suite("TicketLog: customer_type and feedback_at")
struct DomainColumnsTests {
    @Test func customerTypeIsReadInAnySpellingCaseAndEmptyMeansUnknown() throws {
        let rows = [Fixture.inventoryHeader + ",customer_type", "C1,localA,800,,900,brand", "C2,localA,800,,900, High-End-Cluster ",
                    "C3,localA,800,,900,"]
        let result = try Fixture.readInventory(rows)
        #expect(result.rejections.isEmpty)
        #expect(result.records.map(\.customerType) == [.brand, .highEndCluster, nil])
    }

    @Test func anUnknownCustomerTypeRejectsTheRowWithTheClosestOne() throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader + ",customer_type", "C1,localA,800,,900,industy"])
        #expect(result.records.isEmpty)
        #expect(result.rejections.map(\.reason) == [
            .unknownName(field: "customer_type", text: "industy", suggestion: "industry",
                         known: ["industry", "high-end-cluster", "brand", "cluster"])])
    }

    @Test func feedbackAtIsReadAndMayBeEmpty() throws {
        let header = Fixture.ticketHeader + ",feedback_at"
        let result = try Fixture.readTickets([header, Fixture.ticketRow("T1") + ",2026-03-02T10:00:00",
                                              Fixture.ticketRow("T2", hour: 11) + ","])
        #expect(result.rejections.isEmpty)
        #expect(result.records.map(\.feedbackAt) == [Fixture.wallTime(2026, 3, 2, 10), nil])
    }

    /// `ticketRow` reports at 09:05; feedback at 09:04 goes back before it.
    @Test func feedbackBeforeTheReportRejectsTheRow() throws {
        let header = Fixture.ticketHeader + ",feedback_at"
        let result = try Fixture.readTickets([header, Fixture.ticketRow("T1") + ",2026-03-02T09:04:00"])
        #expect(result.records.isEmpty)
        #expect(result.rejections.map(\.reason) == [
            try Fixture.outOfOrder(.feedbackAt, "2026-03-02T09:04:00", after: .reportedAt, "2026-03-02T09:05:00")])
    }
}

/// The optional `suspended` column: `START/END` intervals separated by `;`.
@Suite("TicketLog: suspended")
struct SuspendedColumnTests {
    static let header = Fixture.ticketHeader + ",suspended"

    /// `ticketRow` reports at 09:05 and repairs at 09:50.
    @Test func intervalsAreReadAndEmptyMeansNone() throws {
        let result = try Fixture.readTickets([
            Self.header, Fixture.ticketRow("T1") + ",2026-03-02T09:10/2026-03-02T09:20; 2026-03-02T09:30:00/2026-03-02T09:40",
            Fixture.ticketRow("T2", hour: 11) + ",",
        ])
        #expect(result.rejections.isEmpty)
        #expect(result.records.map(\.suspended) == [
            [Fixture.wallTime(2026, 3, 2, 9, 10)..<Fixture.wallTime(2026, 3, 2, 9, 20),
             Fixture.wallTime(2026, 3, 2, 9, 30)..<Fixture.wallTime(2026, 3, 2, 9, 40)], []])
    }

    @Test(arguments: [
        ("2026-03-02T09:10-2026-03-02T09:20", "suspended: bad interval '2026-03-02T09:10-2026-03-02T09:20' (expected START/END, several separated by ';', e.g. 2026-03-01T10:00/2026-03-01T12:30)"),
        ("2026-03-02T09:20/2026-03-02T09:10", "suspended interval 2026-03-02T09:20:00/2026-03-02T09:10:00 does not end after it starts"),
        ("2026-03-02T09:10/2026-03-02T25:00", "suspended: bad timestamp '2026-03-02T25:00' (time of day out of range)"),
        ("2026-03-02T09:00/2026-03-02T09:10", "suspended interval 2026-03-02T09:00:00/2026-03-02T09:10:00 is outside the restoration clock (reported_at 2026-03-02T09:05:00 to repaired_at 2026-03-02T09:50:00)"),
        ("2026-03-02T09:10/2026-03-02T09:30;2026-03-02T09:20/2026-03-02T09:40", "suspended intervals 2026-03-02T09:10:00/2026-03-02T09:30:00 and 2026-03-02T09:20:00/2026-03-02T09:40:00 overlap"),
    ])
    func aBadIntervalRejectsTheRowWithItsReason(field: String, message: String) throws {
        let result = try Fixture.readTickets([Self.header, Fixture.ticketRow("T1") + ",\(field)"])
        #expect(result.records.isEmpty)
        #expect(result.rejections.map(\.description) == ["tickets.csv:2: \(message)"])
    }
}

/// What the writer writes, the readers read back: `customer_type`, `feedback_at` and `suspended`.
@Suite("TicketLogWriter: the optional domain columns round-trip")
struct DomainColumnsRoundTripTests {
    @Test func circuitsAndTicketsReadBackAsWritten() throws {
        let circuit = Circuit(id: "F1", customerGrade: .localA, product: "800", tier: nil, monthlyFee: 900, customerType: .brand)
        var ticket = try #require(try Fixture.readTickets([Fixture.ticketHeader, Fixture.ticketRow("T1", circuit: "F1")],
                                                           circuits: ["F1"]).records.first)
        ticket.feedbackAt = Fixture.wallTime(2026, 3, 2, 9, 30)
        ticket.suspended = [Fixture.wallTime(2026, 3, 2, 9, 10)..<Fixture.wallTime(2026, 3, 2, 9, 20),
                            Fixture.wallTime(2026, 3, 2, 9, 20)..<Fixture.wallTime(2026, 3, 2, 9, 25)]
        let circuits = try InventoryReader().read(bytes: TicketLogWriter.circuitsFile([circuit]), path: "c.csv")
        #expect(circuits.records == [circuit])
        let tickets = try TicketLogReader(circuitIDs: ["F1"]).read(bytes: TicketLogWriter.ticketsFile([ticket]), path: "t.csv")
        #expect(tickets.records == [ticket])
    }
}
