import ServiceRules

/// The outcome of reading one input file: every data row either accepted or rejected.
///
/// Invariant: `rowsRead == recordLines.count + rejections.count`; `records` parallels
/// `recordLines`, or is empty when the reader handed each record on instead of keeping it
/// (``TicketLogReader/read(path:handingOff:)``).
public struct IngestResult<Record: Sendable>: Sendable {
    /// The file read.
    public let path: String
    /// Accepted records, in file order (empty when they were handed on).
    public let records: [Record]
    /// The line on which each accepted record starts (parallel to `records`).
    public let recordLines: [Int]
    /// Rejected rows, in file order.
    public let rejections: [RowRejection]
    /// Things worth telling the user that refuse nothing (e.g. ignored columns).
    public let notices: [IngestNotice]
    /// Data rows seen by the CSV reader (header and trailing empty lines not counted).
    public let rowsRead: Int
    /// For each id that appears on a rejected row: the first line it was rejected on.
    /// Lets a ticket on such a circuit be told apart from one on a circuit never listed.
    public let rejectedIDs: [String: Int]
    /// For a ticket log read against an inventory (``TicketLogReader/init(inventory:catalogue:zone:)``):
    /// the position in the inventory's `records` of each accepted ticket's circuit, parallel to
    /// `records`, so the rule engine need not look the circuits up again; nil otherwise.
    public internal(set) var circuitPositions: [Int32]?
    /// For an inventory read without a rejection: its circuit ids, indexed by position as the
    /// duplicate check admitted them, so that the ticket reader's index is not built (and every
    /// id hashed) again; nil otherwise.
    var admittedIDs: IdentifierTable?

    /// Number of accepted rows.
    public var accepted: Int { recordLines.count }
    /// Number of rejected rows.
    public var rejected: Int { rejections.count }
}

/// Something a reader tells the user without refusing anything.
public enum IngestNotice: Hashable, Sendable, CustomStringConvertible {
    /// Header columns the reader does not know; their values are not read.
    case ignoredColumns([String])

    /// A one-line message for users.
    public var description: String {
        switch self {
        case .ignoredColumns(let names): return "ignored column\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", "))"
        }
    }
}
