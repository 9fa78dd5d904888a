import ServiceRules

/// Reads a ticket log CSV (`tickets.csv`) into `TicketRecord`s.
///
/// Columns, found by header name in any order: `ticket_id,circuit_id,fault_start,reported_at,
/// dispatched_at,accepted_at,repaired_at,confirmed_at,outage` (required) and
/// `report_sent_at,excluded,feedback_at,suspended,replication` (optional); other columns are
/// ignored with a notice. `replication` is what `faultline run --export-tickets` writes: a log is
/// one replication, so a row of another replication than the first row's is rejected.
/// `suspended` lists the intervals the SLA clock stopped for a customer-caused delay,
/// `START/END` separated by `;` (e.g. `2026-03-01T10:00/2026-03-01T12:30;2026-03-02T09:00/2026-03-02T10:00`);
/// an interval that does not end after it starts, overlaps another or lies outside
/// `[reported_at, repaired_at]` rejects the row.
/// `feedback_at` (first feedback to the customer) may be empty; when present it must not be
/// before `reported_at`.
///
/// A row is rejected (never guessed) when: a field is malformed, `fault_start` or `reported_at`
/// is empty, `repaired_at` is empty (not closed) while the end of the log ``openAsOf`` is
/// unknown, the ticket id was used on an earlier row, the circuit is not in the accepted
/// inventory, the rule catalogue's shared `validate` refuses the ticket (checkpoints going
/// backwards), or `fault_start` is outside the circuit's service (before its inventory `start`,
/// or at or after its `end`). `excluded` holds a reason; empty, `false`, `no` or `0` mean not
/// excluded.
public struct TicketLogReader: Sendable {
    /// The accepted inventory: circuit ids by position and their service periods.
    let circuits: CircuitIndex
    /// Ids of the circuits tickets may refer to (the accepted inventory).
    public var circuitIDs: Set<String> { Set(circuits.ids) }
    /// For circuits rejected in the inventory: the line they were rejected on.
    public let rejectedCircuitLines: [String: Int]
    /// For circuits with an inventory `start` or `end`: when they are in service.
    public var servicePeriods: [String: ServicePeriod] {
        var periods: [String: ServicePeriod] = [:]
        for (id, period) in zip(circuits.ids, circuits.periods) { periods[id] = period }
        return periods
    }
    /// The rules in force: their `validate` judges each ticket's checkpoints.
    public let catalogue: RuleCatalogue
    /// Parser for the checkpoints, converting explicit offsets to the calendar's zone.
    public let timestamps: TimestampParser
    /// The end of the log, when known (e.g. the end of a dated inventory): a row with an empty
    /// `repaired_at` is then a ticket still open at that instant, judged as of it
    /// (`TicketRecord.openAsOf`). Nil: such a row is rejected as not closed.
    public var openAsOf: WallTime?

    /// A reader for tickets on `circuitIDs`; `rejectedCircuitLines` sharpens the message for
    /// tickets on circuits whose inventory row was rejected.
    public init(
        circuitIDs: Set<String>, rejectedCircuitLines: [String: Int] = [:],
        servicePeriods: [String: ServicePeriod] = [:], catalogue: RuleCatalogue = .builtIn,
        zone: UTCOffset = .shanghai
    ) {
        let ids = Array(circuitIDs)
        self.init(circuits: CircuitIndex(ids: ids, periods: ids.map { servicePeriods[$0] }),
                  rejectedCircuitLines: rejectedCircuitLines, catalogue: catalogue, zone: zone)
    }

    /// A reader for tickets on the circuits `inventory` accepted.
    public init(inventory: IngestResult<Circuit>, catalogue: RuleCatalogue = .builtIn, zone: UTCOffset = .shanghai) {
        self.init(circuits: CircuitIndex(circuits: inventory.records), rejectedCircuitLines: inventory.rejectedIDs,
                  catalogue: catalogue, zone: zone)
    }

    private init(circuits: CircuitIndex, rejectedCircuitLines: [String: Int], catalogue: RuleCatalogue, zone: UTCOffset) {
        self.circuits = circuits
        self.rejectedCircuitLines = rejectedCircuitLines
        self.catalogue = catalogue
        self.timestamps = TimestampParser(zone: zone)
    }

    /// Reads the ticket log at `path`.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(path: String) throws(TicketLogError) -> IngestResult<TicketRecord> {
        try read(bytes: SourceFile.load(path: path), path: path)
    }

    /// Reads ticket CSV `bytes`; `path` names them in messages.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(bytes: [UInt8], path: String) throws(TicketLogError) -> IngestResult<TicketRecord> {
        var ingest = RowIngest(decoder: TicketRowDecoder(reader: self), path: path)
        return try ingest.run(bytes: bytes)
    }
}

/// When a circuit is in service, from its inventory `start` (inclusive) and `end` (exclusive);
/// nil means open on that side.
public struct ServicePeriod: Hashable, Sendable {
    /// First instant in service.
    public var start: WallTime?
    /// First instant no longer in service.
    public var end: WallTime?

    /// A period from `start` (inclusive) to `end` (exclusive).
    public init(start: WallTime?, end: WallTime?) {
        self.start = start
        self.end = end
    }

    /// True when `instant` is in service.
    public func contains(_ instant: WallTime) -> Bool {
        if let start, instant < start { return false }
        if let end, instant >= end { return false }
        return true
    }
}

/// Column positions of a ticket file, resolved once from the header.
struct TicketColumns {
    var ticketID = 0, circuitID = 0, faultStart = 0, reportedAt = 0, dispatchedAt = 0
    var acceptedAt = 0, repairedAt = 0, confirmedAt = 0, outage = 0
    var reportSentAt: Int?, excluded: Int?, feedbackAt: Int?, suspended: Int?, replication: Int?

    init() {}

    init(_ layout: ColumnLayout) {
        ticketID = layout.required("ticket_id")
        circuitID = layout.required("circuit_id")
        faultStart = layout.required("fault_start")
        reportedAt = layout.required("reported_at")
        dispatchedAt = layout.required("dispatched_at")
        acceptedAt = layout.required("accepted_at")
        repairedAt = layout.required("repaired_at")
        confirmedAt = layout.required("confirmed_at")
        outage = layout.required("outage")
        reportSentAt = layout.optional("report_sent_at")
        excluded = layout.optional("excluded")
        feedbackAt = layout.optional("feedback_at")
        suspended = layout.optional("suspended")
        replication = layout.optional("replication")
    }
}

/// Decodes one ticket row; remembers the first line of every ticket id.
struct TicketRowDecoder: RowDecoder {
    static let schema = ColumnSchema(
        required: ["ticket_id", "circuit_id", "fault_start", "reported_at", "dispatched_at",
                   "accepted_at", "repaired_at", "confirmed_at", "outage"],
        optional: ["report_sent_at", "excluded", "feedback_at", "suspended", "replication"])

    let reader: TicketLogReader
    var currentID: String?
    private var columns = TicketColumns()
    private var firstLines: [String: Int] = [:]
    /// The first row's `replication`, when the file has the column.
    private var firstReplication: (value: String, line: Int)?

    init(reader: TicketLogReader) { self.reader = reader }

    mutating func bind(to layout: ColumnLayout, expectedRows: Int) {
        columns = TicketColumns(layout)
        firstLines.reserveCapacity(expectedRows)
    }

    mutating func decode(_ row: CSVRow) throws(RejectionReason) -> TicketRecord {
        let id = try row.text(columns.ticketID, "ticket_id")
        currentID = id
        try checkReplication(row)
        if let first = firstLines.updateValue(row.line, forKey: id) {
            firstLines[id] = first
            throw .duplicateTicketID(id: id, firstLine: first)
        }
        let circuit = try row.text(columns.circuitID, "circuit_id")
        let position = try checkKnown(circuit)
        var ticket = try record(row, id: id, circuit: circuit)
        ticket.feedbackAt = try instant(row, columns.feedbackAt, .feedbackAt)
        ticket.suspended = try suspensions(row)
        if let rejection = reader.catalogue.validate(ticket) { throw .refusedByRules(rejection) }
        try checkInService(ticket, period: reader.circuits.periods[position])
        return ticket
    }

    /// Every row of the first row's replication: tickets of several replications share ids
    /// and circuits, so judging them together would mean nothing.
    private mutating func checkReplication(_ row: CSVRow) throws(RejectionReason) {
        guard let column = columns.replication else { return }
        let value = try row.text(column, "replication")
        guard let first = firstReplication else {
            firstReplication = (value, row.line)
            return
        }
        guard value == first.value else { throw .otherReplication(found: value, first: first.value, firstLine: first.line) }
    }

    /// A fault before the circuit existed, or after it ended, would be judged for restoration
    /// but vanish from availability: the row is rejected instead.
    private func checkInService(_ ticket: TicketRecord, period: ServicePeriod?) throws(RejectionReason) {
        guard let period, !period.contains(ticket.faultStart) else { return }
        throw .outsideServicePeriod(circuit: ticket.circuitID, faultStart: ticket.faultStart, start: period.start, end: period.end)
    }

    /// The circuit's position in the accepted inventory.
    private func checkKnown(_ circuit: String) throws(RejectionReason) -> Int {
        if let position = reader.circuits.position(of: circuit) { return position }
        if let line = reader.rejectedCircuitLines[circuit] { throw .circuitRejected(id: circuit, inventoryLine: line) }
        throw .unknownCircuit(id: circuit)
    }

    /// The checkpoints in chain order, then the flags.
    private func record(_ row: CSVRow, id: String, circuit: String) throws(RejectionReason) -> TicketRecord {
        let faultStart = try closing(row, columns.faultStart, .faultStart)
        let reportedAt = try closing(row, columns.reportedAt, .reportedAt)
        let dispatchedAt = try instant(row, columns.dispatchedAt, .dispatchedAt)
        let acceptedAt = try instant(row, columns.acceptedAt, .acceptedAt)
        let repairedAt = try instant(row, columns.repairedAt, .repairedAt)
        let confirmedAt = try instant(row, columns.confirmedAt, .confirmedAt)
        let reportSentAt = try instant(row, columns.reportSentAt, .reportSentAt)
        guard let outage = try row.flag(columns.outage, "outage") else { throw .emptyField(field: "outage") }
        guard let repairedAt else {
            guard let asOf = reader.openAsOf, confirmedAt == nil, reportSentAt == nil else {
                throw .refusedByRules(.notClosed(missing: .repairedAt))
            }
            return TicketRecord(
                ticketID: id, circuitID: circuit, faultStart: faultStart, reportedAt: reportedAt,
                dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, openAsOf: asOf, outage: outage,
                excluded: try exclusion(row))
        }
        return TicketRecord(
            ticketID: id, circuitID: circuit, faultStart: faultStart, reportedAt: reportedAt,
            dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, repairedAt: repairedAt,
            confirmedAt: confirmedAt, reportSentAt: reportSentAt, outage: outage,
            excluded: try exclusion(row))
    }

    private func instant(_ row: CSVRow, _ column: Int?, _ checkpoint: Checkpoint) throws(RejectionReason) -> WallTime? {
        try row.instant(column, checkpoint.column, parser: reader.timestamps)
    }

    /// A checkpoint every closed ticket has: empty → not closed.
    private func closing(_ row: CSVRow, _ column: Int, _ checkpoint: Checkpoint) throws(RejectionReason) -> WallTime {
        guard let value = try instant(row, column, checkpoint) else { throw .refusedByRules(.notClosed(missing: checkpoint)) }
        return value
    }

    /// The `suspended` intervals, `START/END` separated by `;`; none when the field is empty.
    private func suspensions(_ row: CSVRow) throws(RejectionReason) -> [Range<WallTime>] {
        guard let text = try row.optionalText(columns.suspended, "suspended") else { return [] }
        var intervals: [Range<WallTime>] = []
        for part in text.split(separator: ";") where !CatalogueNames.trimmed(String(part)).isEmpty {
            let ends = part.split(separator: "/", omittingEmptySubsequences: false).map { CatalogueNames.trimmed(String($0)) }
            guard ends.count == 2 else { throw .badSuspension(text: String(part)) }
            let start = try suspensionInstant(ends[0]), end = try suspensionInstant(ends[1])
            guard start < end else { throw .refusedByRules(.emptySuspension(start: start, end: end)) }
            intervals.append(start..<end)
        }
        return intervals
    }

    private func suspensionInstant(_ text: String) throws(RejectionReason) -> WallTime {
        do {
            return try reader.timestamps.parse(text)
        } catch {
            throw .badTimestamp(field: "suspended", text: text, problem: error)
        }
    }

    /// The exclusion reason; empty, false, no and 0 mean "not excluded".
    private func exclusion(_ row: CSVRow) throws(RejectionReason) -> String? {
        guard let column = columns.excluded, !row[column].isEmpty else { return nil }
        if BooleanWords.value(of: row[column].bytes) == false { return nil }
        return try row.optionalText(column, "excluded")
    }
}
