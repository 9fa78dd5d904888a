/// The ordering key of one pending event as stored in the heap, with the slot of its payload.
///
/// Two words decide the order: the due time, then `order`, which packs the priority (biased so
/// that unsigned order is signed order) above a 32-bit insertion sequence. One two-word
/// comparison thus gives the whole (time, priority, sequence) order without branches or a
/// look-up elsewhere. Sequences are unique among pending events; when the 32-bit counter runs
/// out, the queue renumbers its pending events (see ``EventStorage/renumberSequences()``).
/// The time is stored with its sign bit flipped, so that unsigned order is signed order and the
/// two words compare as one 128-bit unsigned number (see ``precedenceBit(_:)``).
/// 24 bytes: a 4-ary node's children are 96 bytes, two cache lines with the heap's alignment.
@usableFromInline
internal struct EventKey: Sendable {
    /// Due time in milliseconds, sign bit flipped (`Int64.min` → 0, `Int64.max` → `UInt64.max`).
    @usableFromInline
    internal var biasedTime: UInt64
    /// Biased priority in the high 32 bits, insertion sequence in the low 32 bits.
    @usableFromInline
    internal var order: UInt64
    /// Slot holding the payload, position and generation.
    @usableFromInline
    internal var slot: UInt32

    /// Creates a key.
    @inlinable
    internal init(time: Int64, order: UInt64, slot: UInt32) {
        self.biasedTime = UInt64(bitPattern: time) ^ Self.signBit
        self.order = order
        self.slot = slot
    }

    /// Creates the key of an event due at `time` with `priority`, scheduled `sequence`-th.
    @inlinable
    internal init(time: Int64, priority: Int32, sequence: UInt32, slot: UInt32) {
        let biased = UInt64(UInt32(bitPattern: priority) ^ 0x8000_0000)
        self.init(time: time, order: biased << 32 | UInt64(sequence), slot: slot)
    }

    /// Fills the heap beyond its last event, so that every node can compare four children
    /// without a bounds check. Real keys always precede it: their sequence is never `UInt32.max`.
    @inlinable
    internal static var sentinel: EventKey {
        EventKey(time: .max, order: .max, slot: .max)
    }

    /// Due time in milliseconds.
    @inlinable
    internal var time: Int64 { Int64(bitPattern: biasedTime ^ Self.signBit) }

    @inlinable
    internal static var signBit: UInt64 { 1 << 63 }

    /// The priority the event was scheduled with.
    @inlinable
    internal var priority: Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: order >> 32) ^ 0x8000_0000)
    }

    /// Whether `self` fires strictly before `other` in (time, priority, sequence) order.
    @inlinable
    @inline(__always)
    internal func precedes(_ other: EventKey) -> Bool {
        precedenceBit(other) != 0
    }

    /// ``precedes(_:)`` as 1 or 0, computed with flags rather than branches: in a heap the
    /// outcome is a coin toss, which a branch predictor cannot learn.
    ///
    /// (time, order) is compared as one 128-bit unsigned number where the standard library has
    /// `UInt128` without an availability restriction: a compare and a subtract-with-borrow. On
    /// Apple platforms before macOS 15 the two words are compared separately (the same result).
    @inlinable
    @inline(__always)
    internal func precedenceBit(_ other: EventKey) -> Int {
        #if canImport(Darwin)
        let earlier = Self.bit(biasedTime < other.biasedTime)
        let tied = Self.bit(biasedTime == other.biasedTime) & Self.bit(order < other.order)
        return earlier | tied
        #else
        let mine = UInt128(biasedTime) << 64 | UInt128(order)
        let theirs = UInt128(other.biasedTime) << 64 | UInt128(other.order)
        return Self.bit(mine < theirs)
        #endif
    }

    @inlinable
    @inline(__always)
    internal static func bit(_ condition: Bool) -> Int {
        Int(truncatingIfNeeded: unsafeBitCast(condition, to: UInt8.self))
    }
}
