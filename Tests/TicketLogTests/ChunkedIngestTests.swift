import ServiceRules
import Testing
@testable import TicketLog

/// Rows are drafted on several threads in pieces cut at line ends, then admitted in file order:
/// whatever the cuts and the threads, the records, rejections and line numbers are those of
/// one piece read on one thread — on a file with a byte-order mark, CRLF line ends, quoted
/// fields spanning lines (so cuts fall inside them) and rejected rows of every kind.
@Suite("Chunked ingest")
struct ChunkedIngestTests {
    /// Ticket rows (with `excluded` and `replication`) and the line each starts on.
    static let ticketRows: [(line: Int, text: String)] = [
        (2, Fixture.ticketRow("T1") + ",,0"),
        (3, Fixture.ticketRow("T2", circuit: "C2") + ",\"customer\r\nasked, \"\"wait\"\"\",0"),
        (5, Fixture.ticketRow("T3").replacingOccurrences(of: "09:50:00", with: "09:5O:00") + ",,0"),
        (6, Fixture.ticketRow("T1", circuit: "C2") + ",,0"),
        (7, Fixture.ticketRow("T4", circuit: "C404") + ",,0"),
        (8, ""),
        (9, Fixture.ticketRow("T5")),
        (10, Fixture.ticketRow("T6").replacingOccurrences(of: "C1", with: "C\"1") + ",,0"),
        (11, Fixture.ticketRow("T7") + ",,1"),
        (12, Fixture.ticketRow("T8", circuit: "C2") + ",\"two\r\nlines\",0"),
        (14, Fixture.ticketRow("T9") + ",no,0"),
        (15, Fixture.ticketRow("T3", circuit: "C2") + ",,0"),
        (16, Fixture.ticketRow("T10") + ",,0"),
    ]

    static var ticketBytes: [UInt8] {
        let lines = [Fixture.ticketHeader + ",excluded,replication"] + ticketRows.map(\.text)
        return [0xEF, 0xBB, 0xBF] + Fixture.bytes(lines.joined(separator: "\r\n") + "\r\n")
    }

    static func readTickets(chunkBytes: Int, threads: Int) throws -> IngestResult<TicketRecord> {
        var ingest = RowIngest(decoder: TicketRowDecoder(reader: TicketLogReader(circuitIDs: ["C1", "C2"])), path: "t.csv")
        ingest.chunkBytes = chunkBytes
        ingest.threads = threads
        return try ingest.run(bytes: ticketBytes)
    }

    @Test func onePieceFindsEveryRowOnItsLine() throws {
        let result = try Self.readTickets(chunkBytes: 1 << 40, threads: 1)
        #expect(result.recordLines == [2, 3, 12, 14, 16])
        #expect(result.records.map(\.ticketID) == ["T1", "T2", "T8", "T9", "T10"])
        #expect(result.records[1].excluded == "customer\r\nasked, \"wait\"")
        #expect(result.rejections.map(\.line) == [5, 6, 7, 8, 9, 10, 11, 15])
        #expect(result.rejections[1].reason == .duplicateTicketID(id: "T1", firstLine: 2))
        #expect(result.rejections[6].reason == .otherReplication(found: "1", first: "0", firstLine: 2))
        #expect(result.rejections[7].reason == .duplicateTicketID(id: "T3", firstLine: 5))
        #expect(result.rejectedIDs == ["T3": 5, "T1": 6, "T4": 7, "T7": 11])
    }

    @Test(arguments: [1, 2, 17, 90, 400], [1, 2, 3])
    func ticketsReadTheSameInAnyPieces(chunkBytes: Int, threads: Int) throws {
        let whole = try Self.readTickets(chunkBytes: 1 << 40, threads: 1)
        let pieces = try Self.readTickets(chunkBytes: chunkBytes, threads: threads)
        #expect(pieces.records == whole.records)
        #expect(pieces.recordLines == whole.recordLines)
        #expect(pieces.rejections == whole.rejections)
        #expect(pieces.rowsRead == whole.rowsRead)
        #expect(pieces.rejectedIDs == whole.rejectedIDs)
    }

    /// An inventory with a duplicate, an unknown tier, a quoted region spanning lines and a
    /// quote never closed (the rest of the file is its record).
    static let inventoryBytes: [UInt8] = {
        let lines = [
            Fixture.inventoryHeader + ",region",
            "C1,group,sdh,SLA-AA,1000,\"east\r\nside\"",
            "C2,localA,sdh,SLA-Q,1000,east",
            "C1,localA,sdh,,500,west",
            "C3, LocalB ,mpls-vpn, sla-a ,700,",
            "C4,localC,xdsl,,300,\"north",
            "C5,localC,xdsl,,300,south",
        ]
        return [0xEF, 0xBB, 0xBF] + Fixture.bytes(lines.joined(separator: "\r\n") + "\r\n")
    }()

    static func readInventory(chunkBytes: Int, threads: Int) throws -> IngestResult<Circuit> {
        var ingest = RowIngest(decoder: CircuitRowDecoder(reader: InventoryReader()), path: "c.csv")
        ingest.chunkBytes = chunkBytes
        ingest.threads = threads
        return try ingest.run(bytes: inventoryBytes)
    }

    @Test(arguments: [1, 9, 60], [1, 2])
    func inventoryReadsTheSameInAnyPieces(chunkBytes: Int, threads: Int) throws {
        let whole = try Self.readInventory(chunkBytes: 1 << 40, threads: 1)
        #expect(whole.recordLines == [2, 6])
        #expect(whole.rejections.map(\.line) == [4, 5, 7])
        let pieces = try Self.readInventory(chunkBytes: chunkBytes, threads: threads)
        #expect(pieces.records == whole.records)
        #expect(pieces.recordLines == whole.recordLines)
        #expect(pieces.rejections == whole.rejections)
        #expect(pieces.rowsRead == whole.rowsRead)
        #expect(pieces.rejectedIDs == whole.rejectedIDs)
    }
}
