import ServiceRules

/// A data row that was read but not accepted, with where it is and why.
public struct RowRejection: Hashable, Sendable, CustomStringConvertible {
    /// The file the row is in.
    public let path: String
    /// The physical line on which the row starts (the header is line 1).
    public let line: Int
    /// Why the row was rejected (the first problem found).
    public let reason: RejectionReason

    /// A rejection of the row starting on `line` of `path`.
    public init(path: String, line: Int, reason: RejectionReason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path:line: reason`, for users.
    public var description: String { "\(path):\(line): \(reason)" }
}

/// Why a data row is rejected. Field names are the CSV column names (`fault_start`, ...).
/// Indirect, so that it takes a word in the drafts of accepted rows (a million a file), not the
/// size of its largest case.
public indirect enum RejectionReason: Error, Hashable, Sendable, CustomStringConvertible {
    /// The row has a different number of fields than the header.
    case wrongFieldCount(expected: Int, found: Int)
    /// An empty line inside the file.
    case blankLine
    /// The row's quoting is broken (RFC 4180).
    case malformedQuoting(CSVSyntaxIssue)
    /// A field that must have a value is empty (ids, product, grade, fee, outage).
    case emptyField(field: String)
    /// A field's bytes are not valid UTF-8.
    case invalidText(field: String)
    /// A timestamp that does not parse or names an impossible date or time.
    case badTimestamp(field: String, text: String, problem: TimestampProblem)
    /// A number that does not parse or is negative / not finite.
    case badNumber(field: String, text: String)
    /// A boolean other than true/false/1/0/yes/no (any case).
    case badBoolean(field: String, text: String)
    /// A tier, customer grade or product the catalogue in force does not know (white space
    /// around it and letter case already ignored); `suggestion` is the closest known name.
    case unknownName(field: String, text: String, suggestion: String?, known: [String])
    /// A circuit id already used on an earlier row (`firstLine`).
    case duplicateCircuitID(id: String, firstLine: Int)
    /// A ticket id already used on an earlier row (`firstLine`).
    case duplicateTicketID(id: String, firstLine: Int)
    /// A `replication` other than the first row's (line `firstLine`): a log is one replication.
    case otherReplication(found: String, first: String, firstLine: Int)
    /// A ticket on a circuit that is not in the accepted inventory.
    case unknownCircuit(id: String)
    /// A ticket on a circuit whose own inventory row was rejected (`inventoryLine`).
    case circuitRejected(id: String, inventoryLine: Int)
    /// A ticket the rule catalogue refuses, as its shared `validate` says: checkpoints out of
    /// order (fields and instants named), a ticket not closed (`fault_start`, `reported_at` or
    /// `repaired_at` empty) or an empty suspension. (An inventory row naming a tier or product
    /// the catalogue does not know is rejected as an unknown name, with a hint.)
    case refusedByRules(TicketRejection)
    /// An inventory row whose `end` is not after its `start`.
    case endNotAfterStart
    /// A `suspended` item that is not `START/END`.
    case badSuspension(text: String)
    /// A ticket whose `fault_start` is before its circuit's `start` or at/after its `end`.
    case outsideServicePeriod(circuit: String, faultStart: WallTime, start: WallTime?, end: WallTime?)

    /// A one-line explanation for users; the user's own text is echoed with control characters
    /// escaped (`escapingControlCharacters`).
    public var description: String {
        switch self {
        case .wrongFieldCount(let expected, let found): return "expected \(expected) fields, found \(found)"
        case .blankLine: return "empty line"
        case .malformedQuoting(let issue): return "malformed quoting: \(issue.message)"
        case .emptyField(let field): return "\(field) is empty"
        case .invalidText(let field): return "\(field) is not valid UTF-8 text"
        case .badTimestamp(let field, let text, let problem):
            return "\(field): bad timestamp '\(echo(text))' (\(problem.message))"
        case .badNumber(let field, let text): return "\(field): bad number '\(echo(text))' (a non-negative decimal like 1200.50)"
        case .badBoolean(let field, let text): return "\(field): bad boolean '\(echo(text))' (true/false, 1/0, yes/no)"
        case .unknownName(let field, let text, let suggestion, let known):
            return "unknown \(field) '\(echo(text))'" + Self.hint(suggestion, known)
        case .duplicateCircuitID(let id, let line): return "duplicate circuit_id '\(echo(id))' (first on line \(line))"
        case .duplicateTicketID(let id, let line): return "duplicate ticket_id '\(echo(id))' (first on line \(line))"
        case .otherReplication(let found, let first, let line):
            return "replication '\(echo(found))' is not the log's replication '\(echo(first))' (line \(line)): "
                + "evaluate judges one replication at a time (run --export-replication N writes one)"
        case .unknownCircuit(let id): return "unknown circuit '\(echo(id))' (not in the inventory)"
        case .circuitRejected(let id, let line): return "circuit '\(echo(id))' was rejected in the inventory (line \(line))"
        case .refusedByRules(let rejection): return rejection.description
        case .endNotAfterStart: return "end is not after start"
        case .badSuspension(let text):
            return "suspended: bad interval '\(echo(text))' (expected START/END, several separated by ';', "
                + "e.g. 2026-03-01T10:00/2026-03-01T12:30)"
        case .outsideServicePeriod(let circuit, let faultStart, let start, let end):
            let span = [start.map { "start \($0.isoString)" }, end.map { "end \($0.isoString)" }].compactMap { $0 }
            return "fault_start \(faultStart.isoString) is outside the service of circuit '\(echo(circuit))' "
                + "(\(span.joined(separator: ", ")) in the inventory)"
        }
    }

    /// " (did you mean 'X'?)", or the known names when there are few, or nothing.
    private static func hint(_ suggestion: String?, _ known: [String]) -> String {
        if let suggestion { return " (did you mean '\(suggestion)'?)" }
        guard !known.isEmpty, known.count <= 12 else { return "" }
        return " (expected one of \(known.joined(separator: ", ")))"
    }
}

/// A user's text, safe to show on a terminal.
private func echo(_ text: String) -> String { text.escapingControlCharacters }

extension TimestampProblem {
    /// A short phrase for messages.
    public var message: String {
        switch self {
        case .malformed: return "expected YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]"
        case .missingTime: return "a time of day is required"
        case .yearOutOfRange(let year): return "year \(year) out of range"
        case .monthOutOfRange(let month): return "month \(month) out of range"
        case .dayOutOfRange(let day, let month, let year):
            return "day \(day) out of range: \(year)-\(month < 10 ? "0" : "")\(month) has \(CivilDate.daysIn(month: month, year: year)) days"
        case .timeOutOfRange: return "time of day out of range"
        case .offsetOutOfRange: return "offset out of range"
        }
    }
}
