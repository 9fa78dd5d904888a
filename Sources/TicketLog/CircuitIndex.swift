import ServiceRules

/// The accepted inventory as the ticket reader consults it on every row: circuit id → inventory
/// position, and each circuit's service period by position.
///
/// An open-addressing table over FNV-1a hashes of the ids' UTF-8 bytes: built once per
/// inventory, with no `Set` and `Dictionary` of a million `String` keys to build and hash with
/// seeded SipHash on every look-up.
struct CircuitIndex: Sendable {
    /// Accepted circuit ids, by position.
    let ids: [String]
    /// Service period by position; nil for a circuit in service without bounds.
    let periods: [ServicePeriod?]
    /// Slot → position + 1; 0 for an empty slot.
    private var slots: [Int32]
    private let mask: Int

    /// An index of `ids` (unique) with their service periods (parallel to `ids`).
    init(ids: [String], periods: [ServicePeriod?]) {
        precondition(ids.count == periods.count, "CircuitIndex: one period per id")
        self.ids = ids
        self.periods = periods
        var capacity = 16
        while capacity < ids.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: 0, count: capacity)
        for position in ids.indices { insert(position) }
    }

    /// The accepted circuits of an inventory, by their position in it.
    init(circuits: [Circuit]) {
        self.init(ids: circuits.map(\.id), periods: circuits.map { circuit in
            circuit.start == nil && circuit.end == nil ? nil : ServicePeriod(start: circuit.start, end: circuit.end)
        })
    }

    private mutating func insert(_ position: Int) {
        var slot = Self.hash(ids[position]) & mask
        while slots[slot] != 0 {
            if ids[Int(slots[slot]) - 1] == ids[position] { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(position + 1)
    }

    /// The position of circuit `id`, or nil when it is not in the index.
    func position(of id: String) -> Int? {
        var slot = Self.hash(id) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if ids[entry - 1] == id { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over the UTF-8 bytes, folded so the low bits (the slot) see the high ones.
    private static func hash(_ id: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
