/// The ordering key of one pending event as stored in the heap, with the slot of its payload.
///
/// Kept to 24 bytes and free of the payload so that sifting moves little memory whatever
/// the payload type.
@usableFromInline
internal struct EventKey: Sendable {
    /// Due time in milliseconds.
    @usableFromInline
    internal var time: Int64
    /// Tie-breaker at equal time; smaller first.
    @usableFromInline
    internal var priority: Int32
    /// Slot holding the payload, position and generation.
    @usableFromInline
    internal var slot: UInt32
    /// Insertion counter; breaks remaining ties first-in, first-out.
    @usableFromInline
    internal var sequence: UInt64

    /// Creates a key.
    @inlinable
    internal init(time: Int64, priority: Int32, slot: UInt32, sequence: UInt64) {
        self.time = time
        self.priority = priority
        self.slot = slot
        self.sequence = sequence
    }

    /// Whether `self` fires strictly before `other` in (time, priority, sequence) order.
    @inlinable
    @inline(__always)
    internal func precedes(_ other: EventKey) -> Bool {
        if time != other.time { return time < other.time }
        if priority != other.priority { return priority < other.priority }
        return sequence < other.sequence
    }
}
