/// The mutable fields of an ``EventStorage``, kept behind a pointer: stored properties of a class
/// that other modules mutate get dynamic exclusivity checks (`swift_beginAccess`) on every access,
/// which cost more than the heap operations themselves; pointer memory has none.
@usableFromInline
internal struct EventStorageHeader<Payload> {
    /// The heap; `keys[0]` is the next event to fire.
    @usableFromInline internal var keys: UnsafeMutablePointer<EventKey>
    /// Payload of each slot; initialised exactly for the slots of pending events.
    @usableFromInline internal var payloads: UnsafeMutablePointer<Payload>
    /// Heap index of each slot's key; `-1` for free slots.
    @usableFromInline internal var positions: UnsafeMutablePointer<Int32>
    /// Generation of each slot, bumped every time the slot is freed.
    @usableFromInline internal var generations: UnsafeMutablePointer<UInt32>
    /// Free slots, a stack (recently used, cache-warm slots come back first).
    @usableFromInline internal var freeSlots: UnsafeMutablePointer<UInt32>
    /// Pending events (the heap's size).
    @usableFromInline internal var count: Int
    /// Slots created so far (pending + free).
    @usableFromInline internal var slotCount: Int
    /// Free slots on the stack.
    @usableFromInline internal var freeCount: Int
    /// Events every buffer has room for.
    @usableFromInline internal var capacity: Int
    /// Sequence of the next scheduled event; never `UInt32.max` (kept for the sentinel).
    @usableFromInline internal var nextSequence: UInt32
    /// Whether `keys[0]` is the key of an event that has already fired (its slot is free) and
    /// still awaits removal; `count` includes it. See ``EventQueue/popFirst()``.
    @usableFromInline internal var rootFired: Bool

    @usableFromInline
    internal init(
        keys: UnsafeMutablePointer<EventKey>, payloads: UnsafeMutablePointer<Payload>,
        positions: UnsafeMutablePointer<Int32>, generations: UnsafeMutablePointer<UInt32>,
        freeSlots: UnsafeMutablePointer<UInt32>, capacity: Int
    ) {
        self.keys = keys
        self.payloads = payloads
        self.positions = positions
        self.generations = generations
        self.freeSlots = freeSlots
        count = 0
        slotCount = 0
        freeCount = 0
        self.capacity = capacity
        nextSequence = 0
        rootFired = false
    }
}

/// The memory behind an ``EventQueue``: the heap of keys and, per slot, the payload, the key's
/// heap position and the slot's generation, all in buffers this object owns.
///
/// Raw buffers rather than arrays, so that one uniqueness check per queue operation (made by
/// the owning ``EventQueue``) replaces one per array access, and so that the heap can be
/// aligned to cache lines. Every buffer has room for `capacity` events; slots never outnumber
/// that capacity, because a slot is only created when every existing one holds an event.
///
/// Layout of the heap: heap index `i` lives at `keys[i]`, and `keys` starts three keys into a
/// 64-byte-aligned block, so that each node's four children (indices 4p+1…4p+4) start on a
/// multiple of 96 bytes and span exactly two cache lines. Indices `count ..< capacity + 4` hold
/// ``EventKey/sentinel``.
@usableFromInline
internal final class EventStorage<Payload> {
    /// The mutable fields; allocated with the storage, freed in `deinit`.
    @usableFromInline internal let header: UnsafeMutablePointer<EventStorageHeader<Payload>>

    /// The heap; `keys[0]` is the next event to fire.
    @inlinable internal var keys: UnsafeMutablePointer<EventKey> {
        get { header.pointee.keys }
        set { header.pointee.keys = newValue }
    }
    /// Payload of each slot; initialised exactly for the slots of pending events.
    @inlinable internal var payloads: UnsafeMutablePointer<Payload> {
        get { header.pointee.payloads }
        set { header.pointee.payloads = newValue }
    }
    /// Heap index of each slot's key; `-1` for free slots.
    @inlinable internal var positions: UnsafeMutablePointer<Int32> {
        get { header.pointee.positions }
        set { header.pointee.positions = newValue }
    }
    /// Generation of each slot, bumped every time the slot is freed.
    @inlinable internal var generations: UnsafeMutablePointer<UInt32> {
        get { header.pointee.generations }
        set { header.pointee.generations = newValue }
    }
    /// Free slots, a stack (recently used, cache-warm slots come back first).
    @inlinable internal var freeSlots: UnsafeMutablePointer<UInt32> {
        get { header.pointee.freeSlots }
        set { header.pointee.freeSlots = newValue }
    }
    /// Pending events (the heap's size).
    @inlinable internal var count: Int {
        get { header.pointee.count }
        set { header.pointee.count = newValue }
    }
    /// Slots created so far (pending + free).
    @inlinable internal var slotCount: Int {
        get { header.pointee.slotCount }
        set { header.pointee.slotCount = newValue }
    }
    /// Free slots on the stack.
    @inlinable internal var freeCount: Int {
        get { header.pointee.freeCount }
        set { header.pointee.freeCount = newValue }
    }
    /// Events every buffer has room for.
    @inlinable internal var capacity: Int {
        get { header.pointee.capacity }
        set { header.pointee.capacity = newValue }
    }
    /// Sequence of the next scheduled event; never `UInt32.max` (kept for the sentinel).
    @inlinable internal var nextSequence: UInt32 {
        get { header.pointee.nextSequence }
        set { header.pointee.nextSequence = newValue }
    }
    /// Whether `keys[0]` belongs to an event that already fired and awaits removal.
    @inlinable internal var rootFired: Bool {
        get { header.pointee.rootFired }
        set { header.pointee.rootFired = newValue }
    }
    /// Heap index of the first key whose slot holds a payload: 1 while the fired root awaits
    /// removal, else 0.
    @inlinable internal var firstLiveIndex: Int { rootFired ? 1 : 0 }

    /// Keys ahead of `keys[0]` in the heap block, which align the children groups.
    @usableFromInline internal static var keyOffset: Int { 3 }
    /// Sentinels after the last possible event, so a node's four children always exist.
    @usableFromInline internal static var keyPadding: Int { 4 }

    /// Creates empty storage for `capacity` events.
    @usableFromInline
    internal init(capacity: Int) {
        let capacity = Swift.max(capacity, 4)
        header = .allocate(capacity: 1)
        header.initialize(to: EventStorageHeader(
            keys: Self.allocateKeys(capacity), payloads: .allocate(capacity: capacity),
            positions: .allocate(capacity: capacity), generations: .allocate(capacity: capacity),
            freeSlots: .allocate(capacity: capacity), capacity: capacity))
    }

    deinit {
        for index in firstLiveIndex..<count {
            (payloads + Int(keys[index].slot)).deinitialize(count: 1)
        }
        Self.deallocateKeys(keys)
        payloads.deallocate()
        positions.deallocate()
        generations.deallocate()
        freeSlots.deallocate()
        header.deinitialize(count: 1)
        header.deallocate()
    }

    /// A 64-byte-aligned heap block for `capacity` events, filled with sentinels.
    @usableFromInline
    internal static func allocateKeys(_ capacity: Int) -> UnsafeMutablePointer<EventKey> {
        let total = keyOffset + capacity + keyPadding
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: total * MemoryLayout<EventKey>.stride, alignment: 64)
        let block = raw.bindMemory(to: EventKey.self, capacity: total)
        block.initialize(repeating: .sentinel, count: total)
        return block + keyOffset
    }

    @usableFromInline
    internal static func deallocateKeys(_ keys: UnsafeMutablePointer<EventKey>) {
        UnsafeMutableRawPointer(keys - keyOffset).deallocate()
    }

    /// An independent copy (for copy-on-write), with room for at least `newCapacity` events.
    @usableFromInline
    internal func copy(capacity newCapacity: Int) -> EventStorage {
        let copy = EventStorage(capacity: Swift.max(newCapacity, count))
        copy.keys.update(from: keys, count: count)
        for index in firstLiveIndex..<count {
            let slot = Int(keys[index].slot)
            (copy.payloads + slot).initialize(to: payloads[slot])
        }
        copy.positions.update(from: positions, count: slotCount)
        copy.generations.update(from: generations, count: slotCount)
        copy.freeSlots.update(from: freeSlots, count: freeCount)
        copy.count = count
        copy.slotCount = slotCount
        copy.freeCount = freeCount
        copy.nextSequence = nextSequence
        copy.rootFired = rootFired
        return copy
    }

    /// Moves everything into buffers twice as large (or `minimumCapacity`, if larger).
    /// - Complexity: O(capacity); amortised O(1) per scheduled event.
    @usableFromInline
    internal func grow(minimumCapacity: Int = 0) {
        let newCapacity = Swift.max(capacity * 2, minimumCapacity)
        let newKeys = Self.allocateKeys(newCapacity)
        newKeys.update(from: keys, count: count)
        Self.deallocateKeys(keys)
        keys = newKeys
        let newPayloads = UnsafeMutablePointer<Payload>.allocate(capacity: newCapacity)
        for index in firstLiveIndex..<count {  // only pending slots hold a payload
            let slot = Int(keys[index].slot)
            (newPayloads + slot).moveInitialize(from: payloads + slot, count: 1)
        }
        payloads.deallocate()
        payloads = newPayloads
        positions = Self.moved(positions, count: slotCount, capacity: newCapacity)
        generations = Self.moved(generations, count: slotCount, capacity: newCapacity)
        freeSlots = Self.moved(freeSlots, count: freeCount, capacity: newCapacity)
        capacity = newCapacity
    }

    /// A new buffer of `capacity` integers holding the first `count` of `old`, which is freed.
    private static func moved<Element: FixedWidthInteger>(
        _ old: UnsafeMutablePointer<Element>, count: Int, capacity: Int
    ) -> UnsafeMutablePointer<Element> {
        let new = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}

extension EventStorage: @unchecked Sendable where Payload: Sendable {}
