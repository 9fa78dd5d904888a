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
        for (position, id) in circuits.ids.enumerated() { periods[id] = circuits.period(at: position) }
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
        self.init(circuits: CircuitIndex(circuits: inventory.records, admittedIDs: inventory.admittedIDs),
                  rejectedCircuitLines: inventory.rejectedIDs,
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
        try read(source: SourceFile.map(path: path), path: path)
    }

    /// Reads ticket CSV `bytes`; `path` names them in messages.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(bytes: [UInt8], path: String) throws(TicketLogError) -> IngestResult<TicketRecord> {
        try read(source: SourceBytes(copying: bytes), path: path)
    }

    /// Reads the ticket log at `path` without keeping the tickets: each accepted one goes to
    /// `handOff` as it is admitted, in file order, with its circuit's position in the
    /// inventory's `records`; the result's `records` is empty (its `recordLines` are kept).
    /// A handed-off ticket's `circuitID` is empty: its circuit is the one at the position given
    /// with it (copying the inventory's id on the drafting threads and releasing it on this one
    /// cost a cache miss a ticket).
    /// Only for a reader made from an inventory (``init(inventory:catalogue:zone:)``).
    /// - Parameter plans: the judgement's circuit plans, read a few rows ahead of each ticket
    ///   handed off, so that their cache misses overlap.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(
        path: String, readingAhead plans: TicketStreamJudgement.PlanLookAhead? = nil,
        handingOff handOff: @escaping (TicketRecord, Int32) -> Void
    ) throws(TicketLogError) -> IngestResult<TicketRecord> {
        precondition(circuits.isInventoryOrder, "TicketLogReader: handing tickets off needs an inventory's positions")
        return try read(source: SourceFile.map(path: path), path: path, handOff: handOff, plans: plans)
    }

    private func read(
        source: SourceBytes, path: String, handOff: ((TicketRecord, Int32) -> Void)? = nil,
        plans: TicketStreamJudgement.PlanLookAhead? = nil
    ) throws(TicketLogError) -> IngestResult<TicketRecord> {
        var decoder = TicketRowDecoder(reader: self)
        decoder.handOff = handOff
        decoder.plans = plans
        var ingest = RowIngest(decoder: decoder, path: path)
        ingest.keepsRecords = handOff == nil
        var result = try ingest.run(source: source)
        if circuits.isInventoryOrder, handOff == nil { result.circuitPositions = ingest.decoder.circuitPositions }
        return result
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
struct TicketColumns: Sendable {
    var ticketID = 0, circuitID = 0, faultStart = 0, reportedAt = 0, dispatchedAt = 0
    var acceptedAt = 0, repairedAt = 0, confirmedAt = 0, outage = 0
    var reportSentAt: Int?, excluded: Int?, feedbackAt: Int?, suspended: Int?, replication: Int?

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

/// Admits ticket rows in file order; remembers the first line of every ticket id and the first
/// row's replication.
struct TicketRowDecoder: RowDecoder {
    static let schema = ColumnSchema(
        required: ["ticket_id", "circuit_id", "fault_start", "reported_at", "dispatched_at",
                   "accepted_at", "repaired_at", "confirmed_at", "outage"],
        optional: ["report_sent_at", "excluded", "feedback_at", "suspended", "replication"])

    let reader: TicketLogReader
    var currentID: String?
    private var firstLines = IdentifierTable()
    /// The inventory position of each accepted ticket's circuit, in file order.
    private(set) var circuitPositions: [Int32] = []
    /// The first row's `replication`, when the file has the column.
    private var firstReplication: (value: String, line: Int)?
    /// Where each accepted ticket goes with its circuit's position, instead of being listed
    /// in `circuitPositions`; nil to list them.
    var handOff: ((TicketRecord, Int32) -> Void)?
    /// The plans of the circuits `handOff` judges, read a few rows ahead of each ticket.
    var plans: TicketStreamJudgement.PlanLookAhead?
    /// What reading the plans ahead read, summed: kept, so that the reads are made.
    private var lookedAhead: Int64 = 0

    init(reader: TicketLogReader) { self.reader = reader }

    mutating func warm(hash: UInt64, ahead: Int32) {
        firstLines.warm(hash: hash)
        // Read in place (optional chaining): binding the plans would copy them, a retain and
        // a release of their array a row.
        if ahead >= 0 { lookedAhead &+= plans?.read(ahead) ?? 0 }
    }

    mutating func bind(to layout: ColumnLayout, expectedRows: Int) -> TicketRowDrafter {
        firstLines = IdentifierTable(expectedCount: expectedRows)
        if handOff == nil { circuitPositions.reserveCapacity(expectedRows) }
        return TicketRowDrafter(reader: reader, columns: TicketColumns(layout))
    }

    /// The checks in the order one row is read: id, replication, duplicate id, then the rest.
    /// Handed off, the ticket's record goes to `handOff` without its circuit's id (its position
    /// stands for it, and the inventory's `String` is not touched: its reference count, written
    /// here and there, was a cache miss a row) and nil is returned.
    mutating func admit(_ draft: consuming TicketRowDrafter.Draft, line: Int) throws(RejectionReason) -> TicketRecord? {
        currentID = draft.id
        if let replication = draft.replication { try checkReplication(try replication.get(), line: line) }
        if let first = firstLines.insert(draft.id, hash: draft.idHash, value: line) {
            throw .duplicateTicketID(id: draft.id, firstLine: first)
        }
        let circuit = draft.ticket.circuit
        if handOff != nil {
            let record = try draft.record(circuitID: "")
            handOff?(record, circuit)
            return nil
        }
        let record = try draft.record(circuitID: reader.circuits.id(at: Int(circuit)))
        circuitPositions.append(circuit)
        return record
    }

    /// Every row of the first row's replication: tickets of several replications share ids
    /// and circuits, so judging them together would mean nothing.
    private mutating func checkReplication(_ value: String, line: Int) throws(RejectionReason) {
        guard let first = firstReplication else {
            firstReplication = (value, line)
            return
        }
        guard value == first.value else { throw .otherReplication(found: value, first: first.value, firstLine: first.line) }
    }
}
