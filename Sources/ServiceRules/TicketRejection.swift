/// A ticket's checkpoint columns, in the order they must occur.
public enum Checkpoint: String, CaseIterable, Hashable, Sendable, Codable {
    case faultStart = "fault_start"
    case reportedAt = "reported_at"
    case dispatchedAt = "dispatched_at"
    case acceptedAt = "accepted_at"
    case repairedAt = "repaired_at"
    case confirmedAt = "confirmed_at"
    case reportSentAt = "report_sent_at"
    /// Off the chain: only `feedback_at ≥ reported_at` is required.
    case feedbackAt = "feedback_at"

    /// The column name in ticket logs.
    public var column: String { rawValue }
}

/// Why a ticket row is not evaluated. Shared by the ticket-log reader and the engine.
public enum TicketRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// An instant goes backwards: `later` (a checkpoint due later) is before `earlier`.
    case outOfOrder(later: Checkpoint, at: WallTime, earlier: Checkpoint, earlierAt: WallTime)
    /// One of `fault_start`, `reported_at`, `repaired_at` is empty: the ticket is not closed.
    case notClosed(missing: Checkpoint)
    /// The circuit id is not in the inventory.
    case unknownCircuit(String)
    /// The circuit names a tier the catalogue does not have.
    case unknownTier(String)
    /// The circuit names a product the catalogue does not have.
    case unknownProduct(String)
    /// The ticket id occurred before in the log.
    case duplicateTicketID(String)
    /// A suspended interval that does not end after it starts.
    case emptySuspension(start: WallTime, end: WallTime)
    /// Two suspended intervals share time.
    case overlappingSuspensions(Range<WallTime>, Range<WallTime>)
    /// A suspended interval outside `[reported_at, repaired_at]`, when the restoration clock runs.
    case suspensionOutsideTicket(Range<WallTime>, reportedAt: WallTime, repairedAt: WallTime)

    /// A message for a person, e.g. "accepted_at 2026-03-02T09:10:00 is before dispatched_at …".
    public var description: String {
        switch self {
        case let .outOfOrder(later, at, earlier, earlierAt):
            return "\(later.column) \(at.isoString) is before \(earlier.column) \(earlierAt.isoString)"
        case .notClosed(let missing):
            return "\(missing.column) is empty: the ticket is not closed"
        case .unknownCircuit(let id):
            return "unknown circuit `\(id.escapingControlCharacters)`"
        case .unknownTier(let key):
            return "unknown tier `\(key.escapingControlCharacters)`"
        case .unknownProduct(let key):
            return "unknown product `\(key.escapingControlCharacters)`"
        case .duplicateTicketID(let id):
            return "duplicate ticket id `\(id.escapingControlCharacters)`"
        case let .emptySuspension(start, end):
            return "suspended interval \(start.isoString)/\(end.isoString) does not end after it starts"
        case let .overlappingSuspensions(first, second):
            return "suspended intervals \(first.intervalText) and \(second.intervalText) overlap"
        case let .suspensionOutsideTicket(interval, reportedAt, repairedAt):
            return "suspended interval \(interval.intervalText) is outside the restoration clock "
                + "(reported_at \(reportedAt.isoString) to repaired_at \(repairedAt.isoString))"
        }
    }
}

extension TicketRecord {
    /// The instants present, in checkpoint order.
    public var checkpoints: [(Checkpoint, WallTime?)] {
        [(.faultStart, faultStart), (.reportedAt, reportedAt), (.dispatchedAt, dispatchedAt),
         (.acceptedAt, acceptedAt), (.repairedAt, repairedAt), (.confirmedAt, confirmedAt),
         (.reportSentAt, reportSentAt)]
    }

    /// The first instant that goes backwards, comparing each present instant of the chain with
    /// the latest present instant before it, then `feedback_at` with `reported_at`; nil when the
    /// row is in order.
    public var orderViolation: TicketRejection? {
        if reportedAt < faultStart {
            return .outOfOrder(later: .reportedAt, at: reportedAt, earlier: .faultStart, earlierAt: faultStart)
        }
        guard !isInOrderFast else { return nil }
        if let feedbackAt, feedbackAt < reportedAt {
            return .outOfOrder(later: .feedbackAt, at: feedbackAt, earlier: .reportedAt, earlierAt: reportedAt)
        }
        var previous: (Checkpoint, WallTime) = (.reportedAt, reportedAt)
        for case let (checkpoint, instant?) in checkpoints.dropFirst(2) {
            if instant < previous.1 {
                return .outOfOrder(later: checkpoint, at: instant, earlier: previous.0, earlierAt: previous.1)
            }
            previous = (checkpoint, instant)
        }
        return nil
    }

    /// Allocation-free ordering test for the common case (all in order).
    @inlinable @inline(__always) var isInOrderFast: Bool {
        var last = reportedAt.seconds
        if let d = dispatchedAt?.seconds { if d < last { return false }; last = d }
        if let a = acceptedAt?.seconds { if a < last { return false }; last = a }
        if repairedAt.seconds < last { return false }
        last = repairedAt.seconds
        if let c = confirmedAt?.seconds { if c < last { return false }; last = c }
        if let r = reportSentAt?.seconds, r < last { return false }
        if let f = feedbackAt, f < reportedAt { return false }
        return faultStart <= reportedAt
    }
}

extension Range<WallTime> {
    /// `start/end`, an interval as the `suspended` column writes it.
    public var intervalText: String { "\(lowerBound.isoString)/\(upperBound.isoString)" }
}

extension TicketRecord {
    /// The first problem of the suspended intervals, in start order: one that does not end after
    /// it starts, one outside `[reported_at, repaired_at]`, two that overlap (touching is not
    /// overlapping); nil when they are valid.
    public var suspensionViolation: TicketRejection? {
        let intervals = suspended.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var previous: Range<WallTime>?
        for interval in intervals {
            if interval.isEmpty { return .emptySuspension(start: interval.lowerBound, end: interval.upperBound) }
            if interval.lowerBound < reportedAt || interval.upperBound > repairedAt {
                return .suspensionOutsideTicket(interval, reportedAt: reportedAt, repairedAt: repairedAt)
            }
            if let previous, interval.lowerBound < previous.upperBound { return .overlappingSuspensions(previous, interval) }
            previous = interval
        }
        return nil
    }
}

extension RuleCatalogue {
    /// Why a ticket cannot be evaluated, or nil when it can: checkpoints out of order, suspended
    /// intervals invalid; then the circuit unknown (when `circuit` is nil), its tier or product unknown.
    public func validate(_ ticket: TicketRecord, circuit: Circuit?) -> TicketRejection? {
        if let violation = validate(ticket) { return violation }
        guard let circuit else { return .unknownCircuit(ticket.circuitID) }
        return validate(circuit)
    }

    /// Why a circuit's tickets cannot be evaluated (unknown tier or product), or nil.
    public func validate(_ circuit: Circuit) -> TicketRejection? {
        if let key = circuit.tier, tier(key) == nil { return .unknownTier(key) }
        if product(circuit.product) == nil { return .unknownProduct(circuit.product) }
        return nil
    }
}

extension RuleCatalogue {
    /// Why a ticket cannot be evaluated judging by the ticket alone (checkpoints out of order,
    /// suspended intervals invalid), or nil. Use `validate(_:circuit:)` once the circuit is known.
    public func validate(_ ticket: TicketRecord) -> TicketRejection? {
        if let violation = ticket.orderViolation { return violation }
        return ticket.suspended.isEmpty ? nil : ticket.suspensionViolation
    }
}
