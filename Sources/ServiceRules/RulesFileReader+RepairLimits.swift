/// `repairLimits:` — rows of the product × customer-grade matrix, keyed by product or family.
extension RulesFileReader {
    static let gradeKeys = CustomerGrade.allCases.map(\.rawValue)

    mutating func readRepairLimits(_ node: DocumentNode) {
        guard let rows = entries(node, "repairLimits") else { return }
        let families = ProductFamily.allCases.map(\.rawValue)
        let keys = catalogue.products.map(\.key) + families
        for (key, value) in rows {
            let path = "repairLimits.\(key)"
            guard keys.contains(key) else {
                reportUnknownKey(key, at: value.mark, path, allowed: keys)
                continue
            }
            let family = ProductFamily(rawValue: key)
            let existing = family.flatMap { catalogue.repairLimits.byFamily[$0] } ?? catalogue.repairLimits.byProduct[key]
            guard let row = readRow(value, existing: existing, path) else { continue }
            if let family { catalogue.repairLimits.byFamily[family] = row } else { catalogue.repairLimits.byProduct[key] = row }
        }
    }

    mutating func readRow(_ node: DocumentNode, existing: RepairLimitRow?, _ path: String) -> RepairLimitRow? {
        let allowed = ["all", "calendar", "feedback", "byCustomerType"] + Self.gradeKeys
        guard let fields = entries(node, path, allowed: allowed) else { return nil }
        var limits: [RestorationLimit?] = existing?.limits ?? Array(repeating: nil, count: 5)
        var calendar = existing?.calendar ?? "standard"
        var byType = existing?.byCustomerType ?? [:]
        var feedback = existing?.feedbackWorkingDays
        var failed = false
        for (field, value) in fields {
            let fieldPath = child(path, field)
            if field == "calendar" {
                if let name = choice(value, fieldPath, among: catalogue.calendars.map(\.name), what: "calendar") { calendar = name } else { failed = true }
            } else if field == "feedback" {
                if let days = optional(value, { $0.workingDays(value, fieldPath) }) { feedback = days } else { failed = true }
            } else if field == "byCustomerType" {
                if let types = readCustomerTypeLimits(value, fieldPath) { byType = types } else { failed = true }
            } else if let limit = limit(value, fieldPath) {
                if field == "all" { limits = Array(repeating: limit, count: 5) } else { limits[Self.gradeKeys.firstIndex(of: field)!] = limit }
            } else {
                failed = true
            }
        }
        let missing = zip(Self.gradeKeys, limits).filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty, !failed {
            report(.missingKey, "a new row needs `all` or a limit for every grade (missing \(missing.joined(separator: ", ")))", at: node, path)
        }
        guard missing.isEmpty, !failed else { return nil }
        let row = limits.compactMap { $0 }
        var result = RepairLimitRow(group: row[0], provincial: row[1], localA: row[2], localB: row[3], localC: row[4],
                                    calendar: calendar)
        result.byCustomerType = byType
        result.feedbackWorkingDays = feedback
        return result
    }

    static let customerTypeKeys = CustomerType.allCases.map(\.rawValue)

    /// `byCustomerType: {industry: 12h, brand: 24h}` — replaces the row's limits by customer type.
    mutating func readCustomerTypeLimits(_ node: DocumentNode, _ path: String) -> [CustomerType: RestorationLimit]? {
        guard let fields = entries(node, path, allowed: Self.customerTypeKeys) else { return nil }
        var limits: [CustomerType: RestorationLimit] = [:]
        for (field, value) in fields {
            guard let limit = limit(value, child(path, field)) else { return nil }
            limits[CustomerType(rawValue: field)!] = limit
        }
        return limits
    }
}
