/// The future-event set: events ordered by (time, priority, insertion sequence).
///
/// The order is total and deterministic: earlier time first; at equal time the smaller
/// `priority` value first; at equal time and priority, first scheduled first out (FIFO).
/// Two runs that schedule the same events in the same order therefore pop them in the same
/// order on every platform.
///
/// Storage is an implicit 4-ary min-heap of small fixed-size keys plus per-slot buffers that
/// hold payloads, each slot's heap position (so cancellation is an O(log n) removal, not a lazy
/// tombstone) and its generation (so stale handles are harmless). Freed slots are recycled
/// through a free list, so once the queue has reached its working size, scheduling and popping
/// allocate nothing.
///
/// `EventQueue` is a value type: its buffers are copied on write, so copying a queue copies its
/// events. A mutation checks uniqueness once, then works on raw buffers.
public struct EventQueue<Payload> {
    /// The heap and slot buffers; shared between copies until one of them mutates.
    @usableFromInline
    internal var storage: EventStorage<Payload>

    /// Creates an empty queue with room for `minimumCapacity` pending events before it grows.
    public init(minimumCapacity: Int = 0) {
        storage = EventStorage(capacity: Swift.max(minimumCapacity, 16))
    }

    /// Makes room for `minimumCapacity` pending events without further allocation.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        makeUnique()
        if storage.capacity < minimumCapacity { storage.grow(minimumCapacity: minimumCapacity) }
    }

    /// Number of pending events.
    @inlinable
    public var count: Int { storage.pendingCount }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { storage.pendingCount == 0 }

    /// The time of the next event to fire, or `nil` when the queue is empty.
    /// - Complexity: O(1).
    @inlinable
    public func peekTime() -> SimTime? {
        storage.pendingCount > 0 ? SimTime(milliseconds: storage.keys[storage.firstPendingIndex].time) : nil
    }

    /// Adds an event; returns a handle that can cancel it until it fires.
    /// - Parameters:
    ///   - payload: What the model wants back when the event fires.
    ///   - time: When it fires.
    ///   - priority: Tie-breaker at equal time; smaller fires first.
    /// - Complexity: O(log n); amortised O(1) allocation-free once the queue has reached its size.
    ///   Right after ``popFirst()`` the new event takes the fired event's place at the root and
    ///   sifts down once, so an event handler that schedules one follow-up pays for one sift
    ///   rather than for a removal plus an insertion.
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int32 = 0) -> EventHandle {
        makeUnique()
        let slot = storage.insert(payload, time: time.milliseconds, priority: priority)
        return EventHandle(slot: slot, generation: storage.generations[Int(slot)])
    }

    /// Removes a pending event.
    /// - Returns: `true` if the event was pending and is now removed; `false` if it had already
    ///   fired or been cancelled (the handle is stale), in which case nothing changes.
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        makeUnique()
        storage.removeFiredRoot()
        let position = Int(storage.positions[Int(handle.slot)])
        _ = storage.vacateSlot(handle.slot)
        storage.removeKey(at: position)
        return true
    }

    /// Whether the event named by `handle` is still waiting to fire.
    /// - Complexity: O(1).
    @inlinable
    public func isPending(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        return slot < storage.slotCount && storage.generations[slot] == handle.generation
            && storage.positions[slot] >= 0
    }

    /// Removes and returns the next event in (time, priority, sequence) order, or `nil` if empty.
    ///
    /// The removal from the heap is deferred: the fired key stays at the root until the next
    /// ``schedule(_:at:priority:)`` overwrites it (one sift-down for pop + push, the "hold"
    /// operation of a simulation), or until another pop or a cancel removes it first.
    /// Invisible to callers: handles, order and ``count`` are as if it had been removed here.
    /// - Complexity: O(1) when a schedule follows; otherwise O(log n), paid by the next
    ///   mutation.
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        guard storage.pendingCount > 0 else { return nil }
        makeUnique()
        let (key, payload) = storage.removeFirst()
        return ScheduledEvent(time: SimTime(milliseconds: key.time), priority: key.priority, payload: payload)
    }

    /// Removes and returns the next event if it fires at or before `end`, else `nil` (the
    /// event stays pending): ``peekTime()`` and ``popFirst()`` in one look at the heap, for a
    /// model's loop that runs to a horizon.
    /// - Complexity: as ``popFirst()``.
    @inlinable
    public mutating func popFirst(through end: SimTime) -> ScheduledEvent<Payload>? {
        guard storage.pendingCount > 0 else { return nil }
        makeUnique()
        storage.removeFiredRoot()
        guard storage.keys[0].time <= end.milliseconds else { return nil }
        let (key, payload) = storage.removeFirst()
        return ScheduledEvent(time: SimTime(milliseconds: key.time), priority: key.priority, payload: payload)
    }

    /// Removes every pending event, keeping storage for reuse; outstanding handles become stale.
    /// - Complexity: O(n).
    public mutating func removeAll() {
        makeUnique()
        storage.removeFiredRoot()
        while storage.count > 0 {
            let last = storage.removeLastKey()
            _ = storage.vacateSlot(last.slot)
        }
    }

    /// Gives this queue its own storage before a mutation, if a copy shares it.
    @inlinable
    @inline(__always)
    internal mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: storage.capacity)
        }
    }
}

extension EventQueue: Sendable where Payload: Sendable {}
