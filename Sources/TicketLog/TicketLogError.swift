import ServiceRules

/// Why a whole input file is refused (the CLI maps these to exit code 2).
///
/// Problems with single rows are not errors: they are `RowRejection`s in the ingest result.
public enum TicketLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// The file has no header row (nothing, or only a byte-order mark and line breaks).
    case emptyFile(path: String)
    /// The file is not a CSV file of the expected kind.
    case notCSV(path: String, reason: NotCSVReason)
    /// Required columns are absent from the header (in contract order).
    case missingColumns(path: String, columns: [String])
    /// A known column appears more than once in the header, so its values would be ambiguous.
    case duplicateColumn(path: String, column: String)

    /// Why a file is not taken for CSV.
    public enum NotCSVReason: Hashable, Sendable {
        /// A NUL byte (binary data) on this physical line.
        case binaryContent(line: Int)
        /// The header names none of the expected columns; the header as read.
        case noExpectedColumns(header: [String])
        /// The header itself is syntactically broken.
        case malformedHeader(CSVSyntaxIssue)
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .cannotRead(let path, _), .emptyFile(let path), .notCSV(let path, _),
            .missingColumns(let path, _), .duplicateColumn(let path, _):
            return path
        }
    }

    /// A one-line message for users.
    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "\(path): cannot read the file: \(reason)"
        case .emptyFile(let path): return "\(path): the file is empty (a header row is required)"
        case .notCSV(let path, let reason): return "\(path): not a CSV file of the expected kind: \(reason.message)"
        case .missingColumns(let path, let columns):
            let list = columns.joined(separator: ", ")
            return "\(path): line 1: required column\(columns.count == 1 ? "" : "s") missing from the header: \(list)"
        case .duplicateColumn(let path, let column):
            return "\(path): line 1: column '\(column.escapingControlCharacters)' appears more than once in the header"
        }
    }
}

extension TicketLogError.NotCSVReason {
    var message: String {
        switch self {
        case .binaryContent(let line): return "binary content (NUL byte) on line \(line)"
        case .noExpectedColumns(let header):
            return "the header names none of the expected columns (found: \(header.prefix(8).joined(separator: ",").escapingControlCharacters))"
        case .malformedHeader(let issue): return "the header row is malformed (\(issue.message))"
        }
    }
}

extension CSVSyntaxIssue {
    /// A short phrase for messages.
    public var message: String {
        switch self {
        case .unterminatedQuote: return "a quoted field is never closed"
        case .quoteInUnquotedField(let field): return "a quote inside unquoted field \(field)"
        case .textAfterClosingQuote(let field): return "text after the closing quote of field \(field)"
        }
    }
}
