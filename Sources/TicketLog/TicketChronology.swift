import ServiceRules

/// The order a ticket's checkpoints must keep (rule-semantics, "A ticket's checkpoints").
///
/// A local check until the rule engine exposes its shared `validate`; then this is replaced.
enum TicketChronology {
    /// The checkpoints in the order they must occur, with their column names.
    static func chain(of ticket: TicketRecord) -> [(field: String, instant: WallTime?)] {
        [
            ("fault_start", ticket.faultStart), ("reported_at", ticket.reportedAt),
            ("dispatched_at", ticket.dispatchedAt), ("accepted_at", ticket.acceptedAt),
            ("repaired_at", ticket.repairedAt), ("confirmed_at", ticket.confirmedAt),
            ("report_sent_at", ticket.reportSentAt),
        ]
    }

    /// The first present checkpoint earlier than the present one before it, or nil when the
    /// chain fault_start ≤ reported_at ≤ … ≤ report_sent_at holds over the instants present.
    static func firstViolation(in ticket: TicketRecord) -> (earlierField: String, laterField: String)? {
        var previous: (field: String, instant: WallTime)?
        for checkpoint in chain(of: ticket) {
            guard let instant = checkpoint.instant else { continue }
            if let previous, instant < previous.instant { return (previous.field, checkpoint.field) }
            previous = (checkpoint.field, instant)
        }
        return nil
    }

    /// Allocation-free form of `firstViolation(in:) == nil` for the ingest hot path.
    static func isInOrder(_ ticket: TicketRecord) -> Bool {
        var latest = ticket.faultStart
        return advance(&latest, to: ticket.reportedAt) && advance(&latest, to: ticket.dispatchedAt)
            && advance(&latest, to: ticket.acceptedAt) && advance(&latest, to: ticket.repairedAt)
            && advance(&latest, to: ticket.confirmedAt) && advance(&latest, to: ticket.reportSentAt)
    }

    /// False when `next` is before `latest`; otherwise moves `latest` to a present `next`.
    private static func advance(_ latest: inout WallTime, to next: WallTime?) -> Bool {
        guard let next else { return true }
        guard next >= latest else { return false }
        latest = next
        return true
    }
}
