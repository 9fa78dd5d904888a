// Heap and slot maintenance behind EventQueue's public verbs. Everything here is
// @inlinable because models in other modules call the queue in their innermost loop, and
// generic code that is not inlined runs unspecialised (through metadata look-ups).

extension EventStorage {
    /// Children per heap node. A 4-ary heap is shallower than a binary one and its four
    /// children share two cache lines; measured faster on the hold model than 2 and 8.
    @usableFromInline
    internal static var arity: Int { 4 }

    /// Adds an event and returns its slot. If the fired root still awaits removal, the new key
    /// takes its place and sifts down once (the "hold" operation: pop + push as one pass);
    /// otherwise it is appended and sifts up.
    /// - Complexity: O(log n); amortised O(1) allocation.
    @inlinable
    @inline(__always)
    internal func insert(_ payload: Payload, time: Int64, priority: Int32) -> UInt32 {
        if nextSequence == .max { renumberSequences() }
        if rootFired {
            rootFired = false
            let slot = occupySlot(with: payload)
            let key = EventKey(time: time, priority: priority, sequence: nextSequence, slot: slot)
            nextSequence &+= 1
            siftDown(key, from: 0)
            return slot
        }
        if count == capacity { grow() }
        let slot = occupySlot(with: payload)
        let key = EventKey(time: time, priority: priority, sequence: nextSequence, slot: slot)
        nextSequence &+= 1
        count &+= 1
        siftUp(key, from: count &- 1)
        return slot
    }

    /// Takes the root event's payload and returns it with its key, leaving the key at the root
    /// as a fired event awaiting removal: it precedes every pending key, so the heap stays
    /// valid, and the next ``insert(_:time:priority:)`` overwrites it instead of paying for a
    /// separate removal. The heap must hold at least one pending event.
    /// - Complexity: O(log n) if an earlier fired root is still awaiting removal, else O(1).
    @inlinable
    internal func removeFirst() -> (key: EventKey, payload: Payload) {
        if rootFired { removeRootKey() }
        let first = keys[0]
        let payload = vacateSlot(first.slot)
        rootFired = true
        return (first, payload)
    }

    /// Completes a deferred removal of the fired root, if one is awaiting.
    /// - Complexity: O(log n).
    @inlinable
    @inline(__always)
    internal func removeFiredRoot() {
        if rootFired {
            rootFired = false
            removeRootKey()
        }
    }

    /// Number of pending events: the heap's size without a fired root awaiting removal.
    @inlinable
    internal var pendingCount: Int { count &- firstLiveIndex }

    /// Heap index of the next event to fire; meaningful only when `pendingCount > 0`.
    /// - Complexity: O(1).
    @inlinable
    internal var firstPendingIndex: Int {
        rootFired ? 1 &+ Self.earliestOfFour(keys + 1) : 0
    }

    /// Takes a free slot (or creates one) and stores `payload` in it.
    @inlinable
    @inline(__always)
    internal func occupySlot(with payload: Payload) -> UInt32 {
        let slot: UInt32
        if freeCount > 0 {
            freeCount &-= 1
            slot = freeSlots[freeCount]
        } else {
            precondition(slotCount < Int(Int32.max), "EventQueue: too many pending events")
            slot = UInt32(truncatingIfNeeded: slotCount)
            generations[slotCount] = 0
            slotCount &+= 1
        }
        (payloads + Int(slot)).initialize(to: payload)
        return slot
    }

    /// Frees `slot`, invalidating its handles, and returns the payload it held.
    @inlinable
    @inline(__always)
    internal func vacateSlot(_ slot: UInt32) -> Payload {
        let index = Int(slot)
        positions[index] = -1
        generations[index] &+= 1
        freeSlots[freeCount] = slot
        freeCount &+= 1
        return (payloads + index).move()
    }

    /// Takes the last key off the heap, leaving a sentinel in its place.
    @inlinable
    @inline(__always)
    internal func removeLastKey() -> EventKey {
        count &-= 1
        let last = keys[count]
        keys[count] = .sentinel
        return last
    }

    /// Removes the key at heap index `position`, filling the hole with the last key.
    /// - Complexity: O(log n).
    @inlinable
    internal func removeKey(at position: Int) {
        let last = removeLastKey()
        guard position < count else { return }
        if position > 0 && last.precedes(keys[(position &- 1) / Self.arity]) {
            siftUp(last, from: position)
        } else {
            siftDown(last, from: position)
        }
    }

    /// Places `key` at the hole `index` or above it, moving later parents down.
    /// - Complexity: O(log n).
    @inlinable
    @inline(__always)
    internal func siftUp(_ key: EventKey, from index: Int) {
        let keys = self.keys, positions = self.positions
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) / Self.arity
            let parentKey = keys[parent]
            guard key.precedes(parentKey) else { break }
            keys[hole] = parentKey
            positions[Int(parentKey.slot)] = Int32(truncatingIfNeeded: hole)
            hole = parent
        }
        keys[hole] = key
        positions[Int(key.slot)] = Int32(truncatingIfNeeded: hole)
    }

    /// Places `key` at the hole `index` or below it, moving earlier children up.
    /// - Complexity: O(log n).
    @inlinable
    @inline(__always)
    internal func siftDown(_ key: EventKey, from index: Int) {
        let keys = self.keys, positions = self.positions, count = self.count
        var hole = index
        while true {
            let first = hole &* Self.arity &+ 1
            guard first < count else { break }
            let child = Self.earliestOfFour(keys + first) &+ first
            let childKey = keys[child]
            guard childKey.precedes(key) else { break }
            keys[hole] = childKey
            positions[Int(childKey.slot)] = Int32(truncatingIfNeeded: hole)
            hole = child
        }
        keys[hole] = key
        positions[Int(key.slot)] = Int32(truncatingIfNeeded: hole)
    }

    /// Offset (0…3) of the earliest of four adjacent keys; sentinels pad a short last node.
    /// A tournament whose first two comparisons are independent; selects, not branches.
    @inlinable
    @inline(__always)
    internal static func earliestOfFour(_ children: UnsafeMutablePointer<EventKey>) -> Int {
        let left = children[1].precedenceBit(children[0])
        let right = 2 | children[3].precedenceBit(children[2])
        let mask = 0 &- children[right].precedenceBit(children[left])
        return left ^ ((left ^ right) & mask)
    }

    /// Removes the root key (whose slot, if any, the caller has vacated). Floyd's bottom-up variant: the hole at the root descends along
    /// the earliest children to a leaf without comparing against the displaced last key, which
    /// is then sifted up from there. The last key is usually late (it sat at a leaf), so it
    /// rarely climbs, and each level costs one comparison fewer than the textbook sift-down.
    /// - Complexity: O(log n).
    @inlinable
    internal func removeRootKey() {
        let last = removeLastKey()
        guard count > 0 else { return }
        let keys = self.keys, positions = self.positions, count = self.count
        var hole = 0
        while true {
            let first = hole &* Self.arity &+ 1
            guard first < count else { break }
            let child = Self.earliestOfFour(keys + first) &+ first
            let childKey = keys[child]
            keys[hole] = childKey
            positions[Int(childKey.slot)] = Int32(truncatingIfNeeded: hole)
            hole = child
        }
        siftUp(last, from: hole)
    }

    /// Gives the pending events fresh sequences 0, 1, … in their current order, once the
    /// 32-bit counter is spent (every 2³² − 1 schedules). Relative order is kept, so the heap
    /// stays valid and FIFO ties still resolve in scheduling order.
    /// - Complexity: O(n log n), once per 2³² schedules.
    @usableFromInline
    internal func renumberSequences() {
        let pending = UnsafeMutableBufferPointer(start: keys, count: count)
        var order = Array(pending.indices)
        order.sort { pending[$0].precedes(pending[$1]) }
        for (rank, index) in order.enumerated() {
            pending[index].order = pending[index].order & 0xFFFF_FFFF_0000_0000 | UInt64(rank)
        }
        nextSequence = UInt32(truncatingIfNeeded: count)
    }
}
