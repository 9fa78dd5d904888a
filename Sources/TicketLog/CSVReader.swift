/// A fast RFC 4180 reader over the bytes of a whole file.
///
/// - A UTF-8 byte-order mark at the start is skipped.
/// - Records end at LF or CRLF; a lone CR is ordinary data.
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
    public let bytes: [UInt8]
    private var position: Int
    private var line: Int

    /// Prepares to read `bytes` from the start, skipping a UTF-8 byte-order mark.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasBOM ? 3 : 0
        self.line = 1
    }

    /// True when no record is left (trailing empty lines do not count as records).
    public var isAtEnd: Bool {
        bytes.withUnsafeBufferPointer { onlyLineBreaks(in: $0, from: position) }
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
        var scanner = CSVScanner(position: position, line: line)
        defer {
            position = scanner.position
            line = scanner.line
        }
        try bytes.withUnsafeBufferPointer { (buffer) throws(E) in
            var remaining = limit
            while remaining > 0, !onlyLineBreaks(in: buffer, from: scanner.position) {
                let start = scanner.line
                let issue = scanner.scanRecord(in: buffer, into: &spans)
                try body(CSVRow(line: start, issue: issue, buffer: buffer, spans: spans))
                remaining -= 1
            }
        }
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

/// The record-splitting state machine: a position in the bytes and the physical line there.
struct CSVScanner {
    /// Offset of the next unread byte.
    var position: Int
    /// Physical line (1-based) of `position`.
    var line: Int

    /// Splits one record starting at `position` into `spans` and moves past its line end.
    mutating func scanRecord(
        in buffer: UnsafeBufferPointer<UInt8>, into spans: inout [CSVFieldSpan]
    ) -> CSVSyntaxIssue? {
        spans.removeAll(keepingCapacity: true)
        while true {
            let issue: CSVSyntaxIssue?
            if position < buffer.count && buffer[position] == ASCII.quote {
                issue = scanQuotedField(in: buffer, into: &spans)
            } else {
                issue = scanPlainField(in: buffer, into: &spans)
            }
            if let issue {
                if issue != .unterminatedQuote { skipRestOfLine(in: buffer) }
                return issue
            }
            if !consumeComma(in: buffer) {
                consumeLineEnd(in: buffer)
                return nil
            }
        }
    }

    /// Scans an unquoted field up to a comma, a line end or the end of the file.
    private mutating func scanPlainField(
        in buffer: UnsafeBufferPointer<UInt8>, into spans: inout [CSVFieldSpan]
    ) -> CSVSyntaxIssue? {
        let start = position
        var index = position
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte == ASCII.comma || byte == ASCII.lineFeed { break }
            if byte == ASCII.quote {
                position = index
                return .quoteInUnquotedField(field: spans.count + 1)
            }
            if byte == ASCII.carriageReturn, index + 1 < count, buffer[index + 1] == ASCII.lineFeed {
                break
            }
            index += 1
        }
        spans.append(CSVFieldSpan(start: start, end: index, hasDoubledQuotes: false))
        position = index
        return nil
    }

    /// Scans a quoted field (position at its opening quote), counting embedded line breaks.
    private mutating func scanQuotedField(
        in buffer: UnsafeBufferPointer<UInt8>, into spans: inout [CSVFieldSpan]
    ) -> CSVSyntaxIssue? {
        let start = position + 1
        var index = start
        var doubled = false
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte == ASCII.quote {
                guard index + 1 < count, buffer[index + 1] == ASCII.quote else { break }
                doubled = true
                index += 2
                continue
            }
            if byte == ASCII.lineFeed { line += 1 }
            index += 1
        }
        spans.append(CSVFieldSpan(start: start, end: min(index, count), hasDoubledQuotes: doubled))
        guard index < count else {
            position = count
            return .unterminatedQuote
        }
        position = index + 1
        return atFieldEnd(in: buffer) ? nil : .textAfterClosingQuote(field: spans.count)
    }

    /// True at a comma, a line end or the end of the file.
    private func atFieldEnd(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < buffer.count else { return true }
        let byte = buffer[position]
        if byte == ASCII.comma || byte == ASCII.lineFeed { return true }
        return byte == ASCII.carriageReturn && position + 1 < buffer.count
            && buffer[position + 1] == ASCII.lineFeed
    }

    private mutating func consumeComma(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < buffer.count, buffer[position] == ASCII.comma else { return false }
        position += 1
        return true
    }

    /// Moves past an LF or CRLF at `position` (nothing at the end of the file).
    private mutating func consumeLineEnd(in buffer: UnsafeBufferPointer<UInt8>) {
        guard position < buffer.count else { return }
        if buffer[position] == ASCII.carriageReturn { position += 1 }
        if position < buffer.count, buffer[position] == ASCII.lineFeed {
            position += 1
            line += 1
        }
    }

    /// Recovery after a syntax issue: resume at the next physical line.
    private mutating func skipRestOfLine(in buffer: UnsafeBufferPointer<UInt8>) {
        while position < buffer.count, buffer[position] != ASCII.lineFeed { position += 1 }
        if position < buffer.count {
            position += 1
            line += 1
        }
    }
}
