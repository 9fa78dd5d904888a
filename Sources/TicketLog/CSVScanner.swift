/// The record-splitting state machine: a position in the bytes and the physical line there.
struct CSVScanner {
    /// Offset of the next unread byte.
    var position: Int
    /// Physical line (1-based) of `position`.
    var line: Int
    /// The byte that ends a line: LF (also ending CRLF), or CR in a file that has no LF at all
    /// (classic Mac line ends, Excel's "CSV (Macintosh)").
    let lineEnd: UInt8
    /// Where in the spans the record being split starts (fields are numbered from it).
    private var recordStart = 0

    init(position: Int, line: Int, lineEnd: UInt8) {
        self.position = position
        self.line = line
        self.lineEnd = lineEnd
    }

    /// Splits one record starting at `position`, appending its fields to `spans` (after the
    /// records already there), and moves past its line end.
    mutating func scanRecord(
        in buffer: UnsafeBufferPointer<UInt8>, into spans: inout [CSVFieldSpan]
    ) -> CSVSyntaxIssue? {
        recordStart = spans.count
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
        var index = Self.skipPlainBytes(in: buffer, from: position)
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte == ASCII.comma || byte == lineEnd { break }
            if byte == ASCII.quote {
                position = index
                return .quoteInUnquotedField(field: spans.count - recordStart + 1)
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

    /// The first offset from `start` whose 8-byte word may hold a comma, quote, CR or LF: the
    /// words before it hold none, so the byte loop would pass them by (SWAR: a word's bytes
    /// compared with each special byte at once).
    private static func skipPlainBytes(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress else { return start }
        var index = start
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if holds(word, ASCII.comma) || holds(word, ASCII.quote) || holds(word, ASCII.lineFeed)
                || holds(word, ASCII.carriageReturn) { break }
            index += 8
        }
        return index
    }

    /// True when a byte of `word` is `byte` (exact: the has-zero-byte test on `word ^ byte…`).
    @inline(__always)
    private static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let value = word ^ (ones &* UInt64(byte))
        return (value &- ones) & ~value & (ones &* 0x80) != 0
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
            if byte == lineEnd { line += 1 }
            index += 1
        }
        spans.append(CSVFieldSpan(start: start, end: min(index, count), hasDoubledQuotes: doubled))
        guard index < count else {
            position = count
            return .unterminatedQuote
        }
        position = index + 1
        return atFieldEnd(in: buffer) ? nil : .textAfterClosingQuote(field: spans.count - recordStart)
    }

    /// True at a comma, a line end or the end of the file.
    private func atFieldEnd(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < buffer.count else { return true }
        let byte = buffer[position]
        if byte == ASCII.comma || byte == lineEnd { return true }
        return byte == ASCII.carriageReturn && position + 1 < buffer.count
            && buffer[position + 1] == ASCII.lineFeed
    }

    private mutating func consumeComma(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < buffer.count, buffer[position] == ASCII.comma else { return false }
        position += 1
        return true
    }

    /// Moves past an LF, CRLF or (in a CR-only file) CR at `position` (nothing at the end of the file).
    private mutating func consumeLineEnd(in buffer: UnsafeBufferPointer<UInt8>) {
        guard position < buffer.count else { return }
        if buffer[position] == ASCII.carriageReturn {
            position += 1
            if lineEnd == ASCII.carriageReturn {
                line += 1
                return
            }
        }
        if position < buffer.count, buffer[position] == ASCII.lineFeed {
            position += 1
            line += 1
        }
    }

    /// Recovery after a syntax issue: resume at the next physical line.
    private mutating func skipRestOfLine(in buffer: UnsafeBufferPointer<UInt8>) {
        while position < buffer.count, buffer[position] != lineEnd { position += 1 }
        if position < buffer.count {
            position += 1
            line += 1
        }
    }
}
