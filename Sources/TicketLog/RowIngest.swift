import ServiceRules

/// Turns data rows into records for one file kind; keeps the state that spans rows
/// (ids already seen).
protocol RowDecoder {
    associatedtype Record: Sendable

    /// The columns of this file kind.
    static var schema: ColumnSchema { get }

    /// Learns where the columns are, once the header is read, and how many rows to expect
    /// (an estimate, for reserving capacity).
    mutating func bind(to layout: ColumnLayout, expectedRows: Int)

    /// Decodes one row whose shape (field count, quoting) is already checked.
    /// Sets `currentID` as soon as the row's id is known, even when it then throws.
    mutating func decode(_ row: CSVRow) throws(RejectionReason) -> Record

    /// The id of the row being decoded, once read (the loop clears it before each row).
    var currentID: String? { get set }
}

/// The loop shared by the inventory and ticket readers: header, shape checks, decode, account.
struct RowIngest<Decoder: RowDecoder> {
    var decoder: Decoder
    let path: String

    /// Reads `bytes` as a file of `Decoder`'s kind.
    /// - Throws: `TicketLogError` when the whole file is refused.
    mutating func run(bytes: [UInt8]) throws(TicketLogError) -> IngestResult<Decoder.Record> {
        try SourceFile.checkIsText(bytes, path: path)
        var reader = CSVReader(bytes: bytes)
        let (layout, headerBytes) = try readHeader(&reader)
        let expectedRows = bytes.count / max(headerBytes, 32)
        decoder.bind(to: layout, expectedRows: expectedRows)
        var accounts = Accounts()
        accounts.reserve(expectedRows)
        reader.forEachRecord { row in account(row, width: layout.width, into: &accounts) }
        let notices: [IngestNotice] = layout.ignored.isEmpty ? [] : [.ignoredColumns(layout.ignored)]
        assert(accounts.rowsRead == accounts.records.count + accounts.rejections.count)
        return IngestResult(
            path: path, records: accounts.records, recordLines: accounts.lines,
            rejections: accounts.rejections, notices: notices, rowsRead: accounts.rowsRead,
            rejectedIDs: accounts.rejectedIDs)
    }

    /// The header's layout and its length in bytes (rows are rarely shorter than the header,
    /// so bytes / header length bounds the row count well enough to reserve capacity).
    private func readHeader(_ reader: inout CSVReader) throws(TicketLogError) -> (ColumnLayout, Int) {
        guard let header = reader.nextRecordStrings() else { throw .emptyFile(path: path) }
        if let issue = header.issue { throw .notCSV(path: path, reason: .malformedHeader(issue)) }
        let length = header.fields.reduce(header.fields.count) { $0 + $1.utf8.count }
        return (try ColumnLayout(header: header.fields, schema: Decoder.schema, path: path), length)
    }

    /// Accepts or rejects one row; never drops it.
    private mutating func account(_ row: CSVRow, width: Int, into accounts: inout Accounts) {
        accounts.rowsRead += 1
        decoder.currentID = nil
        do throws(RejectionReason) {
            try Self.checkShape(row, width: width)
            let record = try decoder.decode(row)
            accounts.records.append(record)
            accounts.lines.append(row.line)
        } catch {
            accounts.rejections.append(RowRejection(path: path, line: row.line, reason: error))
            if let id = decoder.currentID, accounts.rejectedIDs[id] == nil { accounts.rejectedIDs[id] = row.line }
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

        mutating func reserve(_ rows: Int) {
            records.reserveCapacity(rows)
            lines.reserveCapacity(rows)
        }
    }
}
