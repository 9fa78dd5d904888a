/// Why a record could not be split cleanly into fields (RFC 4180 syntax).
///
/// The reader does not refuse the file for these: the record is handed on with its issue so
/// that its row is rejected with the line number, and reading resumes on the next line.
public enum CSVSyntaxIssue: Sendable, Hashable {
    /// A quoted field is never closed: the record runs to the end of the file.
    case unterminatedQuote
    /// A `"` inside a field that does not start with `"` (1-based field number).
    case quoteInUnquotedField(field: Int)
    /// Characters between a closing `"` and the next comma or line end (1-based field number).
    case textAfterClosingQuote(field: Int)
}

/// Where one field's content lies in the file's bytes (quotes excluded).
struct CSVFieldSpan: Sendable, Hashable {
    /// Offset of the first content byte.
    var start: Int
    /// Offset one past the last content byte.
    var end: Int
    /// True when the content holds `""` pairs that stand for one `"` each.
    var hasDoubledQuotes: Bool
}

/// One record of a CSV file, valid only inside the closure that received it.
///
/// The fields are views into the file's bytes: nothing is copied until a caller asks for a
/// `String`, so timestamps and numbers can be parsed straight from the bytes.
public struct CSVRow {
    /// The physical line (1-based, header = 1) on which the record starts.
    public let line: Int
    /// Set when the record is syntactically broken; its fields are then incomplete.
    public let issue: CSVSyntaxIssue?
    let buffer: UnsafeBufferPointer<UInt8>
    /// The fields' spans, in a buffer the reader reuses (a row is no owner of it: copying a
    /// row costs no reference count).
    let spans: UnsafeBufferPointer<CSVFieldSpan>

    /// Number of fields in the record.
    public var count: Int { spans.count }

    /// True when the record is an empty line (one empty, unquoted field).
    public var isBlankLine: Bool {
        spans.count == 1 && spans[0].start == spans[0].end && issue == nil
    }

    /// The field at `index` (0-based).
    public subscript(index: Int) -> CSVFieldView {
        let span = spans[index]
        let slice = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
        return CSVFieldView(bytes: slice, hasDoubledQuotes: span.hasDoubledQuotes)
    }
}

/// A field's content as bytes, valid only while its `CSVRow` is.
public struct CSVFieldView {
    /// The raw content bytes (surrounding quotes removed, doubled quotes not yet collapsed).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// True when `bytes` holds `""` pairs that stand for one `"` each.
    public let hasDoubledQuotes: Bool

    /// True when the field is empty (`` or `""`).
    public var isEmpty: Bool { bytes.isEmpty }

    /// The unescaped content, decoded as UTF-8 (invalid sequences repaired with U+FFFD).
    /// Use for messages; use `validatedString` for data.
    public var string: String {
        String(decoding: unescapedBytes, as: UTF8.self)
    }

    /// The unescaped content when it is valid UTF-8, else nil.
    public var validatedString: String? {
        if hasDoubledQuotes { return String(validating: unescapedBytes, as: UTF8.self) }
        // Ids are almost always ASCII: nothing to repair, so take the fast decoding path.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The content with each `""` collapsed to `"`.
    public var unescapedBytes: [UInt8] {
        guard hasDoubledQuotes else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            out.append(bytes[index])
            index += bytes[index] == ASCII.quote ? 2 : 1
        }
        return out
    }
}

/// Byte values the readers look for.
enum ASCII {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
}
