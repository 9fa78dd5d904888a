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

    /// The ticket file with `insert` put at byte `offset` of the bytes after the header.
    static func ticketBytes(inserting insert: [UInt8], atRowByte offset: Int) -> [UInt8] {
        var bytes = ticketBytes
        let header = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        bytes.insert(contentsOf: insert, at: header + offset)
        return bytes
    }

    static func readTickets(_ bytes: [UInt8], chunkBytes: Int, threads: Int) throws -> IngestResult<TicketRecord> {
        var ingest = RowIngest(decoder: TicketRowDecoder(reader: TicketLogReader(circuitIDs: ["C1", "C2"])), path: "t.csv")
        ingest.chunkBytes = chunkBytes
        ingest.threads = threads
        return try ingest.run(bytes: bytes)
    }

    /// Each piece's bytes are checked for NUL as it is drafted: a NUL in any piece — the first,
    /// one inside a quoted field the cut fell in, the last byte of the file — refuses the file,
    /// naming the line of the file's first NUL, however the rows are cut and on any threads.
    @Test(arguments: [1, 17, 90, 1 << 40], [1, 3])
    func aNULInAnyPieceRefusesTheFileOnItsLine(chunkBytes: Int, threads: Int) {
        let header = Self.ticketBytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let rows = Self.ticketBytes.count - header
        let quoted = Self.ticketBytes.firstIndex(of: UInt8(ascii: "\""))! - header
        let cases: [(offset: Int, line: Int)] = [(0, 2), (quoted + 14, 4), (rows - 1, 16), (rows, 17)]
        for (offset, line) in cases {
            let bytes = Self.ticketBytes(inserting: [0, UInt8(ascii: "x"), 0], atRowByte: offset)
            #expect(throws: TicketLogError.notCSV(path: "t.csv", reason: .binaryContent(line: line))) {
                try Self.readTickets(bytes, chunkBytes: chunkBytes, threads: threads)
            }
        }
    }

    /// A NUL in the header is found before the header is read; a NUL after a header that is
    /// refused still refuses the file for the NUL, as when the whole file was checked first.
    @Test func aNULIsFoundBeforeAnyHeaderProblem() {
        var header = Self.ticketBytes
        header.insert(0, at: 5)
        #expect(throws: TicketLogError.notCSV(path: "t.csv", reason: .binaryContent(line: 1))) {
            try Self.readTickets(header, chunkBytes: 17, threads: 2)
        }
        let foreign = Fixture.bytes("name,age\nx,1\ny,2\n") + [0]
        #expect(throws: TicketLogError.notCSV(path: "t.csv", reason: .binaryContent(line: 4))) {
            try Self.readTickets(foreign, chunkBytes: 4, threads: 2)
        }
    }
}
