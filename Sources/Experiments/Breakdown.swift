import ServiceRules

/// How the figures of a run are grouped: by service tier, product, customer grade or region.
public enum Breakdown: String, CaseIterable, Sendable, Hashable, Codable, CodingKeyRepresentable {
    /// The tier the rule engine judges a circuit under (its own, else the fallback tier).
    case tier
    /// The circuit's product key.
    case product
    /// The customer grade.
    case grade
    /// The region the circuit is in.
    case region

    /// The group a circuit falls in, for every breakdown but `.tier` (whose key comes from the
    /// rule engine, which knows the fallback tier of an untiered circuit).
    func key(of circuit: Circuit) -> String {
        switch self {
        case .tier: return circuit.tier ?? ""
        case .product: return circuit.product
        case .grade: return circuit.customerGrade.rawValue
        case .region: return circuit.region ?? ""
        }
    }
}
