import ServiceRules

/// The accepted inventory as the ticket reader consults it on every row: circuit id → position,
/// and each circuit's service period by position.
struct CircuitIndex: Sendable {
    /// Circuit id → position (for an index of an inventory: its position in `records`).
    let positions: IdentifierTable
    /// Where the service periods come from.
    private let source: PeriodSource
    /// True when positions are those of an inventory's records (so they can be handed to the
    /// rule engine); false for a bare set of ids.
    var isInventoryOrder: Bool {
        if case .inventory = source { return true }
        return false
    }

    /// The service periods: read from the inventory's records, or given by position.
    private enum PeriodSource: Sendable {
        case inventory([Circuit])
        case given([ServicePeriod?])
    }

    /// An index of `ids` (unique) with their service periods (parallel to `ids`).
    init(ids: [String], periods: [ServicePeriod?]) {
        precondition(ids.count == periods.count, "CircuitIndex: one period per id")
        positions = Self.table(ids)
        source = .given(periods)
    }

    /// The accepted circuits of an inventory, by their position in it (the records are shared,
    /// not copied).
    /// - Parameter admittedIDs: the circuits' ids already indexed in position order (an
    ///   inventory's ``IngestResult/admittedIDs``); nil to index them here.
    init(circuits: [Circuit], admittedIDs: IdentifierTable? = nil) {
        if let admittedIDs {
            precondition(admittedIDs.ids.count == circuits.count, "CircuitIndex: one admitted id per circuit")
            positions = admittedIDs
        } else {
            positions = Self.table(circuits.lazy.map(\.id))
        }
        source = .inventory(circuits)
    }

    private static func table(_ ids: some Collection<String>) -> IdentifierTable {
        IdentifierTable(uniqueIDs: ids)
    }

    /// The ids of the circuits.
    var ids: [String] { positions.ids }

    /// The position of circuit `id`, or nil when it is not in the index: its place in the
    /// table, the (unique) ids being inserted in position order.
    func position(of id: String) -> Int? { positions.index(of: id) }

    /// The position of the circuit whose id is spelled by the UTF-8 `bytes`, or nil.
    func position(of bytes: UnsafeBufferPointer<UInt8>) -> Int? { positions.index(of: bytes) }

    /// Reads ahead what looking up the ids spelled by `spellings` will read
    /// (``IdentifierTable/warm(spellings:)``), then the service periods of the circuits found:
    /// each a cache miss in an inventory of a million circuits, overlapped here rather than
    /// taken one row at a time.
    func warm(_ spellings: [UnsafeBufferPointer<UInt8>]) -> UInt32 {
        let (places, read) = positions.warmPlaces(spellings: spellings)
        guard case .inventory(let circuits) = source else { return read }
        var periods: UInt32 = 0
        for place in places where place >= 0 && place < circuits.count {
            periods &+= UInt32(truncatingIfNeeded: circuits[place].start?.seconds ?? 0)
        }
        return read &+ periods
    }

    /// The id of the circuit at `position`.
    func id(at position: Int) -> String { positions.id(at: position) }

    /// The service period of the circuit at `position`; nil when it has no bounds.
    func period(at position: Int) -> ServicePeriod? {
        switch source {
        case .given(let periods): return periods[position]
        case .inventory(let circuits):
            let circuit = circuits[position]
            return circuit.start == nil && circuit.end == nil ? nil : ServicePeriod(start: circuit.start, end: circuit.end)
        }
    }
}
