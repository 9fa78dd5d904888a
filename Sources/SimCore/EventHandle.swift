/// Identifies one scheduled event so that it can be cancelled before it fires.
///
/// A handle names a storage slot and the slot's generation at scheduling time. Slots are
/// reused, but every reuse bumps the generation, so a handle kept after its event fired or
/// was cancelled (a stale handle) never matches, and never cancels, a later event.
/// (A generation is 32 bits: a slot would have to be reused 2³² times for a stale handle to
/// become ambiguous.)
public struct EventHandle: Hashable, Sendable {
    /// Index of the slot that holds the event's payload.
    @usableFromInline
    internal let slot: UInt32

    /// The slot's generation when the event was scheduled.
    @usableFromInline
    internal let generation: UInt32

    /// Creates a handle for `slot` at `generation`.
    @inlinable
    internal init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}
