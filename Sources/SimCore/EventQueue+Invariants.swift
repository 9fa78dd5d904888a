extension EventQueue {
    /// Verifies the internal structure (heap order, sentinels, slot positions, free list,
    /// generations) and stops with a precondition failure on the first violation. Meant for
    /// tests and for debugging models; it is not called by the queue itself.
    /// - Complexity: O(n + s) for n pending events and s slots.
    public func checkInvariants() {
        checkHeapOrder()
        checkSlots()
    }

    private func checkHeapOrder() {
        let keys = storage.keys
        for index in 1..<Swift.max(1, storage.count) {
            let parent = (index - 1) / EventStorage<Payload>.arity
            precondition(!keys[index].precedes(keys[parent]), "heap order broken at \(index)")
        }
        for index in storage.count..<(storage.capacity + EventStorage<Payload>.keyPadding) {
            let key = keys[index]
            precondition(key.biasedTime == .max && key.order == .max, "no sentinel at \(index)")
        }
        for index in 0..<storage.count {
            precondition(UInt32(truncatingIfNeeded: keys[index].order) != .max, "sequence reserved for sentinels")
        }
    }

    private func checkSlots() {
        precondition(storage.slotCount <= storage.capacity, "more slots than capacity")
        var pending = Set<UInt32>()
        for index in storage.firstLiveIndex..<storage.count {
            let slot = storage.keys[index].slot
            precondition(Int(slot) < storage.slotCount, "slot \(slot) was never created")
            precondition(Int(storage.positions[Int(slot)]) == index, "slot \(slot) has wrong position")
            precondition(pending.insert(slot).inserted, "slot \(slot) holds two events")
        }
        precondition(storage.pendingCount + storage.freeCount == storage.slotCount, "slots leaked or double-freed")
        if storage.rootFired {
            let slot = Int(storage.keys[0].slot)
            precondition(storage.positions[slot] == -1, "fired root's slot \(slot) is not free")
        }
        for slot in UnsafeBufferPointer(start: storage.freeSlots, count: storage.freeCount) {
            precondition(storage.positions[Int(slot)] == -1, "free slot \(slot) is still in the heap")
            precondition(!pending.contains(slot), "free slot \(slot) is pending")
        }
    }
}
