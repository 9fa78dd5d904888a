import ServiceRules

/// `inventory:` — classes of identical circuits, keyed by a row id.
extension ScenarioReader {
    static let inventoryKeys = ["product", "tier", "grade", "region", "circuits", "monthlyFee", "networkGrade", "afterSales", "customerType"]
    static let requiredInventoryKeys = ["product", "grade", "region", "circuits", "monthlyFee"]

    mutating func readInventory(_ node: DocumentNode?, _ path: String) -> [InventoryClass] {
        let rows = namedEntries(node, path)
        if let node, !node.isNull, node.mapping != nil, rows.isEmpty {
            report(.invalidValue, "the inventory needs at least one row of circuits", at: node.mark, path)
        }
        return rows.compactMap { readInventoryRow($0.value, Fields.child(path, $0.key), id: $0.key) }
    }

    mutating func readInventoryRow(_ node: DocumentNode, _ path: String, id: String) -> InventoryClass? {
        let row = fields(node, path, allowed: Self.inventoryKeys, required: Self.requiredInventoryKeys)
        let product = row["product"].flatMap { reference($0, row.path("product"), among: catalogue.products.map(\.key), what: "product") }
        let tier = row["tier"].flatMap { reference($0, row.path("tier"), among: catalogue.tiers.map(\.key), what: "tier") }
        let grade = row["grade"].flatMap {
            reference($0, row.path("grade"), among: CustomerGrade.allCases.map(\.rawValue), what: "customer grade")
        }.flatMap(CustomerGrade.init(rawValue:))
        let networkGrade = row["networkGrade"].flatMap {
            reference($0, row.path("networkGrade"), among: catalogue.networkGrades.map(\.key), what: "network grade")
        }
        let afterSales = row["afterSales"].flatMap {
            reference($0, row.path("afterSales"), among: catalogue.afterSalesLevels.map(\.key), what: "after-sales level")
        }
        let customerType = row["customerType"].flatMap {
            reference($0, row.path("customerType"), among: CustomerType.allCases.map(\.rawValue), what: "customer type")
        }.flatMap(CustomerType.init(rawValue:))
        let region = row["region"].flatMap { text($0, row.path("region")) }
        let circuits = count(row["circuits"], row.path("circuits"), default: 0, minimum: 1)
        let fee = amount(row["monthlyFee"], row.path("monthlyFee"), default: 0)
        guard let product, let grade, let region else { return nil }
        return InventoryClass(
            id: id, product: product, tier: tier, customerGrade: grade,
            networkGrade: networkGrade ?? tier.flatMap { catalogue.tier($0)?.networkGrade } ?? "N",
            afterSalesLevel: afterSales ?? Self.afterSalesLevel(for: grade), region: region, circuits: circuits,
            monthlyFee: fee, isVPN: catalogue.product(product)?.isVPN ?? false, customerType: customerType)
    }

    /// Assumption (the source's VIP-SL table is cut off): the level follows the customer grade.
    static func afterSalesLevel(for grade: CustomerGrade) -> String {
        switch grade {
        case .group, .provincial: return "VIP-SL1"
        case .localA: return "VIP-SL2"
        case .localB, .localC: return "VIP-SL3"
        }
    }
}
