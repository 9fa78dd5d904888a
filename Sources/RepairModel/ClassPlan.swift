import Scenario
import ServiceRules
import SimCore

/// One inventory class resolved for the model: where its circuits are, which segments its
/// tier monitors and its network grade protects, its dispatch rank and escalation delay.
struct ClassPlan {
    /// Index of the class's first circuit in the expanded inventory.
    var firstCircuit: Int32
    var circuits: Int32
    var region: Int32
    /// Bit `s` set: segment `s` (in `NetworkSegment.allCases` order) is monitored by the tier.
    var monitored: UInt8
    /// Bit `s` set: segment `s` is protected by the network grade.
    var protected: UInt8
    /// Dispatch rank before escalation: tier (catalogue order, untiered last), then customer grade.
    var rank: Int32
    /// Calendar time from `reported_at` at which a ticket waiting for a crew escalates.
    var escalationDelay: SimDuration

    /// Ranks are `tier × 8 + grade`, so they stay below ``escalatedBase``.
    static let gradesPerTier: Int32 = 8
    /// Priority offset of escalated repair tickets (ahead of every non-escalated ticket).
    static let escalatedBase: Int32 = 0
    /// Priority offset of non-escalated repair tickets.
    static let normalBase: Int32 = 1_000_000
    /// Priority of installation work (behind every repair ticket).
    static let installPriority: Int32 = 2_000_000

    /// The bit of a segment.
    static func bit(_ segment: NetworkSegment) -> UInt8 {
        1 << UInt8(NetworkSegment.allCases.firstIndex(of: segment)!)
    }

    /// Resolves a class; its limit comes from the rule engine's own lookup (see ``RestorationLimitProbe``).
    init(_ inventoryClass: InventoryClass, firstCircuit: Int, region: Int, scenario: Scenario, engine: RuleEngine) {
        let catalogue = scenario.catalogue
        self.firstCircuit = Int32(firstCircuit)
        circuits = Int32(inventoryClass.circuits)
        self.region = Int32(region)
        let tier = inventoryClass.tier.flatMap { catalogue.tier($0) }
        monitored = (tier?.monitoredSegments ?? []).reduce(0) { $0 | Self.bit($1) }
        let grade = catalogue.networkGrade(inventoryClass.networkGrade)
        protected = (grade?.protectedSegments ?? []).reduce(0) { $0 | Self.bit($1) }
        let tierRank = inventoryClass.tier.flatMap { key in catalogue.tiers.firstIndex { $0.key == key } }
            ?? catalogue.tiers.count
        let gradeRank = CustomerGrade.allCases.firstIndex(of: inventoryClass.customerGrade)!
        rank = Int32(tierRank) * Self.gradesPerTier + Int32(gradeRank)
        let limit = RestorationLimitProbe.limit(for: Self.circuit(inventoryClass, number: 1), engine: engine)
        let calendarMinutes = limit.clock == .calendar
            ? limit.minutes
            : limit.minutes / (Double(scenario.calendar.workingDayLength) / 60) * 1440
        escalationDelay = SimDuration(minutes: calendarMinutes * scenario.escalation.atFractionOfLimit)
    }

    /// Circuit number `number` (1-based) of a class, as the rule engine sees it.
    static func circuit(_ inventoryClass: InventoryClass, number: Int, window: Range<WallTime>? = nil) -> Circuit {
        Circuit(
            id: "\(inventoryClass.id)-\(number)", customerGrade: inventoryClass.customerGrade,
            product: inventoryClass.product, tier: inventoryClass.tier, monthlyFee: inventoryClass.monthlyFee,
            vpn: inventoryClass.isVPN, region: inventoryClass.region,
            start: window?.lowerBound, end: window?.upperBound)
    }
}

/// Asks the rule engine for a circuit's restoration limit, so the model never re-implements
/// the lookup (tier with VPN variant, else repair-limit matrix, else fallback tier).
///
/// ServiceRules keeps its resolver internal; the probe evaluates one zero-length outage ticket
/// on the circuit and reads the limit the engine judged it by.
enum RestorationLimitProbe {
    /// The limit in minutes (working minutes for a working-time limit) and its clock.
    static func limit(for circuit: Circuit, engine: RuleEngine) -> (minutes: Double, clock: RestorationClock) {
        let instant = WallTime(seconds: 0)
        let probe = TicketRecord(
            ticketID: "probe", circuitID: circuit.id, faultStart: instant, reportedAt: instant,
            dispatchedAt: nil, acceptedAt: nil, repairedAt: instant, confirmedAt: nil, outage: true)
        let evaluation = engine.evaluate(
            circuits: [circuit], tickets: [probe], span: instant..<WallTime(seconds: WallTime.secondsPerDay))
        guard let judged = evaluation.tickets.first else { return (.infinity, .calendar) }
        return (judged.restorationLimitMinutes, judged.restorationClock)
    }
}
