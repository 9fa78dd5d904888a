/// Builds an RFC 4180 CSV file in memory: a header, then rows of the same width.
///
/// A field is quoted when it holds a comma, a quote, CR or LF (or leading/trailing spaces, so
/// they survive tools that trim); quotes inside are doubled. Lines end with LF by default
/// (`CSVReader` and common tools accept both), CRLF on request.
public struct CSVWriter: Sendable {
    /// How records end.
    public enum LineEnding: Sendable {
        /// `\n`.
        case lf
        /// `\r\n`, as RFC 4180 writes it.
        case crlf
    }

    /// The file so far.
    public private(set) var bytes: [UInt8] = []
    /// The number of fields every row must have.
    public let width: Int
    private let lineEnding: LineEnding
    private var rows = 0

    /// A file that starts with `header`.
    public init(header: [String], lineEnding: LineEnding = .lf) {
        self.width = header.count
        self.lineEnding = lineEnding
        append(fields: header)
    }

    /// Appends one data row.
    /// - Throws: `ReportError.csvFieldCount` when the row's width differs from the header's.
    public mutating func append(_ row: [String]) throws(ReportError) {
        rows += 1
        guard row.count == width else { throw .csvFieldCount(row: rows, expected: width, found: row.count) }
        append(fields: row)
    }

    private mutating func append(fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            Self.appendField(field, to: &bytes)
        }
        bytes += lineEnding == .lf ? [0x0A] : [0x0D, 0x0A]
    }

    /// Appends one field, quoted when needed.
    static func appendField(_ field: String, to output: inout [UInt8]) {
        guard needsQuotes(field) else {
            output += field.utf8
            return
        }
        output.append(0x22)
        for byte in field.utf8 {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }

    /// True for fields with a delimiter, quote or line break, or edge spaces.
    static func needsQuotes(_ field: String) -> Bool {
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) { return true }
        return field.utf8.first == 0x20 || field.utf8.last == 0x20
    }
}
