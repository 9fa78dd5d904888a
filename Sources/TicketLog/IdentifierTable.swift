#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ids (of circuits, of tickets) → a number (an inventory position, the line an id was first
/// seen on), as an open-addressing table over hashes of the ids' UTF-8 bytes (``hash(_:)-bytes``).
///
/// The readers look up one or two ids per row of files with a million rows; a `Dictionary`
/// hashes each `String` with seeded SipHash and stores 24-byte entries, this table hashes the
/// bytes with a few multiplications and probes 8-byte slots. The first value given for an id
/// is kept.
struct IdentifierTable: Sendable {
    /// The ids, in the order first inserted.
    private(set) var ids: [String] = []
    /// The value of each id (parallel to `ids`).
    private(set) var values: [Int] = []
    /// At most 70 % full (``holds(_:in:)``), so probe runs stay short (a few 8-byte slots).
    private var slots: [Slot]
    private var mask: Int
    /// The entries of the slots read ahead (``warm(hash:)``), summed: kept, so the reads are made.
    private var warmedSlots: UInt32 = 0

    /// An id's place in `ids`, with high bits of its hash that settle most probes without
    /// comparing strings (each comparison is a cache miss or two in a table of a million ids).
    struct Slot: Sendable {
        /// High half of the hash.
        var check: UInt32
        /// Index in `ids` + 1; 0 for an empty slot.
        var entry: UInt32
    }

    /// An empty table with room for `expectedCount` ids before it grows.
    init(expectedCount: Int = 0) {
        var capacity = 16
        while !Self.holds(expectedCount, in: capacity) { capacity *= 2 }
        mask = capacity - 1
        slots = Self.emptySlots(capacity)
        ids = LargePages.reserved(expectedCount)
        values = LargePages.reserved(expectedCount)
    }

    /// `count` empty slots, in large pages where the system gives them (``LargePages``).
    private static func emptySlots(_ count: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
            LargePages.advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: Slot(check: 0, entry: 0))
            initialized = count
        }
    }

    /// The value of `id`, or nil when it is not in the table.
    func value(of id: String) -> Int? {
        let entry = slots[find(id, hash: Self.hash(id))].entry
        return entry == 0 ? nil : values[Int(entry) - 1]
    }

    /// The place of `id` in `ids` (the order of first insertion), or nil when it is not in the
    /// table; saves reading `values` when the value is that place.
    func index(of id: String) -> Int? {
        let entry = slots[find(id, hash: Self.hash(id))].entry
        return entry == 0 ? nil : Int(entry) - 1
    }

    /// The place of the id spelled by the UTF-8 `bytes` in `ids`, or nil when it is not in
    /// the table: ``index(of:)`` without building a `String`.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(bytes)
        let check = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found.entry == 0 { return nil }
            if found.check == check, Self.spells(ids[Int(found.entry) - 1], bytes) { return Int(found.entry) - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Reads what looking up the ids spelled by `spellings` (UTF-8) will read — their first
    /// slots, then the ids those hold, then those ids' bytes — each kind in one loop, so that
    /// the cache misses overlap; returns a sum of what was read, for the caller to keep.
    func warm(spellings: [UnsafeBufferPointer<UInt8>]) -> UInt32 { warmPlaces(spellings: spellings).read }

    /// ``warm(spellings:)``, also returning the places in `ids` of the ids the spellings' first
    /// slots hold (most often the ids spelled; -1 for an empty slot), for the caller to read
    /// ahead what it keeps by place.
    func warmPlaces(spellings: [UnsafeBufferPointer<UInt8>]) -> (places: [Int], read: UInt32) {
        let places = spellings.map { Int(slots[Int(truncatingIfNeeded: Self.hash($0)) & mask].entry) - 1 }
        var read: UInt32 = 0
        for place in places where place >= 0 { read &+= UInt32(truncatingIfNeeded: ids[place].utf8.count) }
        for place in places where place >= 0 {
            read &+= UInt32(ids[place].utf8.withContiguousStorageIfAvailable { $0.first ?? 0 } ?? 0)
        }
        return (places, read)
    }

    /// The id at `index` in `ids` (the order of first insertion).
    func id(at index: Int) -> String { ids[index] }

    /// True when `id`'s UTF-8 is exactly `bytes`.
    private static func spells(_ id: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        id.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == bytes.count && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        } ?? id.utf8.elementsEqual(bytes)
    }

    /// A table of `ids`, none twice, each valued by its place in `ids`. The ids are inserted a
    /// group at a time, each group's slots read first (``warm(hash:)``).
    init(uniqueIDs: some Collection<String>) {
        self.init(expectedCount: uniqueIDs.count)
        var group: [(id: String, hash: UInt64)] = []
        group.reserveCapacity(Self.warmedGroup)
        for id in uniqueIDs {
            group.append((id, Self.hash(id)))
            if group.count == Self.warmedGroup { insertUnique(&group) }
        }
        insertUnique(&group)
    }

    /// Ids inserted together by ``init(uniqueIDs:)``.
    private static var warmedGroup: Int { 32 }

    /// Inserts a group of ids not yet in the table, each valued by its place, and empties it.
    private mutating func insertUnique(_ group: inout [(id: String, hash: UInt64)]) {
        for member in group { warm(hash: member.hash) }
        for member in group {
            let earlier = insert(member.id, hash: member.hash, value: ids.count)
            precondition(earlier == nil, "IdentifierTable: ids must be unique")
        }
        group.removeAll(keepingCapacity: true)
    }

    /// Adds `id` with `value` unless it is already there; returns the value it already had.
    /// - Parameter hash: `Self.hash(id)`, when the caller computed it ahead (on another thread).
    /// - Complexity: amortised O(length of the id).
    mutating func insert(_ id: String, hash: UInt64? = nil, value: Int) -> Int? {
        let hash = hash ?? Self.hash(id)
        let slot = find(id, hash: hash)
        if slots[slot].entry != 0 { return values[Int(slots[slot].entry) - 1] }
        ids.append(id)
        values.append(value)
        slots[slot] = Slot(check: UInt32(truncatingIfNeeded: hash >> 32), entry: UInt32(ids.count))
        if !Self.holds(ids.count, in: slots.count) { grow() }
        return nil
    }

    /// Reads the first slot an id with `hash` probes, so that its insert soon after finds the
    /// slot in the cache: a caller about to insert many ids reads their slots first, in one
    /// loop, letting the processor overlap the cache misses.
    mutating func warm(hash: UInt64) { warmedSlots &+= slots[Int(truncatingIfNeeded: hash) & mask].entry }

    /// True when `count` ids leave a table of `capacity` slots at most 70 % full.
    private static func holds(_ count: Int, in capacity: Int) -> Bool { count * 10 <= capacity * 7 }

    /// The slot holding `id`, or the empty slot where it would go.
    private func find(_ id: String, hash: UInt64) -> Int {
        let check = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found.entry == 0 || (found.check == check && ids[Int(found.entry) - 1] == id) { return slot }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = Self.emptySlots(slots.count * 2)
        mask = slots.count - 1
        for index in ids.indices {
            let hash = Self.hash(ids[index])
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(check: UInt32(truncatingIfNeeded: hash >> 32), entry: UInt32(index + 1))
        }
    }

    /// The hash of `id`'s UTF-8 bytes (``hash(_:)-bytes``).
    static func hash(_ id: String) -> UInt64 {
        id.utf8.withContiguousStorageIfAvailable { hash($0) } ?? Array(id.utf8).withUnsafeBufferPointer { hash($0) }
    }

    /// A hash of the bytes eight at a time (a multiply and a shift a word, then the SplitMix64
    /// finaliser), so that the low bits (the slot) and the high ones (the check) both depend
    /// on every byte; a few times faster than a byte at a time for ids of 10–30 bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                hash = mixed(hash ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += 8
            }
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            for offset in index..<bytes.count { tail |= UInt64(bytes[offset]) << (8 * (offset - index)) }
            hash = mixed(hash ^ tail)
        }
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    @inline(__always)
    private static func mixed(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }
}
