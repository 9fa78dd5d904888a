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
    /// - Complexity: O(circuits); a circuit alike the one before it (same tier, product,
    ///   customer grade and VPN flag) reuses that circuit's plan.
    public init(catalogue: RuleCatalogue, circuits: [Circuit]) {
        self.init(engine: RuleEngine(catalogue: catalogue), circuits: circuits)
    }

    init(engine: RuleEngine, circuits: [Circuit]) {
        catalogue = engine.catalogue
        (plans, rejections) = Self.plans(of: circuits, engine: engine)
        lifeStarts = circuits.map { $0.start?.seconds ?? .min }
        lifeEnds = circuits.map { $0.end?.seconds ?? .max }
    }

    /// Whether these rulings hold for `circuits` judged by `catalogue` (the same rules and as
    /// many circuits: the caller vouches that the circuits are the ones resolved).
    public func fits(_ circuits: [Circuit], catalogue: RuleCatalogue) -> Bool {
        circuits.count == count && catalogue == self.catalogue
    }

    /// Every circuit's plan (a rejection where its tier or product is unknown). A circuit with
    /// the same tier, product, customer grade and VPN flag as the one before it — the fields a
    /// plan depends on — reuses that circuit's outcome: inventories come in runs of alike circuits.
    static func plans(of circuits: [Circuit], engine: RuleEngine)
        -> (plans: [CircuitPlan], rejections: [Int: TicketRejection]) {
        var plans: [CircuitPlan] = []
        var rejections: [Int: TicketRejection] = [:]
        plans.reserveCapacity(circuits.count)
        var previous: (position: Int, rejection: TicketRejection?)?
        for position in circuits.indices {
            if let (last, rejection) = previous, Circuit.samePlan(circuits, position, last) {
                plans.append(plans[last])
                if let rejection { rejections[position] = rejection }
                continue
            }
            switch engine.plan(for: circuits[position]) {
            case .success(let plan):
                plans.append(plan)
                previous = (position, nil)
            case .failure(let rejection):
                plans.append(CircuitPlan())
                rejections[position] = rejection
                previous = (position, rejection)
            }
        }
        return (plans, rejections)
    }
}
