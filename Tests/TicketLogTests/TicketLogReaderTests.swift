import Foundation
import ServiceRules
import Testing
import TicketLog

@Suite("TicketLogReader: every row accepted or rejected with line and reason")
struct TicketLogReaderTests {
    @Test func validRowsBecomeTicketRecords() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, Fixture.ticketRow("T1"), Fixture.ticketRow("T2", circuit: "C2")])
        #expect(result.accepted == 2 && result.rejected == 0 && result.rowsRead == 2)
        let ticket = result.records[0]
        #expect(ticket.ticketID == "T1" && ticket.circuitID == "C1" && ticket.outage)
        #expect(ticket.reportedAt == Fixture.wallTime(2026, 3, 2, 9, 5))
        #expect(ticket.repairedAt == Fixture.wallTime(2026, 3, 2, 9, 50))
        #expect(ticket.reportSentAt == nil && ticket.excluded == nil)
        #expect(result.recordLines == [2, 3])
    }

    @Test func missingRequiredColumnRefusesTheFile() {
        let header = Fixture.ticketHeader.replacingOccurrences(of: ",repaired_at", with: "")
        #expect(throws: TicketLogError.missingColumns(path: "tickets.csv", columns: ["repaired_at"])) {
            try Fixture.readTickets([header, "T1,C1,,,,,,"])
        }
        #expect(TicketLogError.missingColumns(path: "tickets.csv", columns: ["repaired_at"]).description
            == "tickets.csv: line 1: required column missing from the header: repaired_at")
    }

    @Test func badTimestampNamesFieldAndText() throws {
        let row = Fixture.ticketRow("T1").replacingOccurrences(of: "2026-03-02T09:20:00", with: "2026-02-30T09:20:00")
        let result = try Fixture.readTickets([Fixture.ticketHeader, row])
        #expect(result.rejections == [RowRejection(path: "tickets.csv", line: 2, reason: .badTimestamp(
            field: "accepted_at", text: "2026-02-30T09:20:00", problem: .dayOutOfRange(day: 30, month: 2, year: 2026)))])
    }

    @Test func timesOutOfOrderRejectTheRow() throws {
        let row = "T1,C1,2026-03-02T09:00,2026-03-02T09:05,2026-03-02T09:30,2026-03-02T09:20,2026-03-02T09:50,,true"
        let result = try Fixture.readTickets([Fixture.ticketHeader, row])
        #expect(result.rejections.first?.reason
            == (try Fixture.outOfOrder(.acceptedAt, "2026-03-02T09:20", after: .dispatchedAt, "2026-03-02T09:30")))
        #expect(result.rejections.first?.description
            == "tickets.csv:2: accepted_at 2026-03-02T09:20:00 is before dispatched_at 2026-03-02T09:30:00")
    }

    @Test func orderIsCheckedOverPresentInstantsOnly() throws {
        let skipping = "T1,C1,2026-03-02T09:00,2026-03-02T09:05,,,2026-03-02T09:50,,true"
        let backwards = "T2,C1,2026-03-02T09:00,2026-03-02T09:05,2026-03-02T09:10,,2026-03-02T09:08,,true"
        let result = try Fixture.readTickets([Fixture.ticketHeader, skipping, backwards])
        #expect(result.accepted == 1)
        #expect(result.records[0].dispatchedAt == nil && result.records[0].acceptedAt == nil)
        #expect(result.rejections.first?.reason
            == (try Fixture.outOfOrder(.repairedAt, "2026-03-02T09:08", after: .dispatchedAt, "2026-03-02T09:10")))
    }

    @Test func unknownCircuitIsRejected() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, Fixture.ticketRow("T1", circuit: "C9")])
        #expect(result.rejections.first == RowRejection(path: "tickets.csv", line: 2, reason: .unknownCircuit(id: "C9")))
    }

    @Test func duplicateTicketIDNamesTheFirstLine() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, Fixture.ticketRow("T1"), Fixture.ticketRow("T2"),
                                              Fixture.ticketRow("T1", hour: 11)])
        #expect(result.accepted == 2)
        #expect(result.rejections == [RowRejection(path: "tickets.csv", line: 4, reason: .duplicateTicketID(id: "T1", firstLine: 2))])
    }

    @Test func notClosedRowsAreRejected() throws {
        let row = "T1,C1,2026-03-02T09:00,2026-03-02T09:05,2026-03-02T09:10,,,,true"
        let result = try Fixture.readTickets([Fixture.ticketHeader, row])
        #expect(result.rejections.first?.reason == .refusedByRules(.notClosed(missing: .repairedAt)))
        #expect(result.rejections.first?.reason.description == "repaired_at is empty: the ticket is not closed")
    }

    @Test func anEmptyRepairedAtIsOpenAsOfTheEndOfTheLogWhenThatIsKnown() throws {
        let open = "T1,C1,2026-03-02T09:00,2026-03-02T09:05,2026-03-02T09:10,,,,true"
        let confirmedButNotRepaired = "T2,C1,2026-03-02T09:00,2026-03-02T09:05,2026-03-02T09:10,,,2026-03-02T10:00,true"
        var reader = TicketLogReader(circuitIDs: ["C1"])
        reader.openAsOf = Fixture.wallTime(2026, 4, 1)
        let text = [Fixture.ticketHeader, open, confirmedButNotRepaired].joined(separator: "\n") + "\n"
        let result = try reader.read(bytes: Fixture.bytes(text), path: "tickets.csv")
        #expect(result.accepted == 1)
        let ticket = try #require(result.records.first)
        #expect(ticket.openAsOf == Fixture.wallTime(2026, 4, 1))
        #expect(ticket.repairedAt == Fixture.wallTime(2026, 4, 1), "the outage lasts at least until the end of the log")
        #expect(ticket.dispatchedAt == Fixture.wallTime(2026, 3, 2, 9, 10) && ticket.confirmedAt == nil)
        #expect(result.rejections.first?.reason == .refusedByRules(.notClosed(missing: .repairedAt)),
                "a confirmation without a repair is not an open ticket")
    }

    @Test(arguments: [("true", true), ("FALSE", false), ("1", true), ("0", false), ("Yes", true), ("no", false)])
    func outageBooleans(text: String, value: Bool) throws {
        let row = Fixture.ticketRow("T1").replacingOccurrences(of: ",true", with: ",\(text)")
        #expect(try Fixture.readTickets([Fixture.ticketHeader, row]).records.first?.outage == value)
    }

    @Test func badBooleanIsRejected() throws {
        let row = Fixture.ticketRow("T1").replacingOccurrences(of: ",true", with: ",maybe")
        let result = try Fixture.readTickets([Fixture.ticketHeader, row])
        #expect(result.rejections.first?.reason == .badBoolean(field: "outage", text: "maybe"))
    }

    @Test func wrongFieldCountRejectsOnlyThatRow() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, Fixture.ticketRow("T1") + ",extra", Fixture.ticketRow("T2")])
        #expect(result.accepted == 1)
        #expect(result.rejections == [RowRejection(path: "tickets.csv", line: 2, reason: .wrongFieldCount(expected: 9, found: 10))])
    }

    @Test func quotedFieldWithCommaAndEmbeddedNewlineKeepLineNumbers() throws {
        let header = Fixture.ticketHeader + ",excluded"
        let lines = [header, Fixture.ticketRow("T1") + ",\"planned work, agreed\"",
                     Fixture.ticketRow("T2") + ",\"force majeure\n(typhoon)\"",
                     Fixture.ticketRow("T3") + ",",
                     Fixture.ticketRow("T1") + ","]
        let result = try Fixture.readTickets(lines)
        #expect(result.records.map(\.excluded) == ["planned work, agreed", "force majeure\n(typhoon)", nil])
        #expect(result.recordLines == [2, 3, 5])
        #expect(result.rejections.first?.line == 6)
    }

    @Test func crlfFilesReadLikeLFFiles() throws {
        let lines = [Fixture.ticketHeader, Fixture.ticketRow("T1"), Fixture.ticketRow("T1")]
        let result = try Fixture.readTickets(lines, separator: "\r\n")
        #expect(result.accepted == 1)
        #expect(result.rejections.first?.line == 3)
        #expect(result.records[0].outage)
    }

    @Test func byteOrderMarkBeforeTheHeader() throws {
        let text = "\u{FEFF}" + Fixture.ticketHeader + "\n" + Fixture.ticketRow("T1") + "\n"
        let result = try TicketLogReader(circuitIDs: ["C1"]).read(bytes: Fixture.bytes(text), path: "t.csv")
        #expect(result.accepted == 1)
    }

    @Test func emptyFilesAreRefused() {
        #expect(throws: TicketLogError.emptyFile(path: "t.csv")) {
            try TicketLogReader(circuitIDs: []).read(bytes: [], path: "t.csv")
        }
        #expect(throws: TicketLogError.emptyFile(path: "t.csv")) {
            try TicketLogReader(circuitIDs: []).read(bytes: [0xEF, 0xBB, 0xBF, 0x0A], path: "t.csv")
        }
    }

    @Test func headerOnlyFileReadsZeroRows() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader])
        #expect(result.rowsRead == 0 && result.accepted == 0)
    }

    @Test func binaryAndForeignFilesAreNotCSV() {
        let binary: [UInt8] = Array("ticket_id\nab".utf8) + [0, 1, 2]
        #expect(throws: TicketLogError.notCSV(path: "t.csv", reason: .binaryContent(line: 2))) {
            try TicketLogReader(circuitIDs: []).read(bytes: binary, path: "t.csv")
        }
        #expect(throws: TicketLogError.notCSV(path: "t.csv", reason: .noExpectedColumns(header: ["name", "age"]))) {
            try TicketLogReader(circuitIDs: []).read(bytes: Fixture.bytes("name,age\nx,1\n"), path: "t.csv")
        }
    }

    @Test func unreadablePathIsReported() {
        #expect {
            try TicketLogReader(circuitIDs: []).read(path: "/nonexistent/tickets.csv")
        } throws: { error in
            guard case .cannotRead(let path, _) = error as? TicketLogError else { return false }
            return path == "/nonexistent/tickets.csv"
        }
    }

    @Test func columnsInAnyOrderAndExtraColumnsNoticed() throws {
        let header = "outage,note,confirmed_at,repaired_at,accepted_at,dispatched_at,reported_at,fault_start,circuit_id,ticket_id,excluded"
        let row = "yes,hello,,2026-03-02T10:00,,,2026-03-02T09:05,2026-03-02T09:00,C1,T1,customer-caused"
        let result = try Fixture.readTickets([header, row])
        #expect(result.records.first?.ticketID == "T1")
        #expect(result.records.first?.excluded == "customer-caused")
        #expect(result.notices == [.ignoredColumns(["note"])])
    }

    @Test func duplicateKnownColumnRefusesTheFile() {
        #expect(throws: TicketLogError.duplicateColumn(path: "tickets.csv", column: "outage")) {
            try Fixture.readTickets([Fixture.ticketHeader + ",outage"])
        }
    }

    @Test func ticketOnRejectedCircuitSaysSo() throws {
        let inventory = try Fixture.readInventory([Fixture.inventoryHeader, "C1,group,sdh,SLA-AAA,100", "C2,group,sdh,SLA-X,100"])
        let text = [Fixture.ticketHeader, Fixture.ticketRow("T1"), Fixture.ticketRow("T2", circuit: "C2")].joined(separator: "\n")
        let result = try TicketLogReader(inventory: inventory).read(bytes: Fixture.bytes(text), path: "t.csv")
        #expect(result.accepted == 1)
        #expect(result.rejections.first?.reason == .circuitRejected(id: "C2", inventoryLine: 3))
    }

    @Test func reportSentAndExclusionWords() throws {
        let header = Fixture.ticketHeader + ",report_sent_at,excluded"
        let rows = [Fixture.ticketRow("T1") + ",2026-03-03T10:00,no", Fixture.ticketRow("T2") + ",,planned work",
                    Fixture.ticketRow("T3") + ",2026-03-02T09:51,"]
        let result = try Fixture.readTickets([header] + rows)
        #expect(result.records.map(\.excluded) == [nil, "planned work"])
        #expect(result.records[0].reportSentAt == Fixture.wallTime(2026, 3, 3, 10))
        #expect(result.rejections.first?.reason
            == (try Fixture.outOfOrder(.reportSentAt, "2026-03-02T09:51", after: .confirmedAt, "2026-03-02T09:55")))
    }

    @Test func blankAndMalformedLinesAreRejectedNotDropped() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, "", "T1,C1,\"x\"y,,,,,,true", Fixture.ticketRow("T2")])
        #expect(result.rowsRead == 3 && result.accepted == 1)
        #expect(result.rejections.map(\.reason) == [.blankLine, .malformedQuoting(.textAfterClosingQuote(field: 3))])
    }

    @Test func rejectionMessagesCarryFileAndLine() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, Fixture.ticketRow("T1", circuit: "C9")])
        #expect(result.rejections.first?.description == "tickets.csv:2: unknown circuit 'C9' (not in the inventory)")
    }
}
