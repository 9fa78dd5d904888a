import ServiceRules

/// Decodes one ticket row on its own (any thread): everything but the checks against earlier
/// rows, which ``TicketRowDecoder`` makes in file order.
struct TicketRowDrafter: RowDrafter {
    /// A ticket row as read on its own, the ticket kept compact (``DraftedTicket``).
    struct Draft: RowDraft {
        let id: String
        let idHash: UInt64
        /// The row's `replication`, when the file has the column.
        let replication: Result<String, RejectionReason>?
        /// The ticket; ``DraftedTicket/rejected`` when the row is rejected.
        let ticket: DraftedTicket
        /// Why the row is rejected once its id is read; nil when the ticket stands.
        let rejection: RejectionReason?
        /// The circuit's position (-1 when rejected), read ahead by the admitting thread.
        var ahead: Int32 { ticket.circuit }

        /// The draft of a row: `ticket` decodes the rest, or throws why the row is rejected.
        init(id: String, idHash: UInt64, replication: Result<String, RejectionReason>?,
             ticket: () throws(RejectionReason) -> DraftedTicket) {
            self.id = id
            self.idHash = idHash
            self.replication = replication
            do {
                self.ticket = try ticket()
                rejection = nil
            } catch {
                self.ticket = .rejected
                rejection = error
            }
        }

        /// The ticket's record, its circuit's id `circuitID` (asked for only when the ticket
        /// stands), or why the row is rejected.
        func record(circuitID: @autoclosure () -> String) throws(RejectionReason) -> TicketRecord {
            if let rejection { throw rejection }
            return ticket.record(id: id, circuitID: circuitID())
        }
    }

    let reader: TicketLogReader
    let columns: TicketColumns

    func draft(_ row: CSVRow) throws(RejectionReason) -> Draft {
        let id = try row.text(columns.ticketID, "ticket_id")
        let replication = columns.replication.map { column in
            Result { () throws(RejectionReason) in try row.text(column, "replication") }
        }
        return Draft(id: id, idHash: idHash(row, id: id), replication: replication) { () throws(RejectionReason) in
            try ticket(row, id: id)
        }
    }

    /// The id's hash, from the field's bytes when they spell it (no `""` to collapse).
    private func idHash(_ row: CSVRow, id: String) -> UInt64 {
        let field = row[columns.ticketID]
        return field.hasDoubledQuotes ? IdentifierTable.hash(id) : IdentifierTable.hash(field.bytes)
    }

    /// The circuit, the checkpoints, the rules' validation and the service period, in that order.
    /// The record is left without its circuit's id: the position stands for it until the
    /// ticket is admitted.
    private func ticket(_ row: CSVRow, id: String) throws(RejectionReason) -> DraftedTicket {
        let position = try knownCircuit(row)
        var ticket = try record(row, id: id)
        ticket.feedbackAt = try instant(row, columns.feedbackAt, .feedbackAt)
        ticket.suspended = try suspensions(row)
        if let rejection = reader.catalogue.validate(ticket) { throw .refusedByRules(rejection) }
        try checkInService(ticket, position: position)
        return DraftedTicket(ticket, circuit: Int32(position))
    }

    /// A fault before the circuit existed, or after it ended, would be judged for restoration
    /// but vanish from availability: the row is rejected instead.
    private func checkInService(_ ticket: TicketRecord, position: Int) throws(RejectionReason) {
        guard let period = reader.circuits.period(at: position), !period.contains(ticket.faultStart) else { return }
        throw .outsideServicePeriod(circuit: reader.circuits.id(at: position), faultStart: ticket.faultStart,
                                    start: period.start, end: period.end)
    }

    /// Reads ahead the inventory slots and ids the rows' circuits will be looked up in.
    func warm(_ rows: [CSVRow]) -> UInt32 {
        let column = columns.circuitID
        return reader.circuits.warm(rows.compactMap { column < $0.count ? $0[column].bytes : nil })
    }

    /// The circuit's position in the accepted inventory. A known id is found from the field's
    /// bytes, so no string is built per row.
    private func knownCircuit(_ row: CSVRow) throws(RejectionReason) -> Int {
        let field = row[columns.circuitID]
        if !field.hasDoubledQuotes, !field.isEmpty, let position = reader.circuits.position(of: field.bytes) {
            return position
        }
        return try checkKnown(try row.text(columns.circuitID, "circuit_id"))
    }

    /// The circuit's position in the accepted inventory.
    private func checkKnown(_ circuit: String) throws(RejectionReason) -> Int {
        if let position = reader.circuits.position(of: circuit) { return position }
        if let line = reader.rejectedCircuitLines[circuit] { throw .circuitRejected(id: circuit, inventoryLine: line) }
        throw .unknownCircuit(id: circuit)
    }

    /// The checkpoints in chain order, then the flags (the circuit's id left empty).
    private func record(_ row: CSVRow, id: String) throws(RejectionReason) -> TicketRecord {
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
                ticketID: id, circuitID: "", faultStart: faultStart, reportedAt: reportedAt,
                dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, openAsOf: asOf, outage: outage,
                excluded: try exclusion(row))
        }
        return TicketRecord(
            ticketID: id, circuitID: "", faultStart: faultStart, reportedAt: reportedAt,
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

/// A drafted ticket with its circuit's position in the accepted inventory: a `TicketRecord`
/// without its ids, its optional checkpoints as plain seconds (``absent`` for none) and its
/// rarely set parts out of line, rebuilt into the same record when admitted. Half the bytes of
/// the record: drafts are moved a few times between the drafting and the admitting thread.
struct DraftedTicket: Sendable {
    private var faultStart, reportedAt, repairedAt: Int64
    private var dispatchedAt, acceptedAt, confirmedAt, reportSentAt, feedbackAt: Int64
    /// The exclusion and suspensions; nil when the ticket has neither.
    private var rare: RareParts?
    /// The circuit's position; -1 in ``rejected``.
    private(set) var circuit: Int32
    private var outage: Bool
    /// True for a ticket still open when the log ends (`repairedAt` is then that instant).
    private var isOpen: Bool

    /// What few tickets have, kept out of line.
    private final class RareParts: Sendable {
        let excluded: String?
        let suspended: [Range<WallTime>]

        init(excluded: String?, suspended: [Range<WallTime>]) {
            self.excluded = excluded
            self.suspended = suspended
        }
    }

    /// Seconds standing for an absent checkpoint (no timestamp reaches it).
    private static let absent = Int64.min

    /// `record` (its ids left out) and the position of its circuit.
    init(_ record: TicketRecord, circuit: Int32) {
        faultStart = record.faultStart.seconds
        reportedAt = record.reportedAt.seconds
        repairedAt = record.repairedAt.seconds
        dispatchedAt = record.dispatchedAt?.seconds ?? Self.absent
        acceptedAt = record.acceptedAt?.seconds ?? Self.absent
        confirmedAt = record.confirmedAt?.seconds ?? Self.absent
        reportSentAt = record.reportSentAt?.seconds ?? Self.absent
        feedbackAt = record.feedbackAt?.seconds ?? Self.absent
        let isPlain = record.excluded == nil && record.suspended.isEmpty
        rare = isPlain ? nil : RareParts(excluded: record.excluded, suspended: record.suspended)
        self.circuit = circuit
        outage = record.outage
        isOpen = record.openAsOf != nil
    }

    /// What a draft holds when its row is rejected.
    static let rejected = DraftedTicket(
        TicketRecord(ticketID: "", circuitID: "", faultStart: WallTime(seconds: 0), reportedAt: WallTime(seconds: 0),
                     dispatchedAt: nil, acceptedAt: nil, repairedAt: WallTime(seconds: 0), confirmedAt: nil, outage: false),
        circuit: -1)

    /// The record this ticket was drafted from, its ids `id` and `circuitID`.
    func record(id: String, circuitID: String) -> TicketRecord {
        let excluded = rare?.excluded, suspended = rare?.suspended ?? []
        var record = if isOpen {
            TicketRecord(ticketID: id, circuitID: circuitID, faultStart: WallTime(seconds: faultStart),
                         reportedAt: WallTime(seconds: reportedAt), dispatchedAt: Self.instant(dispatchedAt),
                         acceptedAt: Self.instant(acceptedAt), openAsOf: WallTime(seconds: repairedAt), outage: outage,
                         excluded: excluded, suspended: suspended)
        } else {
            TicketRecord(ticketID: id, circuitID: circuitID, faultStart: WallTime(seconds: faultStart),
                         reportedAt: WallTime(seconds: reportedAt), dispatchedAt: Self.instant(dispatchedAt),
                         acceptedAt: Self.instant(acceptedAt), repairedAt: WallTime(seconds: repairedAt),
                         confirmedAt: Self.instant(confirmedAt), reportSentAt: Self.instant(reportSentAt),
                         outage: outage, excluded: excluded, suspended: suspended)
        }
        record.feedbackAt = Self.instant(feedbackAt)
        return record
    }

    private static func instant(_ seconds: Int64) -> WallTime? {
        seconds == absent ? nil : WallTime(seconds: seconds)
    }
}
