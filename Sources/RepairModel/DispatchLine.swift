/// The line of crew work waiting in one region: a binary min-heap on (priority, sequence).
///
/// SimCore's `ResourcePool` cannot re-prioritise a waiting request, and escalation must, so the
/// crews keep their own line. Re-prioritising pushes a new entry and leaves the old one stale;
/// the model recognises stale entries by the ticket's `queueToken` and skips them.
struct DispatchLine {
    /// One waiting job. `job` ≥ 0 is a ticket index; `job` < 0 is install order `-job - 1`.
    struct Entry {
        var priority: Int32
        var sequence: Int64
        var job: Int32
        var token: UInt32

        func precedes(_ other: Entry) -> Bool {
            priority != other.priority ? priority < other.priority : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: Int64 = 0

    /// Entries in the heap, stale ones included.
    var count: Int { heap.count }

    /// The best entry, if any.
    var first: Entry? { heap.first }

    /// Adds a job; among equal priorities, first pushed is first out.
    mutating func push(job: Int32, priority: Int32, token: UInt32) {
        heap.append(Entry(priority: priority, sequence: nextSequence, job: job, token: token))
        nextSequence += 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the best entry.
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
