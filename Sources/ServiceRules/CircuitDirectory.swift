/// Circuit id → position in the inventory, as an open-addressing table over FNV-1a hashes of the
/// id's UTF-8 bytes: cheaper per lookup than `Dictionary<String, Int>`'s seeded SipHash, which
/// matters at a million lookups per evaluation. The first of duplicate ids wins.
struct CircuitDirectory {
    private let ids: [String]
    private let slots: [Int32]
    private let slotHashes: [UInt64]
    private let mask: Int

    init(_ circuits: [Circuit]) {
        ids = circuits.map(\.id)
        var capacity = 16
        while capacity < circuits.count * 2 { capacity *= 2 }
        mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes = [UInt64](repeating: 0, count: capacity)
        for (position, id) in ids.enumerated() {
            let hash = CircuitDirectory.hash(id)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0, !(hashes[slot] == hash && ids[Int(slots[slot])] == id) {
                slot = (slot + 1) & mask
            }
            if slots[slot] < 0 {
                slots[slot] = Int32(position)
                hashes[slot] = hash
            }
        }
        self.slots = slots
        slotHashes = hashes
    }

    /// The inventory position of a circuit id, or nil when unknown.
    @inline(__always)
    func position(of id: String) -> Int? {
        let hash = CircuitDirectory.hash(id)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let position = slots[slot]
            if position < 0 { return nil }
            if slotHashes[slot] == hash, ids[Int(position)] == id { return Int(position) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }
}
