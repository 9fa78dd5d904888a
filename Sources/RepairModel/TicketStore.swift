/// The simulated tickets, addressed by their index (the order faults occurred), from which a
/// run that judges as it goes drops the tickets it has read (``drop(below:)``): only tickets
/// still in the workflow, or waiting behind one that is, stay in memory.
///
/// A dropped ticket still answers the stale events that may name it (a late escalation, a
/// progress update falling due, an old entry of the crews' line) as a closed ticket, which
/// each of those handlers ignores; changing one is a programming error.
struct TicketStore: Sequence {
    /// Index of `stored[0]`.
    private var base = 0
    /// Index of the first ticket not dropped (`base ≤ firstKept`).
    private(set) var firstKept = 0
    private var stored: [Ticket] = []

    /// Tickets created so far, dropped ones included.
    var count: Int { base + stored.count }

    /// Read in place (`_read`: a field read copies no ticket).
    subscript(index: Int) -> Ticket {
        _read {
            if index >= firstKept { yield stored[index - base] } else { yield Ticket.dropped }
        }
        _modify {
            precondition(index >= firstKept, "TicketStore: ticket \(index) was dropped")
            yield &stored[index - base]
        }
    }

    mutating func append(_ ticket: Ticket) { stored.append(ticket) }

    mutating func reserveCapacity(_ count: Int) { stored.reserveCapacity(count) }

    /// Drops every ticket before `index`; their room is reused once they are many and at
    /// least half of what is stored (so compacting costs O(1) a ticket).
    mutating func drop(below index: Int) {
        precondition(index >= firstKept && index <= count, "TicketStore: drop below \(index)")
        firstKept = index
        let dead = firstKept - base
        guard dead >= 4096, dead * 2 >= stored.count else { return }
        stored.removeFirst(dead)
        base = firstKept
    }

    /// The tickets not dropped, in index order.
    func makeIterator() -> ArraySlice<Ticket>.Iterator { stored[(firstKept - base)...].makeIterator() }
}

extension Ticket {
    /// What a dropped ticket reads as: closed, so stale events leave it alone.
    static let dropped = Ticket(circuit: -1, classIndex: 0, segment: 0, outage: false, channel: .proactive, remote: false,
                                stage: .closed, faultStart: .zero, detectionDelay: .zero, intakeWork: .zero, travel: .zero,
                                repairWork: .zero, confirmWork: .zero, reportWork: .zero)
}
