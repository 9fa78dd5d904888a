extension EventQueue {
    /// Verifies the internal structure (heap order, slot positions, free list, generations)
    /// and stops with a precondition failure on the first violation. Meant for tests and for
    /// debugging models; it is not called by the queue itself.
    /// - Complexity: O(n + s) for n pending events and s slots.
    public func checkInvariants() {
        checkHeapOrder()
        checkSlots()
    }

    private func checkHeapOrder() {
        for index in heap.indices.dropFirst() {
            let parent = (index - 1) / Self.arity
            let ordered = sequences.withUnsafeBufferPointer { !heap[index].precedes(heap[parent], sequences: $0) }
            precondition(ordered, "heap order broken at \(index)")
        }
    }

    private func checkSlots() {
        precondition(payloads.count == positions.count && positions.count == generations.count
            && sequences.count == positions.count)
        for (index, key) in heap.enumerated() {
            precondition(Int(positions[Int(key.slot)]) == index, "slot \(key.slot) has wrong position")
            precondition(payloads[Int(key.slot)] != nil, "pending slot \(key.slot) has no payload")
        }
        precondition(heap.count + freeSlots.count == payloads.count, "slots leaked or double-freed")
        for slot in freeSlots {
            precondition(positions[Int(slot)] == -1, "free slot \(slot) is still in the heap")
            precondition(payloads[Int(slot)] == nil, "free slot \(slot) retains a payload")
        }
    }
}
