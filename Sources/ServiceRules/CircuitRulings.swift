import SimCore

/// What the rule engine resolves once per circuit of an inventory, whatever the tickets: the
/// circuit's plan (tier, restoration limit and its source), a rejection when its tier or
/// product is unknown, and its life span.
///
/// An experiment judges many replications' tickets against the same circuits under the same
/// rules, so it prepares this once and shares it, read-only, between its threads: at city
/// scale (millions of circuits) that spares every replication tens of megabytes and the
/// resolving of every circuit.
public struct CircuitRulings: Sendable {
    /// The rules the circuits were resolved by.
    public let catalogue: RuleCatalogue
    /// Each circuit's plan (an empty plan where rejected), by inventory position.
    let plans: [CircuitPlan]
    /// Rejections of circuits whose tier or product is unknown, by inventory position.
    let rejections: [Int: TicketRejection]
    /// Circuits' first instant of service and end of service (seconds), by inventory position.
    let lifeStarts: [Int64]
    let lifeEnds: [Int64]

    /// The number of circuits resolved.
    public var count: Int { plans.count }

    /// Resolves every circuit of `circuits` by `catalogue`.
    /// - Complexity: O(circuits); a circuit alike the one before it
    ///   (same tier, product, customer grade, customer type and VPN flag) reuses that circuit's plan.
    public init(catalogue: RuleCatalogue, circuits: [Circuit]) {
        self.init(engine: RuleEngine(catalogue: catalogue), circuits: circuits)
    }

    /// Resolves the circuits in fixed blocks of ``circuitBlock`` on up to `threads` threads (nil:
    /// one per core); the result never depends on the threads.
    init(engine: RuleEngine, circuits: [Circuit], threads: Int? = 1) {
        catalogue = engine.catalogue
        var starts: [Int64] = [], ends: [Int64] = []
        var blockRejections: [[Int: TicketRejection]] = []
        plans = [CircuitPlan](unsafeUninitializedCapacity: circuits.count) { plans, planCount in
            starts = [Int64](unsafeUninitializedCapacity: circuits.count) { starts, startCount in
                ends = [Int64](unsafeUninitializedCapacity: circuits.count) { ends, endCount in
                    let rulings = RulingsBuffers(plans: plans, lifeStarts: starts, lifeEnds: ends)
                    let blocks = CircuitBlocks(size: Self.circuitBlock, circuits: circuits.count)
                    blockRejections = Replications.run(blocks.count, threads: threads) { block in
                        rulings.resolve(circuits, blocks.members(block), engine: engine)
                    }
                    endCount = circuits.count
                }
                startCount = circuits.count
            }
            planCount = circuits.count
        }
        (lifeStarts, lifeEnds) = (starts, ends)
        rejections = blockRejections.reduce(into: [:]) { all, block in all.merge(block) { first, _ in first } }
    }

    /// Circuits resolved together on one thread (fixed, so the blocks never depend on the threads).
    static let circuitBlock = 1 << 15

    /// Whether these rulings hold for `circuits` judged by `catalogue` (the same rules and as
    /// many circuits: the caller vouches that the circuits are the ones resolved).
    public func fits(_ circuits: [Circuit], catalogue: RuleCatalogue) -> Bool {
        circuits.count == count && catalogue == self.catalogue
    }

    /// Every circuit's plan (a rejection where its tier or product is unknown).
    static func plans(of circuits: [Circuit], engine: RuleEngine)
        -> (plans: [CircuitPlan], rejections: [Int: TicketRejection]) {
        let rulings = CircuitRulings(engine: engine, circuits: circuits)
        return (rulings.plans, rulings.rejections)
    }
}

/// The rulings' arrays as the resolving threads fill them, each element written by exactly one
/// thread (the one resolving its block) before any is read.
private struct RulingsBuffers: @unchecked Sendable {
    let plans: UnsafeMutableBufferPointer<CircuitPlan>
    let lifeStarts: UnsafeMutableBufferPointer<Int64>
    let lifeEnds: UnsafeMutableBufferPointer<Int64>

    /// Resolves `circuits[members]` into the buffers; returns their rejections. A circuit with
    /// the same tier, product, customer grade, customer type and VPN flag as the one before it —
    /// the fields a plan depends on — reuses that circuit's outcome: inventories come in runs of
    /// alike circuits.
    func resolve(_ circuits: [Circuit], _ members: Range<Int>, engine: RuleEngine) -> [Int: TicketRejection] {
        var rejections: [Int: TicketRejection] = [:]
        var previous: (position: Int, rejection: TicketRejection?)?
        for position in members {
            lifeStarts.initializeElement(at: position, to: circuits[position].start?.seconds ?? .min)
            lifeEnds.initializeElement(at: position, to: circuits[position].end?.seconds ?? .max)
            if let (last, rejection) = previous, Circuit.samePlan(circuits, position, last) {
                plans.initializeElement(at: position, to: plans[last])
                if let rejection { rejections[position] = rejection }
                continue
            }
            switch engine.plan(for: circuits[position]) {
            case .success(let plan):
                plans.initializeElement(at: position, to: plan)
                previous = (position, nil)
            case .failure(let rejection):
                plans.initializeElement(at: position, to: CircuitPlan())
                rejections[position] = rejection
                previous = (position, rejection)
            }
        }
        return rejections
    }
}
