/// The simulated tickets, addressed by their index (the order faults occurred), from which a
/// run that judges as it goes drops the tickets it has read (``drop(below:)``): only tickets
/// still in the workflow, or waiting behind one that is, stay in memory.
///
/// The handlers of the stale events that may name a dropped ticket (a late escalation, a
/// progress update falling due, an old entry of the crews' line) ask ``holds(_:)`` first;
/// changing a dropped ticket traps, and so does reading one once its room is reused.
struct TicketStore: Sequence {
    /// Index of `stored[0]`.
    private var base = 0
    /// Index of the first ticket not dropped (`base ≤ firstKept`).
    private(set) var firstKept = 0
    private var stored: [Ticket] = []

    /// Tickets created so far, dropped ones included.
    var count: Int { base + stored.count }

    /// A kept ticket (a read traps, as past the end, once a dropped ticket's room is reused).
    subscript(index: Int) -> Ticket {
        @inline(__always) get { stored[index - base] }
        @inline(__always) _modify {
            precondition(index >= firstKept, "TicketStore: a dropped ticket changed")
            yield &stored[index - base]
        }
    }

    /// Whether ticket `index` is kept; a dropped one was settled, so a stale event naming it
    /// (a late escalation or progress update, an old entry of the crews' line) has nothing to do.
    func holds(_ index: Int) -> Bool { index >= firstKept }

    @inline(__always) mutating func append(_ ticket: Ticket) { stored.append(ticket) }

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
