// Heap and slot maintenance behind EventQueue's public verbs. Everything here is
// @inlinable because models in other modules call the queue in their innermost loop.

extension EventQueue {
    /// Children per heap node. A 4-ary heap is shallower than a binary one and its four
    /// children share one or two cache lines; measured faster on the hold model.
    @usableFromInline
    internal static var arity: Int { 4 }

    /// Takes a free slot (or appends one) and stores `payload` in it.
    @inlinable
    internal mutating func occupySlot(with payload: Payload) -> UInt32 {
        let sequence = nextSequence
        nextSequence &+= 1
        if let slot = freeSlots.popLast() {
            payloads[Int(slot)] = payload
            sequences[Int(slot)] = sequence
            return slot
        }
        precondition(payloads.count < Int(UInt32.max), "EventQueue: too many pending events")
        payloads.append(payload)
        positions.append(-1)
        sequences.append(sequence)
        generations.append(0)
        return UInt32(payloads.count - 1)
    }

    /// Frees `slot`, invalidating its handles, and returns the payload it held.
    @inlinable
    internal mutating func vacateSlot(_ slot: UInt32) -> Payload {
        let index = Int(slot)
        let payload = payloads[index].take()!
        positions[index] = -1
        generations[index] &+= 1
        freeSlots.append(slot)
        return payload
    }

    /// Removes the key at heap index `position`, filling the hole with the last key.
    @inlinable
    internal mutating func removeKey(at position: Int) {
        let last = heap.removeLast()
        guard position < heap.count else { return }
        let climbs = position > 0 && sequences.withUnsafeBufferPointer {
            last.precedes(heap[(position - 1) / Self.arity], sequences: $0)
        }
        if climbs {
            siftUp(last, from: position)
        } else {
            siftDown(last, from: position)
        }
    }

    /// Places `key` at the hole `index` or above it, moving larger parents down.
    /// - Complexity: O(log n).
    @inlinable
    internal mutating func siftUp(_ key: EventKey, from index: Int) {
        heap.withUnsafeMutableBufferPointer { keys in
            positions.withUnsafeMutableBufferPointer { positions in
                sequences.withUnsafeBufferPointer { sequences in
                var hole = index
                while hole > 0 {
                    let parent = (hole - 1) / Self.arity
                    let parentKey = keys[parent]
                    guard key.precedes(parentKey, sequences: sequences) else { break }
                    keys[hole] = parentKey
                    positions[Int(parentKey.slot)] = Int32(truncatingIfNeeded: hole)
                    hole = parent
                }
                keys[hole] = key
                positions[Int(key.slot)] = Int32(truncatingIfNeeded: hole)
                }
            }
        }
    }

    /// Places `key` at the hole `index` or below it, moving smaller children up.
    /// - Complexity: O(log n).
    @inlinable
    internal mutating func siftDown(_ key: EventKey, from index: Int) {
        heap.withUnsafeMutableBufferPointer { keys in
            positions.withUnsafeMutableBufferPointer { positions in
                sequences.withUnsafeBufferPointer { sequences in
                var hole = index
                while true {
                    let child = Self.smallestChild(of: hole, in: UnsafeBufferPointer(keys), sequences: sequences)
                    guard child >= 0, keys[child].precedes(key, sequences: sequences) else { break }
                    let childKey = keys[child]
                    keys[hole] = childKey
                    positions[Int(childKey.slot)] = Int32(truncatingIfNeeded: hole)
                    hole = child
                }
                keys[hole] = key
                positions[Int(key.slot)] = Int32(truncatingIfNeeded: hole)
                }
            }
        }
    }

    /// Index of the earliest child of `parent`, or -1 when it has none.
    @inlinable
    @inline(__always)
    internal static func smallestChild(
        of parent: Int, in keys: UnsafeBufferPointer<EventKey>, sequences: UnsafeBufferPointer<UInt64>
    ) -> Int {
        let first = parent &* arity &+ 1
        if arity == 4 && first &+ 3 < keys.count {
            // A tournament: the two first-round comparisons are independent of each other.
            let left = earlier(first, first &+ 1, in: keys, sequences)
            let right = earlier(first &+ 2, first &+ 3, in: keys, sequences)
            return earlier(left, right, in: keys, sequences)
        }
        guard first < keys.count else { return -1 }
        let end = Swift.min(first &+ arity, keys.count)
        var best = first
        var child = first &+ 1
        while child < end {
            best = earlier(best, child, in: keys, sequences)
            child &+= 1
        }
        return best
    }

    /// Whichever of the keys at `a` and `b` fires first (`a` on a tie, which cannot happen).
    @inlinable
    @inline(__always)
    internal static func earlier(
        _ a: Int, _ b: Int, in keys: UnsafeBufferPointer<EventKey>, _ sequences: UnsafeBufferPointer<UInt64>
    ) -> Int {
        keys[b].precedes(keys[a], sequences: sequences) ? b : a
    }

    /// Removes the root key. Floyd's bottom-up variant: the hole at the root descends along
    /// the earliest children to a leaf without comparing against the displaced last key, which
    /// is then sifted up from there. The last key is usually late (it sat at a leaf), so it
    /// rarely climbs, and each level costs one comparison fewer than the textbook sift-down.
    /// - Complexity: O(log n).
    @inlinable
    internal mutating func removeRootKey() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        let leaf = heap.withUnsafeMutableBufferPointer { keys in
            positions.withUnsafeMutableBufferPointer { positions in
                sequences.withUnsafeBufferPointer { sequences in
                var hole = 0
                while true {
                    let child = Self.smallestChild(of: hole, in: UnsafeBufferPointer(keys), sequences: sequences)
                    guard child >= 0 else { return hole }
                    let childKey = keys[child]
                    keys[hole] = childKey
                    positions[Int(childKey.slot)] = Int32(truncatingIfNeeded: hole)
                    hole = child
                }
                }
            }
        }
        siftUp(last, from: leaf)
    }
}
