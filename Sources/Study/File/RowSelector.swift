import Scenario

/// Which inventory rows a transformation applies to: for each field named, the values it may
/// take; a row is selected when every named field has one of its values. No field selects
/// every row.
struct RowSelector {
    /// The fields a study may select on, in the order they are described.
    enum Field: String, CaseIterable {
        case tier, product, grade, region, networkGrade, afterSales

        /// The row's value of the field (`none` for a row without a tier).
        func value(of row: InventoryClass) -> String {
            switch self {
            case .tier: return row.tier ?? "none"
            case .product: return row.product
            case .grade: return row.customerGrade.rawValue
            case .region: return row.region
            case .networkGrade: return row.networkGrade
            case .afterSales: return row.afterSalesLevel
            }
        }
    }

    /// The values allowed per field, in file order; a field not listed is not constrained.
    var criteria: [(field: Field, values: [String])] = []

    func matches(_ row: InventoryClass) -> Bool {
        criteria.allSatisfy { $0.values.contains($0.field.value(of: row)) }
    }

    /// The selection in words for change lines: `SLA-A mpls-vpn`, `SLA-A/SLA-AA`, `all`.
    var label: String {
        criteria.isEmpty ? "all" : criteria.map { $0.values.joined(separator: "/") }.joined(separator: " ")
    }
}
