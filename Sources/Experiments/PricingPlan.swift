import Scenario
import ServiceRules

/// What pricing needs to know of a scenario before any replication runs: the tier each
/// inventory class is judged under, and per tier its circuits, fees and protection cost.
public struct PricingPlan: Sendable {
    /// One tier's circuits and what they pay and cost each month.
    public struct TierInventory: Sendable, Hashable {
        /// The tier's key.
        public var key: String
        /// Circuits judged under the tier.
        public var circuits: Int
        /// Σ circuits × monthly fee: the tier's revenue per month at today's fees.
        public var feesPerMonth: Double
        /// Σ circuits × the protection cost of their network grade, per month.
        public var protectionPerMonth: Double
        /// Circuits that get a monthly SLA circuit report (`Communication.getsMonthlyReport`):
        /// the share of the account managers' report hours the tier carries.
        public var monthlyReportCircuits = 0

        /// Today's fee per circuit-month, weighted by circuits.
        public var averageFee: Double { circuits > 0 ? feesPerMonth / Double(circuits) : 0 }
        /// Protection cost per circuit-month, weighted by circuits.
        public var protectionPerCircuitMonth: Double { circuits > 0 ? protectionPerMonth / Double(circuits) : 0 }
    }

    /// The tier index (into ``tiers``) of every inventory class, in `Scenario.inventory` order.
    public var tierOfClass: [Int]
    /// The tiers with circuits, in catalogue order.
    public var tiers: [TierInventory]
    /// The regions with crews, in `Scenario.crews` order.
    public var regions: [String]
    /// Region index of every inventory class.
    public var regionOfClass: [Int]
    /// The rosters' yearly cost lines at the scenario's rates.
    public var staffCost: StaffCostPlan
    /// The hourly rates.
    public var costs: StaffCosts

    /// Resolves every class's tier with the rule engine itself (tier, else repair-limit matrix,
    /// else the fallback tier), so prices group circuits exactly as compliance figures do.
    public init(_ scenario: Scenario) {
        let engine = RuleEngine(catalogue: scenario.catalogue)
        let classTiers = scenario.inventory.map { Self.tier(of: $0, engine: engine) }
        let keys = (scenario.catalogue.tiers.map(\.key) + [RuleCatalogue.untiered]).filter(classTiers.contains)
        tierOfClass = classTiers.map { keys.firstIndex(of: $0)! }
        tiers = keys.map { TierInventory(key: $0, circuits: 0, feesPerMonth: 0, protectionPerMonth: 0) }
        for (inventoryClass, tier) in zip(scenario.inventory, tierOfClass) {
            let circuits = Double(inventoryClass.circuits)
            tiers[tier].circuits += inventoryClass.circuits
            tiers[tier].feesPerMonth += circuits * inventoryClass.monthlyFee
            tiers[tier].protectionPerMonth += circuits * scenario.costs.protection(networkGrade: inventoryClass.networkGrade)
            if scenario.communication.getsMonthlyReport(inventoryClass) { tiers[tier].monthlyReportCircuits += inventoryClass.circuits }
        }
        regions = scenario.regions
        regionOfClass = scenario.inventory.map { row in scenario.regions.firstIndex(of: row.region) ?? 0 }
        staffCost = StaffCostPlan(scenario)
        costs = scenario.costs
    }

    /// The tier a class's circuits are judged under (`RuleCatalogue.reportingTier(for:)`).
    static func tier(of inventoryClass: InventoryClass, engine: RuleEngine) -> String {
        engine.catalogue.reportingTier(for: inventoryClass.circuit(id: inventoryClass.id))
    }

    /// Whether the scenario has remote-fix engineers (`remoteEngineers:`).
    public var hasRemoteEngineers: Bool { staffCost.lines.contains { $0.group == "remoteEngineers" } }

    /// The yearly roster cost of a staff group of ``staffCost`` (`crews.east`, `onCall.east`, `agents`); 0 if absent.
    func rosterCostPerYear(_ group: String) -> Double {
        staffCost.lines.first { $0.group == group }?.costPerYear ?? 0
    }
}
