/// A line of work waiting for a crew or an agent: a binary min-heap on (band, key, sequence).
///
/// The band says what goes first whatever the policy (escalated repairs, other repairs,
/// installations; or the kind of agent task); the key is the dispatch policy's order within a
/// band (a rank, an arrival instant or a deadline); the sequence keeps equal keys first come,
/// first out. SimCore's `ResourcePool` keeps one FIFO ring per priority, which cannot hold one
/// key per deadline nor re-prioritise a waiting request (escalation must), so the model keeps
/// its own lines. Re-prioritising pushes a new entry and leaves the old one stale; the crews'
/// line recognises stale entries by the ticket's `queueToken` and skips them.
struct DispatchLine<Job> {
    /// One waiting job.
    struct Entry {
        var band: Int32
        var key: Int64
        var sequence: Int64
        var job: Job

        func precedes(_ other: Entry) -> Bool {
            if band != other.band { return band < other.band }
            return key != other.key ? key < other.key : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: Int64 = 0

    /// Entries in the heap, stale ones included.
    var count: Int { heap.count }

    /// The best entry, if any.
    var first: Entry? { heap.first }

    /// Adds a job; among equal bands and keys, first pushed is first out.
    /// - Complexity: O(log n).
    mutating func push(_ job: Job, band: Int32, key: Int64) {
        heap.append(Entry(band: band, key: key, sequence: nextSequence, job: job))
        nextSequence += 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the best entry.
    /// - Complexity: O(log n).
    mutating func popFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return top
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var best = parent
            let left = 2 * parent + 1
            let right = left + 1
            if left < heap.count && heap[left].precedes(heap[best]) { best = left }
            if right < heap.count && heap[right].precedes(heap[best]) { best = right }
            guard best != parent else { return }
            heap.swapAt(parent, best)
            parent = best
        }
    }
}

/// A crew job in a region's line: `index` ≥ 0 is a ticket index, `index` < 0 is install order
/// `-index - 1`; `token` is the ticket's `queueToken` when it was pushed.
struct CrewJob {
    var index: Int32
    var token: UInt32
}
