import Scenario
import ServiceRules
import SimCore

/// One inventory class resolved for the model: where its circuits are, which segments its
/// tier monitors and its network grade protects, its dispatch rank, restoration deadline and
/// escalation levels.
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
    /// The escalation levels the class's tickets can reach and when, from `reported_at`.
    var escalations: [ClassEscalation]
    /// When a ticket's restoration limit runs out (the earliest-deadline policy's key).
    var restorationDeadline: RestorationDeadline
    /// The after-sales level's progress-update interval (zero: no updates).
    var updateInterval: SimDuration
    /// Whether the tier the circuit is judged under promises a fault report after repair.
    var writesReport: Bool
    /// Whether its circuits get a monthly SLA circuit report (`communication.monthlyReport.tiers`).
    var getsMonthlyReport: Bool
    /// Whether its outages are notified to the customer (`communication.outageNotice.tiers`).
    var notifiesOutage: Bool

    /// Ranks are `tier × 8 + grade`.
    static let gradesPerTier: Int32 = 8
    /// The crews' line band of escalated repair tickets (ahead of every other job).
    static let escalatedBand: Int32 = 0
    /// The crews' line band of the other repair tickets.
    static let repairBand: Int32 = 1
    /// The crews' line band of installation work (behind every repair ticket).
    static let installBand: Int32 = 2

    /// The bit of a segment.
    static func bit(_ segment: NetworkSegment) -> UInt8 {
        1 << UInt8(NetworkSegment.allCases.firstIndex(of: segment)!)
    }

    /// Resolves a class; its limit comes from the rule engine's own lookup
    /// (`RuleCatalogue.restorationLimit(for:)`: tier with VPN variant, else matrix, else fallback).
    init(_ inventoryClass: InventoryClass, firstCircuit: Int, region: Int, scenario: Scenario) {
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
        let circuit = Self.circuit(inventoryClass, number: 1)
        let limit = catalogue.restorationLimit(for: circuit)
        restorationDeadline = RestorationDeadline(limit, calendar: catalogue.restorationCalendar(for: circuit))
        let calendarMinutes: Double
        switch limit {
        case .calendar(let seconds): calendarMinutes = Double(seconds) / 60
        case .workingDays(let days): calendarMinutes = SimDuration.days(Int64(days)).minutes   // N × 24 h (approximation)
        }
        escalations = ClassEscalation.levels(of: inventoryClass, limitMinutes: calendarMinutes, scenario: scenario)
        updateInterval = Self.updateInterval(inventoryClass, catalogue: catalogue)
        writesReport = Self.writesReport(inventoryClass, catalogue: catalogue)
        let communication = scenario.communication
        getsMonthlyReport = communication.getsMonthlyReport(inventoryClass)
        notifiesOutage = inventoryClass.tier.map { communication.outageNotice?.tiers.contains($0) ?? false } ?? false
    }

    /// The class's after-sales progress-update interval (zero: no updates).
    static func updateInterval(_ inventoryClass: InventoryClass, catalogue: RuleCatalogue) -> SimDuration {
        .seconds(catalogue.afterSalesLevel(inventoryClass.afterSalesLevel)?.progressUpdateSeconds ?? 0)
    }

    /// Whether the tier the class's circuits are judged under (`RuleCatalogue.reportingTier(for:)`;
    /// untiered circuits promise none) promises a fault report after repair.
    static func writesReport(_ inventoryClass: InventoryClass, catalogue: RuleCatalogue) -> Bool {
        let tier = catalogue.reportingTier(for: circuit(inventoryClass, number: 1))
        return (catalogue.tier(tier)?.faultReportWorkingDays ?? 0) > 0
    }

    /// Circuit number `number` (1-based) of a class, as the rule engine sees it.
    static func circuit(_ inventoryClass: InventoryClass, number: Int, window: Range<WallTime>? = nil) -> Circuit {
        inventoryClass.circuit(id: "\(inventoryClass.id)-\(number)", start: window?.lowerBound, end: window?.upperBound)
    }
}
