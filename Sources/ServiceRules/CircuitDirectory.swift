/// Circuit id → inventory position, as an open-addressing table over FNV-1a hashes of the id's
/// UTF-8 bytes. A slot is 8 bytes (hash check, position), so the probe table stays small enough
/// for the caches; at a million lookups per evaluation this beats `Dictionary<String, Int>`'s
/// seeded SipHash. The first of duplicate ids wins.
struct CircuitDirectory {
    struct Slot {
        var hash: UInt32
        /// Inventory position; −1 for an empty slot.
        var position: Int32
    }

    private var slots: [Slot]
    private let ids: [String]
    private let mask: Int

    init(_ circuits: [Circuit]) {
        ids = circuits.map(\.id)
        var capacity = 16
        while capacity < circuits.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: Slot(hash: 0, position: -1), count: capacity)
        for position in ids.indices { insert(position) }
    }

    private mutating func insert(_ position: Int) {
        let id = ids[position]
        let hash = CircuitDirectory.hash(id)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].position >= 0 {
            if slots[slot].hash == hash.check, ids[Int(slots[slot].position)] == id { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(hash: hash.check, position: Int32(position))
    }

    /// The inventory position of a circuit id, or −1 when unknown.
    @inline(__always)
    func position(of id: String) -> Int32 {
        let hash = CircuitDirectory.hash(id)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found.position < 0 || (found.hash == hash.check && ids[Int(found.position)] == id) {
                return found.position
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 31)
    }
}

extension UInt64 {
    /// The high half of a hash, stored in the slot to skip most string comparisons.
    @inline(__always) var check: UInt32 { UInt32(truncatingIfNeeded: self >> 32) }
}
