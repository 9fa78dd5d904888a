import Foundation
import ServiceRules
import Testing
import TestSupport
@testable import TicketLog

/// A file read from disk is mapped and its pages handed back as the rows behind them are
/// admitted, and the next pieces are drafted while a batch is admitted; with `--summary-only`
/// the tickets are judged as they are read and never held. None of it may change a record, a
/// line, a rejection or a figure.
@Suite("Mapped files and tickets judged as read")
struct StreamedIngestTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The chunked-ingest test's tickets (byte-order mark, CRLF, quoted fields spanning lines,
    /// every kind of rejected row) written to a file.
    static func ticketFile(in folder: TemporaryFolder) throws -> String {
        let path = folder.file("tickets.csv")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(ChunkedIngestTests.ticketBytes)))
        return path
    }

    @Test(arguments: [1, 17, 90, 1 << 40], [1, 2, 3])
    func aMappedFileReadsAsTheSameBytesInMemory(chunkBytes: Int, threads: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let whole = try ChunkedIngestTests.readTickets(chunkBytes: 1 << 40, threads: 1)
        var ingest = RowIngest(decoder: TicketRowDecoder(reader: TicketLogReader(circuitIDs: ["C1", "C2"])), path: "t.csv")
        ingest.chunkBytes = chunkBytes
        ingest.threads = threads
        let mapped = try ingest.run(source: SourceFile.map(path: Self.ticketFile(in: folder)))
        #expect(mapped.records == whole.records)
        #expect(mapped.recordLines == whole.recordLines)
        #expect(mapped.rejections == whole.rejections)
        #expect(mapped.rowsRead == whole.rowsRead)
        #expect(mapped.rejectedIDs == whole.rejectedIDs)
    }

    /// A file of many pages (CRLF, a quoted field spanning lines every seventh row, a rejected
    /// row every eleventh), read from disk in pieces of a few kilobytes so that pages are handed
    /// back while later pieces are drafted, on 1–3 threads: as read whole from memory.
    @Test(arguments: [1, 2, 3])
    func pagesHandedBackWhileReadingChangeNothing(threads: Int) throws {
        let rows = (0..<3000).map { number -> String in
            let row = Fixture.ticketRow("T\(number)", circuit: number % 2 == 0 ? "C1" : "C2")
            if number % 11 == 5 { return row.replacingOccurrences(of: ",true", with: ",maybe") + "," }
            return row + (number % 7 == 3 ? ",\"waited for\r\naccess, \"\"site\"\"\"" : ",")
        }
        let text = ([Fixture.ticketHeader + ",excluded"] + rows).joined(separator: "\r\n") + "\r\n"
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let reader = TicketLogReader(circuitIDs: ["C1", "C2"])
        let whole = try reader.read(bytes: Fixture.bytes(text), path: "t.csv")
        var ingest = RowIngest(decoder: TicketRowDecoder(reader: reader), path: "t.csv")
        ingest.chunkBytes = 3000
        ingest.threads = threads
        let mapped = try ingest.run(source: SourceFile.map(path: folder.write(text, to: "t.csv")))
        #expect(text.utf8.count > 100 * 4096 && whole.accepted > 2500 && whole.rejected > 200)
        #expect(mapped.records == whole.records && mapped.recordLines == whole.recordLines)
        #expect(mapped.rejections == whole.rejections && mapped.rowsRead == whole.rowsRead)
        #expect(whole.records[3].excluded == "waited for\r\naccess, \"site\"")
    }

    /// Handing pages back never changes the bytes: released pages read the same again.
    @Test func releasedPagesReadTheSameAgain() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = String(repeating: "0123456789abcdef", count: 4096) + "end\n"
        let source = try SourceFile.map(path: folder.write(text, to: "big.csv"))
        source.release(0..<source.buffer.count)
        source.release(100..<70_000)
        #expect(Array(source.buffer) == Array(text.utf8))
    }

    /// Another program truncating a file while it is read makes the pages past its new end
    /// vanish; touching one is the usual one-line error naming the file, exit 2, not a crash.
    @Test func aFileTruncatedWhileReadIsAnErrorNotACrash() async throws {
        let result = await #expect(processExitsWith: .exitCode(2), observing: [\.standardErrorContent]) {
            let path = NSTemporaryDirectory() + "faultline-truncated-while-read.csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "a"), count: 1 << 20))
            let source = try SourceFile.map(path: path)
            _ = truncate(path, 4096)
            var sum = 0
            for offset in stride(from: 0, to: source.buffer.count, by: 4096) { sum &+= Int(source.buffer[offset]) }
            Issue.record("read past the new end without a fault (sum \(sum))")
        }
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "faultline-truncated-while-read.csv")
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("faultline-truncated-while-read.csv: ") && message.contains("the file changed while it was read"),
                "\(message)")
    }

    @Test func anEmptyOrBinaryFileOnDiskIsRefusedAsInMemory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let reader = TicketLogReader(circuitIDs: [])
        #expect(throws: TicketLogError.emptyFile(path: folder.file("empty.csv"))) {
            try reader.read(path: folder.write("", to: "empty.csv"))
        }
        let binary = folder.file("binary.csv")
        #expect(FileManager.default.createFile(atPath: binary, contents: Data(Array("a,b\n1,2\nx\u{0}y\n".utf8))))
        #expect(throws: TicketLogError.notCSV(path: binary, reason: .binaryContent(line: 3))) { try reader.read(path: binary) }
    }

    /// Tickets handed off as admitted are the tickets `read(path:)` keeps, in file order, each
    /// with its circuit's inventory position (and no circuit id: the position names it); only
    /// their lines are kept.
    @Test func handedOffTicketsAreTheTicketsKept() throws {
        let examples = Self.repository.appendingPathComponent("examples")
        let inventory = try InventoryReader().read(path: examples.appendingPathComponent("circuits.csv").path)
        let reader = TicketLogReader(inventory: inventory)
        let path = examples.appendingPathComponent("tickets.csv").path
        let kept = try reader.read(path: path)
        let handedOff = HandedOff()
        let streamed = try reader.read(path: path) { ticket, circuit in handedOff.add(ticket, circuit) }
        #expect(handedOff.tickets.allSatisfy { $0.circuitID.isEmpty })
        let withoutCircuitIDs = kept.records.map { ticket in
            var ticket = ticket
            ticket.circuitID = ""
            return ticket
        }
        #expect(handedOff.tickets == withoutCircuitIDs)
        #expect(handedOff.circuits == kept.circuitPositions)
        #expect(handedOff.circuits.map { inventory.records[Int($0)].id } == kept.records.map(\.circuitID))
        #expect(streamed.records.isEmpty && streamed.circuitPositions == nil)
        #expect(streamed.recordLines == kept.recordLines && streamed.accepted == kept.accepted)
        #expect(streamed.rejections == kept.rejections && streamed.rowsRead == kept.rowsRead)
    }

    /// Judged for the summary only, every shipped corpus gives the full judgement's tier rows,
    /// totals, periods, rule versions and rejected rows; with rules of one version the tickets
    /// are judged as read (none held).
    @Test(arguments: ["corpus/examples", "corpus/edge-cases", "corpus/baseline-year"])
    func theSummaryOnlyJudgementHasTheFullJudgementsFigures(corpus: String) throws {
        let folder = Self.repository.appendingPathComponent(corpus)
        let rulesFile = folder.appendingPathComponent("rules.yaml").path
        let rules = try FileManager.default.fileExists(atPath: rulesFile)
            ? RuleVersions.reading(rulesYAML: String(contentsOfFile: rulesFile, encoding: .utf8), file: rulesFile, over: .builtIn)
            : RuleVersions(single: .builtIn)
        let judge = { (summaryOnly: Bool) in
            try EvaluationOutcome.judge(
                inventoryPath: folder.appendingPathComponent("circuits.csv").path,
                ticketsPath: folder.appendingPathComponent("tickets.csv").path, rules: rules, period: .month,
                summaryOnly: summaryOnly)
        }
        let full = try judge(false), summary = try judge(true)
        #expect(summary.evaluation.byTier == full.evaluation.byTier)
        #expect(summary.evaluation.totals == full.evaluation.totals)
        #expect(summary.evaluation.versions == full.evaluation.versions)
        #expect(summary.evaluation.firstPeriod == full.evaluation.firstPeriod && summary.evaluation.lastPeriod == full.evaluation.lastPeriod)
        #expect(summary.rejected == full.rejected && summary.evaluated == full.evaluated && summary.read == full.read)
        #expect(summary.judgedTickets == full.evaluation.tickets.count && full.judgedTickets > 0)
        #expect(summary.tickets.records.isEmpty && summary.evaluation.tickets.isEmpty && summary.evaluation.circuitPeriods.isEmpty)
    }
}

/// What a hand-off received, in order.
private final class HandedOff: @unchecked Sendable {
    var tickets: [TicketRecord] = []
    var circuits: [Int32] = []

    func add(_ ticket: TicketRecord, _ circuit: Int32) {
        tickets.append(ticket)
        circuits.append(circuit)
    }
}
