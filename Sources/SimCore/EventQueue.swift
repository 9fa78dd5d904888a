/// The future-event set: events ordered by (time, priority, insertion sequence).
///
/// The order is total and deterministic: earlier time first; at equal time the smaller
/// `priority` value first; at equal time and priority, first scheduled first out (FIFO).
/// Two runs that schedule the same events in the same order therefore pop them in the same
/// order on every platform.
///
/// Storage is an implicit d-ary min-heap of small fixed-size keys plus slot arrays that hold
/// payloads, each slot's heap position (so cancellation is an O(log n) removal, not a lazy
/// tombstone) and its generation (so stale handles are harmless). Freed slots are recycled
/// through a free list, so once the queue has reached its working size, scheduling and popping
/// allocate nothing.
///
/// `EventQueue` is a value type with copy-on-write arrays; copying a queue copies its events.
public struct EventQueue<Payload> {
    /// The heap of keys; `heap[0]` is the next event to fire.
    @usableFromInline
    internal var heap: [EventKey]

    /// Payload of each slot; `nil` for free slots.
    @usableFromInline
    internal var payloads: [Payload?]

    /// Heap index of each slot's key; `-1` for free slots.
    @usableFromInline
    internal var positions: [Int32]

    /// Insertion sequence of each slot's current event (the FIFO tie-breaker).
    @usableFromInline
    internal var sequences: [UInt64]

    /// Generation of each slot, bumped every time the slot is freed.
    @usableFromInline
    internal var generations: [UInt32]

    /// Slots ready for reuse (a stack, so recently used, cache-warm slots come back first).
    @usableFromInline
    internal var freeSlots: [UInt32]

    /// Sequence number given to the next scheduled event; breaks ties FIFO.
    @usableFromInline
    internal var nextSequence: UInt64

    /// Creates an empty queue with room for `minimumCapacity` pending events before it grows.
    public init(minimumCapacity: Int = 0) {
        heap = []
        payloads = []
        positions = []
        sequences = []
        generations = []
        freeSlots = []
        nextSequence = 0
        reserveCapacity(minimumCapacity)
    }

    /// Makes room for `minimumCapacity` pending events without further allocation.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        heap.reserveCapacity(minimumCapacity)
        payloads.reserveCapacity(minimumCapacity)
        positions.reserveCapacity(minimumCapacity)
        sequences.reserveCapacity(minimumCapacity)
        generations.reserveCapacity(minimumCapacity)
        freeSlots.reserveCapacity(minimumCapacity)
    }

    /// Number of pending events.
    @inlinable
    public var count: Int { heap.count }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the next event to fire, or `nil` when the queue is empty.
    /// - Complexity: O(1).
    @inlinable
    public func peekTime() -> SimTime? {
        guard let first = heap.first else { return nil }
        return SimTime(milliseconds: first.time)
    }

    /// Adds an event; returns a handle that can cancel it until it fires.
    /// - Parameters:
    ///   - payload: What the model wants back when the event fires.
    ///   - time: When it fires.
    ///   - priority: Tie-breaker at equal time; smaller fires first.
    /// - Complexity: O(log n); amortised O(1) allocation-free once the queue has reached its size.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int32 = 0) -> EventHandle {
        let slot = occupySlot(with: payload)
        let key = EventKey(time: time.milliseconds, priority: priority, slot: slot)
        heap.append(key)
        siftUp(key, from: heap.count - 1)
        return EventHandle(slot: slot, generation: generations[Int(slot)])
    }

    /// Removes a pending event.
    /// - Returns: `true` if the event was pending and is now removed; `false` if it had already
    ///   fired or been cancelled (the handle is stale), in which case nothing changes.
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        let position = Int(positions[Int(handle.slot)])
        _ = vacateSlot(handle.slot)
        removeKey(at: position)
        return true
    }

    /// Whether the event named by `handle` is still waiting to fire.
    /// - Complexity: O(1).
    @inlinable
    public func isPending(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        return slot < generations.count && generations[slot] == handle.generation && positions[slot] >= 0
    }

    /// Removes and returns the next event in (time, priority, sequence) order, or `nil` if empty.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        guard let first = heap.first else { return nil }
        let payload = vacateSlot(first.slot)
        removeRootKey()
        return ScheduledEvent(
            time: SimTime(milliseconds: first.time), priority: first.priority, payload: payload)
    }

    /// Removes every pending event, keeping storage for reuse; outstanding handles become stale.
    /// - Complexity: O(n).
    public mutating func removeAll() {
        while !heap.isEmpty {
            _ = vacateSlot(heap[heap.count - 1].slot)
            heap.removeLast()
        }
    }
}

extension EventQueue: Sendable where Payload: Sendable {}
