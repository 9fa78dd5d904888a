import ServiceRules

/// A class of identical circuits in the inventory: same product, tier, grades, region and fee.
/// The model creates `circuits` individual circuits from it, each with its own faults and history.
public struct InventoryClass: Sendable, Hashable {
    /// The row's key in the file (e.g. `east-sdh-aaa`), unique; used to name circuits and in reports.
    public var id: String
    /// Canonical product key from the catalogue, e.g. `mpls-vpn`.
    public var product: String
    /// Tier key from the catalogue; nil means none (repair-limit matrix, then the fallback tier).
    public var tier: String?
    /// The customers' grade.
    public var customerGrade: CustomerGrade
    /// Network grade key: the row's own, else the tier's, else `N`. Decides the protected segments.
    public var networkGrade: String
    /// After-sales level key (`VIP-SL1..3`): the row's own, else by customer grade.
    public var afterSalesLevel: String
    /// The region whose crews repair these circuits.
    public var region: String
    /// Number of circuits (≥ 1).
    public var circuits: Int
    /// Monthly fee per circuit, in the currency of `costs`.
    public var monthlyFee: Double
    /// Whether the circuits take VPN restoration limits (from the product).
    public var isVPN: Bool
    /// The customers' type (800/4008 limits depend on it); nil when the row does not say.
    public var customerType: CustomerType? = nil

    /// One circuit of the class as the rule engine sees it, with id `id` and service window.
    public func circuit(id: String, start: WallTime? = nil, end: WallTime? = nil) -> Circuit {
        Circuit(id: id, customerGrade: customerGrade, product: product, tier: tier, monthlyFee: monthlyFee,
                vpn: isVPN, region: region, start: start, end: end, customerType: customerType)
    }
}
