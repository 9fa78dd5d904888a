import Dispatch
import ServiceRules
import SimCore

/// Turns data rows into records for one file kind, in two steps so that rows can be parsed on
/// several threads and still come out exactly as one thread reads them: a ``RowDrafter`` decodes
/// what depends on the row alone (any thread, any order), then the decoder admits each draft in
/// file order, checking it against the rows before it (ids already seen).
protocol RowDecoder: SendableMetatype {
    associatedtype Record: Sendable
    associatedtype Drafter: RowDrafter

    /// The columns of this file kind.
    static var schema: ColumnSchema { get }

    /// Learns where the columns are, once the header is read, and how many rows to expect
    /// (an estimate, for reserving capacity); returns the drafter of this file's rows.
    mutating func bind(to layout: ColumnLayout, expectedRows: Int) -> Drafter

    /// Finishes one drafted row, in file order: the checks against earlier rows. Sets
    /// `currentID` to the draft's id first, so a rejection names it. Returns the record, or nil
    /// when the decoder handed it on itself. The draft is consumed, so that its record can be
    /// moved out rather than copied.
    mutating func admit(_ draft: consuming Drafter.Draft, line: Int) throws(RejectionReason) -> Record?

    /// The id of the row being admitted (the loop clears it before each row).
    var currentID: String? { get set }

    /// Reads what admitting a draft whose id has `hash` will look up first (see
    /// ``IdentifierTable/warm(hash:)``), and what its ``RowDraft/ahead`` names.
    mutating func warm(hash: UInt64, ahead: Int32)
}

/// The row-local part of decoding: safe to call from any thread, in any order.
protocol RowDrafter: Sendable {
    associatedtype Draft: RowDraft

    /// Decodes one row whose shape (field count, quoting) is already checked; throws when the
    /// row is rejected before its id is known.
    func draft(_ row: CSVRow) throws(RejectionReason) -> Draft

    /// Reads what drafting `rows` (about to be drafted, in any shape) will look up, in tight
    /// loops so that the cache misses overlap; returns a sum of what was read, for the caller
    /// to keep.
    func warm(_ rows: [CSVRow]) -> UInt32
}

extension RowDrafter {
    /// Nothing to read ahead.
    func warm(_ rows: [CSVRow]) -> UInt32 { 0 }
}

/// A row as a drafter leaves it: its id's hash is computed on the drafting thread, so that the
/// admitting thread only probes the id table.
protocol RowDraft: Sendable {
    /// `IdentifierTable.hash` of the row's id.
    var idHash: UInt64 { get }
    /// A position whose data the decoder reads when admitting the draft (a ticket's circuit),
    /// to be read ahead with its id's slot; -1 for none.
    var ahead: Int32 { get }
}

extension RowDraft {
    /// Nothing read ahead but the id's slot.
    var ahead: Int32 { -1 }
}

/// The loop shared by the inventory and ticket readers: header, shape checks, decode, account.
///
/// The data rows are cut into pieces of about ``chunkBytes`` at line ends and drafted on up to
/// ``threads`` threads a batch of pieces at a time; the drafts are admitted in file order, so
/// records, rejections and line numbers do not depend on the cuts or the threads.
struct RowIngest<Decoder: RowDecoder> {
    var decoder: Decoder
    let path: String
    /// About how many bytes one thread drafts at a time (half a MiB: the three batches in
    /// flight hold about the drafts two batches of 1 MiB pieces did).
    var chunkBytes = 1 << 19
    /// Threads drafting pieces; nil for one per core.
    var threads: Int?
    /// False when the decoder hands each admitted record on itself (its `admit` returns nil):
    /// no room is reserved for records, only for their lines.
    var keepsRecords = true
    /// Pieces drafted before their drafts are admitted: enough to keep the threads busy, few
    /// enough that the drafts in flight (one batch admitted, ``batchesAhead`` drafted) take little
    /// memory.
    static var chunksPerBatch: Int { 4 }
    /// Batches being drafted while one is admitted: two, so that the drafting threads go on with
    /// the second when the first is done before the admitting thread is ready for it, rather than
    /// wait idle at each batch boundary.
    static var batchesAhead: Int { 2 }

    init(decoder: Decoder, path: String) {
        self.decoder = decoder
        self.path = path
    }

    /// Reads `bytes` as a file of `Decoder`'s kind.
    /// - Throws: `TicketLogError` when the whole file is refused.
    mutating func run(bytes: [UInt8]) throws(TicketLogError) -> IngestResult<Decoder.Record> {
        try run(source: SourceBytes(copying: bytes))
    }

    /// Reads `source` as a file of `Decoder`'s kind, handing its bytes back as the rows behind
    /// them are admitted.
    /// - Throws: `TicketLogError` when the whole file is refused.
    mutating func run(source: SourceBytes) throws(TicketLogError) -> IngestResult<Decoder.Record> {
        var reader = CSVReader(source: source)
        let (layout, headerBytes) = try readCheckedHeader(&reader)
        let expectedRows = source.buffer.count / max(headerBytes, 32)
        let drafter = decoder.bind(to: layout, expectedRows: expectedRows)
        var accounts = Accounts()
        accounts.reserve(expectedRows, records: keepsRecords)
        let shape = RowShape(width: layout.width, typicalBytes: max(headerBytes, 32))
        try readRows(reader, drafter: drafter, shape: shape, into: &accounts)
        let notices: [IngestNotice] = layout.ignored.isEmpty ? [] : [.ignoredColumns(layout.ignored)]
        assert(accounts.rowsRead == accounts.lines.count + accounts.rejections.count)
        return IngestResult(
            path: path, records: accounts.records, recordLines: accounts.lines,
            rejections: accounts.rejections, notices: notices, rowsRead: accounts.rowsRead,
            rejectedIDs: accounts.rejectedIDs)
    }

    /// The header as ``readHeader(_:)`` reads it, its bytes checked for NUL. A file with a NUL
    /// byte is refused for it before anything else, so when the header itself is refused, the
    /// whole file is checked first; the rows' bytes are checked as they are drafted.
    private func readCheckedHeader(_ reader: inout CSVReader) throws(TicketLogError) -> (ColumnLayout, Int) {
        let header: (ColumnLayout, Int)
        do {
            header = try readHeader(&reader)
        } catch {
            try SourceFile.checkIsText(reader.source, path: path)
            throw error
        }
        try SourceFile.checkIsText(reader.source, bytes: 0..<reader.position, path: path)
        return header
    }

    /// The header's layout and its length in bytes (rows are rarely shorter than the header,
    /// so bytes / header length bounds the row count well enough to reserve capacity).
    private func readHeader(_ reader: inout CSVReader) throws(TicketLogError) -> (ColumnLayout, Int) {
        guard let header = reader.nextRecordStrings() else { throw .emptyFile(path: path) }
        if let issue = header.issue { throw .notCSV(path: path, reason: .malformedHeader(issue)) }
        let length = header.fields.reduce(header.fields.count) { $0 + $1.utf8.count }
        return (try ColumnLayout(header: header.fields, schema: Decoder.schema, path: path), length)
    }

    /// Drafts the pieces batch by batch and admits every row in file order, then hands back
    /// the bytes of the rows admitted. The next batches are drafted on other threads while this
    /// one is admitted. A piece whose drafter started where no record starts (a quoted field
    /// ran across the cut) is drafted again from where the record before it ended.
    /// - Throws: `.binaryContent` at the first piece holding a NUL byte (each piece's bytes are
    ///   scanned on its drafting thread), naming the line of the file's first NUL.
    private mutating func readRows(
        _ reader: CSVReader, drafter: Decoder.Drafter, shape: RowShape, into accounts: inout Accounts
    ) throws(TicketLogError) {
        let cuts = reader.lineStarts(from: reader.position, every: chunkBytes)
        let batches = stride(from: 0, to: cuts.count - 1, by: Self.chunksPerBatch).map {
            $0..<min($0 + Self.chunksPerBatch, cuts.count - 1)
        }
        let draft = { [threads] (pieces: Range<Int>) in
            BatchDrafting { Self.draftBatch(pieces, cuts: cuts, reader: reader, drafter: drafter, shape: shape, threads: threads) }
        }
        var next = (position: reader.position, line: reader.line)
        var drafting = batches.prefix(Self.batchesAhead).map(draft)
        for (number, pieces) in batches.enumerated() {
            var drafted = drafting.removeFirst().wait()
            if number + Self.batchesAhead < batches.count { drafting.append(draft(batches[number + Self.batchesAhead])) }
            for (offset, piece) in pieces.enumerated() {
                var rows = DraftedPiece<Decoder.Drafter.Draft>()
                swap(&rows, &drafted[offset])
                if let nul = rows.firstNUL {
                    throw SourceFile.binaryContent(at: nul, in: reader.source, path: path, countingFrom: next)
                }
                if rows.start != next.position {
                    rows = Self.draftPiece(reader, drafter, from: next.position, before: cuts[piece + 1], shape: shape)
                }
                admit(&rows.rows, from: next.line, into: &accounts)
                next = (rows.end, next.line + rows.lines)
            }
            reader.source.release(cuts[pieces.lowerBound]..<next.position)
        }
    }

    /// The drafts of `pieces`, on up to `threads` threads; a piece holding a NUL byte is not
    /// drafted, only the NUL's offset is kept.
    private static func draftBatch(
        _ pieces: Range<Int>, cuts: [Int], reader: CSVReader, drafter: Decoder.Drafter, shape: RowShape, threads: Int?
    ) -> [DraftedPiece<Decoder.Drafter.Draft>] {
        Replications.run(pieces.count, threads: threads) { offset in
            let piece = pieces.lowerBound + offset
            if let nul = SourceFile.firstNUL(in: reader.source.buffer, cuts[piece]..<cuts[piece + 1]) {
                return DraftedPiece(start: cuts[piece], firstNUL: nul)
            }
            return draftPiece(reader, drafter, from: cuts[piece], before: cuts[piece + 1], shape: shape)
        }
    }

    /// The drafts of the records starting in `start..<end`, lines counted from 0 at `start`.
    /// Records are drafted a group at a time, what their drafting looks up read first
    /// (``RowDrafter/warm(_:)``).
    private static func draftPiece(
        _ reader: CSVReader, _ drafter: Decoder.Drafter, from start: Int, before end: Int, shape: RowShape
    ) -> DraftedPiece<Decoder.Drafter.Draft> {
        var rows: [DraftedRow<Decoder.Drafter.Draft>] = []
        rows.reserveCapacity(max(0, end - start) / shape.typicalBytes + 1)
        var warmed: UInt32 = 0
        let (stop, lines) = reader.forEachGroup(of: warmedRows, from: start, before: end) { group in
            warmed &+= draft(group, drafter, shape: shape, into: &rows)
        }
        return DraftedPiece(start: start, rows: rows, end: stop, lines: lines, warmed: warmed)
    }

    /// Drafts a group of rows; returns what warming them read.
    private static func draft(
        _ group: [CSVRow], _ drafter: Decoder.Drafter, shape: RowShape,
        into rows: inout [DraftedRow<Decoder.Drafter.Draft>]
    ) -> UInt32 {
        let warmed = drafter.warm(group)
        for row in group {
            do throws(RejectionReason) {
                try checkShape(row, width: shape.width)
                let draft = try drafter.draft(row)
                let (idHash, ahead) = (draft.idHash, draft.ahead)
                rows.append(DraftedRow(line: row.line, draft: .success(consume draft), idHash: idHash, ahead: ahead))
            } catch {
                rows.append(DraftedRow(line: row.line, draft: .failure(error), idHash: 0, ahead: -1))
            }
        }
        return warmed
    }

    /// Admits a piece's rows in order, a group at a time: the group's id-table slots are read
    /// first, in one loop, so that their cache misses overlap instead of stalling each row's
    /// admission in turn. Each draft is moved out of `rows`, not copied (a copy would retain
    /// the strings another thread made, and release them twice).
    private mutating func admit(_ rows: inout [DraftedRow<Decoder.Drafter.Draft>], from line: Int, into accounts: inout Accounts) {
        var group = 0
        while group < rows.count {
            let end = min(group + Self.warmedRows, rows.count)
            for index in group..<end { decoder.warm(hash: rows[index].idHash, ahead: rows[index].ahead) }
            for index in group..<end {
                var draft = Result<Decoder.Drafter.Draft, RejectionReason>.failure(.blankLine)
                swap(&draft, &rows[index].draft)
                admit(draft, line: line + rows[index].line, into: &accounts)
            }
            group = end
        }
    }

    /// Rows whose id-table slots are read ahead of their admission.
    private static var warmedRows: Int { 32 }

    /// Accepts or rejects one row; never drops it.
    private mutating func admit(_ draft: consuming Result<Decoder.Drafter.Draft, RejectionReason>, line: Int, into accounts: inout Accounts) {
        accounts.rowsRead += 1
        decoder.currentID = nil
        do throws(RejectionReason) {
            let record: Decoder.Record?
            switch consume draft {
            case .success(let drafted): record = try decoder.admit(drafted, line: line)
            case .failure(let reason): throw reason
            }
            if let record = consume record { accounts.records.append(record) }
            accounts.lines.append(line)
        } catch {
            accounts.rejections.append(RowRejection(path: path, line: line, reason: error))
            if let id = decoder.currentID, accounts.rejectedIDs[id] == nil { accounts.rejectedIDs[id] = line }
        }
    }

    /// Quoting, blank line and field count, before any field is looked at.
    private static func checkShape(_ row: CSVRow, width: Int) throws(RejectionReason) {
        if let issue = row.issue { throw .malformedQuoting(issue) }
        if row.isBlankLine { throw .blankLine }
        guard row.count == width else { throw .wrongFieldCount(expected: width, found: row.count) }
    }

    /// What the loop has collected so far.
    private struct Accounts {
        var records: [Decoder.Record] = []
        var lines: [Int] = []
        var rejections: [RowRejection] = []
        var rejectedIDs: [String: Int] = [:]
        var rowsRead = 0

        mutating func reserve(_ rows: Int, records keepsRecords: Bool) {
            if keepsRecords { records.reserveCapacity(rows) }
            lines.reserveCapacity(rows)
        }
    }
}

/// What every data row of a file is expected to look like.
struct RowShape: Sendable {
    /// Fields per row (the header's).
    let width: Int
    /// Bytes of a typical row, at most (the header's length), to reserve room for a piece's rows.
    let typicalBytes: Int
}

/// One data row as a drafting thread left it: its line, counted from the start of its piece,
/// and its draft or why it is rejected.
struct DraftedRow<Draft: RowDraft>: Sendable {
    var line: Int
    var draft: Result<Draft, RejectionReason>
    /// The draft's `idHash`; 0 for a row rejected before its id was read.
    var idHash: UInt64
    /// The draft's `ahead`; -1 for a row rejected before its id was read.
    var ahead: Int32
}

/// The drafted rows of one piece: where drafting started and ended, and the lines it moved past.
struct DraftedPiece<Draft: RowDraft>: Sendable {
    var start = 0
    var rows: [DraftedRow<Draft>] = []
    var end = 0
    var lines = 0
    /// What warming the rows' look-ups read, summed (kept, so that the reads are made).
    var warmed: UInt32 = 0
    /// The offset in the file of the piece's first NUL byte; nil when it has none.
    var firstNUL: Int?
}

/// One batch of pieces being drafted on other threads while the caller admits the batch before
/// it; ``wait()`` returns its drafts.
private final class BatchDrafting<Draft: RowDraft>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the drafting thread before `done` is left; read after waiting on it.
    private var pieces: [DraftedPiece<Draft>] = []

    init(_ work: @escaping @Sendable () -> [DraftedPiece<Draft>]) {
        DispatchQueue.global().async(group: done) { self.pieces = work() }
    }

    /// The drafted pieces, once drafting has finished (handed over, not shared, so that the
    /// caller can move rows out of them).
    func wait() -> [DraftedPiece<Draft>] {
        done.wait()
        var taken: [DraftedPiece<Draft>] = []
        swap(&taken, &pieces)
        return taken
    }
}
