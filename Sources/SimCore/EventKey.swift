/// The ordering key of one pending event as stored in the heap, with the slot of its payload.
///
/// Kept to 16 bytes (four keys per cache line, so a 4-ary node's children are one line) and
/// free of the payload, so sifting moves little memory whatever the payload type. The
/// insertion sequence, needed only when time and priority tie, lives beside the slot instead.
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

    /// Creates a key.
    @inlinable
    internal init(time: Int64, priority: Int32, slot: UInt32) {
        self.time = time
        self.priority = priority
        self.slot = slot
    }

    /// Whether `self` fires strictly before `other` in (time, priority, sequence) order;
    /// `sequences` holds each slot's insertion sequence.
    @inlinable
    @inline(__always)
    internal func precedes(_ other: EventKey, sequences: UnsafeBufferPointer<UInt64>) -> Bool {
        if time != other.time { return time < other.time }
        if priority != other.priority { return priority < other.priority }
        return sequences[Int(slot)] < sequences[Int(other.slot)]
    }
}
