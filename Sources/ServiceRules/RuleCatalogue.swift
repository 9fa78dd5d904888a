/// Everything the rule engine judges by: grades, products, network grades, tiers, after-sales
/// levels, the repair-limit matrix, checkpoint limits and business calendars.
///
/// Start from `RuleCatalogue.builtIn` and apply a rules file with `applying(rulesYAML:file:)`.
/// Lists keep their order (tiers are reported in catalogue order).
public struct RuleCatalogue: Hashable, Sendable {
    /// The customer grades, highest first.
    public var customerGrades: [CustomerGrade] = CustomerGrade.allCases
    /// Products, in catalogue order.
    public var products: [Product]
    /// Network grades A, B, C, N.
    public var networkGrades: [NetworkGrade]
    /// Service tiers, in catalogue (reporting) order.
    public var tiers: [ServiceTier]
    /// After-sales levels VIP-SL1..3.
    public var afterSalesLevels: [AfterSalesLevel]
    /// Default repair limits for circuits without a tier.
    public var repairLimits: RepairLimitMatrix
    /// Dispatch / accept / confirmation limits.
    public var checkpointLimits: CheckpointLimits
    /// Business calendars by name.
    public var calendars: [BusinessCalendar]
    /// The tier used when neither a tier nor a repair-limit row applies (`QLC`).
    public var fallbackTier: String

    /// A catalogue from its parts.
    public init(
        products: [Product], networkGrades: [NetworkGrade], tiers: [ServiceTier],
        afterSalesLevels: [AfterSalesLevel], repairLimits: RepairLimitMatrix,
        checkpointLimits: CheckpointLimits = CheckpointLimits(),
        calendars: [BusinessCalendar], fallbackTier: String = "QLC"
    ) {
        self.products = products
        self.networkGrades = networkGrades
        self.tiers = tiers
        self.afterSalesLevels = afterSalesLevels
        self.repairLimits = repairLimits
        self.checkpointLimits = checkpointLimits
        self.calendars = calendars
        self.fallbackTier = fallbackTier
    }

    /// The product with a key.
    public func product(_ key: String) -> Product? { products.first { $0.key == key } }
    /// The tier with a key.
    public func tier(_ key: String) -> ServiceTier? { tiers.first { $0.key == key } }
    /// The network grade with a key.
    public func networkGrade(_ key: String) -> NetworkGrade? { networkGrades.first { $0.key == key } }
    /// The calendar with a name.
    public func calendar(_ name: String) -> BusinessCalendar? { calendars.first { $0.name == name } }
    /// The after-sales level with a key.
    public func afterSalesLevel(_ key: String) -> AfterSalesLevel? {
        afterSalesLevels.first { $0.key == key }
    }

    /// Whether a circuit is a VPN: its own flag, else its product's.
    public func isVPN(_ circuit: Circuit) -> Bool {
        circuit.vpn ?? product(circuit.product)?.isVPN ?? false
    }
}
