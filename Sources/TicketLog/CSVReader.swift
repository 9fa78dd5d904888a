#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast RFC 4180 reader over the bytes of a whole file (in memory, or mapped: ``SourceBytes``).
///
/// - A UTF-8 byte-order mark at the start is skipped.
/// - Records end at LF or CRLF; a lone CR is ordinary data — except in a file with no LF at all,
///   where CR ends lines (classic Mac line ends, as Excel's "CSV (Macintosh)" writes them).
/// - Quoted fields may hold commas, doubled quotes (`""`) and line breaks; line numbers count
///   physical lines, and each record reports the line on which it starts (the header is line 1).
/// - Empty lines at the very end of the file are ignored; an empty line elsewhere is a record
///   with one empty field (`CSVRow.isBlankLine`), so the caller can reject it by line.
/// - A syntax problem (stray or unterminated quote) spoils only its record: the record carries
///   a `CSVSyntaxIssue` and reading resumes on the next physical line.
///
/// Fields are handed out as views into the bytes, so no `String` is built unless asked for.
public struct CSVReader: Sendable {
    /// The file's bytes.
    let source: SourceBytes
    /// Offset of the next unread byte.
    private(set) var position: Int
    /// Physical line (1-based) of `position`.
    private(set) var line: Int
    private let lineEnd: UInt8

    /// Prepares to read `bytes` from the start, skipping a UTF-8 byte-order mark.
    public init(bytes: [UInt8]) {
        self.init(source: SourceBytes(copying: bytes))
    }

    /// Prepares to read `source` from the start, skipping a UTF-8 byte-order mark.
    init(source: SourceBytes) {
        self.source = source
        let bytes = source.buffer
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasBOM ? 3 : 0
        self.line = 1
        self.lineEnd = Self.endsLinesWithCROnly(bytes) ? ASCII.carriageReturn : ASCII.lineFeed
    }

    /// True when the bytes hold a CR but no LF.
    static func endsLinesWithCROnly(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        return memchr(base, Int32(ASCII.lineFeed), buffer.count) == nil
            && memchr(base, Int32(ASCII.carriageReturn), buffer.count) != nil
    }

    /// True when no record is left (trailing empty lines do not count as records).
    public var isAtEnd: Bool {
        onlyLineBreaks(in: source.buffer, from: position)
    }

    /// Reads the next record and returns its fields as strings (for the header).
    ///
    /// Returns nil at the end of the file.
    /// - Complexity: O(length of the record).
    public mutating func nextRecordStrings() -> (line: Int, fields: [String], issue: CSVSyntaxIssue?)? {
        var result: (line: Int, fields: [String], issue: CSVSyntaxIssue?)?
        forEachRecord(limit: 1) { row in
            let fields = (0..<row.count).map { row[$0].string }
            result = (row.line, fields, row.issue)
        }
        return result
    }

    /// Calls `body` with every remaining record, in file order.
    ///
    /// The row and its field views are valid only during the call.
    /// - Complexity: O(bytes remaining); one reused field buffer, no per-record allocation.
    public mutating func forEachRecord<E: Error>(_ body: (CSVRow) throws(E) -> Void) throws(E) {
        try forEachRecord(limit: Int.max, body)
    }

    private mutating func forEachRecord<E: Error>(
        limit: Int, _ body: (CSVRow) throws(E) -> Void
    ) throws(E) {
        var spans: [CSVFieldSpan] = []
        spans.reserveCapacity(32)
        var scanner = CSVScanner(position: position, line: line, lineEnd: lineEnd)
        defer {
            position = scanner.position
            line = scanner.line
        }
        let buffer = source.buffer
        var remaining = limit
        while remaining > 0, !onlyLineBreaks(in: buffer, from: scanner.position) {
            let start = scanner.line
            spans.removeAll(keepingCapacity: true)
            let issue = scanner.scanRecord(in: buffer, into: &spans)
            try spans.withUnsafeBufferPointer { (spans) throws(E) in
                try body(CSVRow(line: start, issue: issue, buffer: buffer, spans: spans))
            }
            remaining -= 1
        }
    }

    /// Calls `body` with the records that start in `start..<end`, in file order, `size` at a
    /// time (fewer in the last group), without moving this reader; returns where the last
    /// record ended and how many lines it moved past. `start` must be where a record starts (a
    /// line start, or the end of the header). Line numbers count from 0 at `start`: a caller
    /// that knows the line there adds it. A record that starts before `end` is read to its end,
    /// past `end` if a quoted field spans it.
    /// - Complexity: O(bytes scanned); a group's fields are split straight into one reused buffer.
    func forEachGroup<E: Error>(
        of size: Int, from start: Int, before end: Int, _ body: ([CSVRow]) throws(E) -> Void
    ) throws(E) -> (end: Int, lines: Int) {
        var group = RecordGroup(buffer: source.buffer)
        var scanner = CSVScanner(position: start, line: 0, lineEnd: lineEnd)
        while scanner.position < end, !onlyLineBreaks(in: group.buffer, from: scanner.position) {
            group.scan(&scanner)
            if group.count == size { try group.hand(to: body) }
        }
        if group.count > 0 { try group.hand(to: body) }
        return (scanner.position, scanner.line)
    }

    /// Offsets that cut the bytes from `start` into pieces of about `size` bytes, each cut just
    /// after a line end: `start` first, the end of the file last. A cut may still fall inside a
    /// quoted field that spans lines; the caller notices (``forEachGroup(of:from:before:_:)``
    /// then ends past it) and reads on from where the record ended.
    func lineStarts(from start: Int, every size: Int) -> [Int] {
        var cuts = [start]
        let buffer = source.buffer
        if let base = buffer.baseAddress {
            var nominal = start + size
            while nominal < buffer.count {
                guard let hit = memchr(base + nominal, Int32(lineEnd), buffer.count - nominal) else { break }
                let cut = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                if cut < buffer.count { cuts.append(cut) }
                nominal = cut + size
            }
        }
        cuts.append(buffer.count)
        return cuts
    }
}

/// True when everything from `start` on is CR or LF bytes (or nothing).
private func onlyLineBreaks(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    var index = start
    while index < buffer.count {
        let byte = buffer[index]
        if byte != ASCII.lineFeed && byte != ASCII.carriageReturn { return false }
        index += 1
    }
    return true
}

/// Records split into one buffer of field spans, reused from group to group.
private struct RecordGroup {
    let buffer: UnsafeBufferPointer<UInt8>
    private var spans: [CSVFieldSpan] = []
    private var records: [(line: Int, issue: CSVSyntaxIssue?, fields: Range<Int>)] = []

    init(buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    var count: Int { records.count }

    /// Splits the record at the scanner's position into the group.
    mutating func scan(_ scanner: inout CSVScanner) {
        let line = scanner.line, first = spans.count
        let issue = scanner.scanRecord(in: buffer, into: &spans)
        records.append((line, issue, first..<spans.count))
    }

    /// Calls `body` with the group's records (valid during the call only), then empties it.
    mutating func hand<E: Error>(to body: ([CSVRow]) throws(E) -> Void) throws(E) {
        defer {
            records.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
        }
        try spans.withUnsafeBufferPointer { (spans) throws(E) in
            try body(records.map { record in
                CSVRow(line: record.line, issue: record.issue, buffer: buffer,
                       spans: UnsafeBufferPointer(rebasing: spans[record.fields]))
            })
        }
    }
}
