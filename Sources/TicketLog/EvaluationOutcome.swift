import ServiceRules

/// What `faultline evaluate` finds: both files' accounting and the rule engine's evaluation.
///
/// Every data row of both files is either evaluated (an accepted circuit, a judged ticket) or
/// rejected with its file, line and reason: `read == evaluated + rejected.count`, always.
public struct EvaluationOutcome: Sendable {
    /// The inventory as read.
    public let inventory: IngestResult<Circuit>
    /// The ticket log as read.
    public let tickets: IngestResult<TicketRecord>
    /// The rule engine's judgement of the accepted rows.
    public let evaluation: Evaluation
    /// Rejected rows of both files: the inventory's first, then the ticket log's, each by line.
    public let rejected: [RejectedRow]

    /// Data rows read from both files.
    public var read: Int { inventory.rowsRead + tickets.rowsRead }
    /// Accepted circuits plus evaluated tickets.
    public var evaluated: Int { inventory.accepted + judgedTickets }
    /// Tickets evaluated (listed in `evaluation.tickets` unless judged for the summary only).
    public var judgedTickets: Int { evaluation.totals.tickets }

    /// Reads both files with `catalogue` and judges what they accept.
    /// - Throws: `TicketLogError` when a file cannot be read at all.
    public static func judge(
        inventoryPath: String, ticketsPath: String, catalogue: RuleCatalogue, period: PeriodKind
    ) throws(TicketLogError) -> EvaluationOutcome {
        try judge(inventoryPath: inventoryPath, ticketsPath: ticketsPath, rules: RuleVersions(single: catalogue), period: period)
    }

    /// Reads both files with the latest version of `rules` (it knows every tier and product)
    /// and judges what they accept, each ticket and circuit-period by its version.
    /// - Parameter summaryOnly: with rules of one version, judge for the figures only: each
    ///   ticket is judged as it is read and not held, so the evaluation lists no tickets and no
    ///   circuit-periods and `tickets.records` is empty — the same figures (tiers, totals,
    ///   skipped and rejected rows) in a fraction of the memory. Rules with several versions
    ///   are judged as without it.
    /// - Throws: `TicketLogError` when a file cannot be read at all.
    public static func judge(
        inventoryPath: String, ticketsPath: String, rules: RuleVersions, period: PeriodKind, summaryOnly: Bool = false
    ) throws(TicketLogError) -> EvaluationOutcome {
        var inventory = try InventoryReader(catalogue: rules.latest).read(path: inventoryPath)
        let span = inventorySpan(inventory.records)
        let reader = ticketReader(inventory: &inventory, catalogue: rules.latest, openAsOf: span?.upperBound)
        if summaryOnly, let judgement = rules.streamJudgement(circuits: inventory.records, period: period, span: span) {
            let (tickets, judged) = try judgeTickets(ticketsPath, reader: consume reader, judgement: judgement)
            return EvaluationOutcome(inventory: inventory, tickets: tickets, evaluation: rules.summary(of: judged))
        }
        let tickets = try readTickets(ticketsPath, reader: consume reader)
        let evaluation = rules.evaluate(circuits: inventory.records, tickets: tickets.records,
                                        circuitPositions: tickets.circuitPositions, period: period, span: span)
        return EvaluationOutcome(inventory: inventory, tickets: tickets, evaluation: evaluation)
    }

    /// Reads the ticket log and judges each accepted ticket as it is admitted. The reader (its
    /// index of the circuit ids: tens of megabytes for a million circuits) is freed on return,
    /// before the circuit-periods are judged.
    private static func judgeTickets(
        _ path: String, reader: consuming TicketLogReader, judgement: consuming TicketStreamJudgement
    ) throws(TicketLogError) -> (IngestResult<TicketRecord>, TicketStreamJudgement) {
        var judgement = judgement
        var index = 0
        let tickets = try reader.read(path: path, readingAhead: judgement.planLookAhead) { ticket, circuit in
            judgement.count(ticket, index: index, circuitPosition: circuit)
            index += 1
        }
        return (tickets, judgement)
    }

    /// Reads the ticket log; the reader (its index of the circuit ids) is freed on return,
    /// before the tickets are judged.
    private static func readTickets(
        _ path: String, reader: consuming TicketLogReader
    ) throws(TicketLogError) -> IngestResult<TicketRecord> {
        try reader.read(path: path)
    }

    /// A reader of tickets on `inventory`'s accepted circuits. The inventory's index of its ids
    /// moves to the reader (consumed by the reading, so freed before the judgement).
    private static func ticketReader(
        inventory: inout IngestResult<Circuit>, catalogue: RuleCatalogue, openAsOf: WallTime?
    ) -> TicketLogReader {
        var reader = TicketLogReader(inventory: inventory, catalogue: catalogue)
        inventory.admittedIDs = nil
        reader.openAsOf = openAsOf
        return reader
    }

    /// The span to judge when the inventory dates every circuit (as an export of a simulated
    /// run does): from the first `start` to the last `end`, so quiet periods at either edge are
    /// judged too. Nil otherwise: the engine then judges the periods the tickets span.
    public static func inventorySpan(_ circuits: [Circuit]) -> Range<WallTime>? {
        guard !circuits.isEmpty else { return nil }
        var first = WallTime(seconds: .max)
        var last = WallTime(seconds: .min)
        for circuit in circuits {
            guard let start = circuit.start, let end = circuit.end else { return nil }
            first = min(first, start)
            last = max(last, end)
        }
        return first < last ? first..<last : nil
    }

    /// The outcome of judged files; the rejected rows are gathered from both.
    public init(inventory: IngestResult<Circuit>, tickets: IngestResult<TicketRecord>, evaluation: Evaluation) {
        self.inventory = inventory
        self.tickets = tickets
        self.evaluation = evaluation
        rejected = Self.rejectedRows(inventory: inventory, tickets: tickets, skipped: evaluation.skipped)
    }

    /// The readers' rejections, plus any ticket the engine still skipped (on the line it came from).
    private static func rejectedRows(
        inventory: IngestResult<Circuit>, tickets: IngestResult<TicketRecord>, skipped: [SkippedTicket]
    ) -> [RejectedRow] {
        let skippedRows = skipped.map {
            RejectedRow(file: tickets.path, line: tickets.recordLines[$0.index], reason: $0.reason)
        }
        let ticketRows = (tickets.rejections.map(RejectedRow.init) + skippedRows).sorted { $0.line < $1.line }
        return inventory.rejections.map(RejectedRow.init) + ticketRows
    }

    /// The input line of an evaluated ticket.
    public func line(of ticket: TicketEvaluation) -> Int { tickets.recordLines[ticket.index] }
}

/// One rejected data row: where it is and why.
public struct RejectedRow: Hashable, Sendable, Encodable {
    /// The file, as given on the command line.
    public var file: String
    /// The physical line on which the row starts (the header is line 1).
    public var line: Int
    /// Why the row was not evaluated.
    public var reason: String

    /// A reader's rejection.
    public init(_ rejection: RowRejection) {
        self.init(file: rejection.path, line: rejection.line, reason: rejection.reason.description)
    }

    /// A rejected row.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}
