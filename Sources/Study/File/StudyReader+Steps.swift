import Scenario
import ServiceRules

/// Reading transformations: `select:`, `to:` and each kind's keys, checked against the base.
extension StudyReader {
    /// A transformation's shape and, outside a grid, its number; nil after a problem.
    mutating func shape(_ kind: StepKind, _ node: DocumentNode, _ path: String, base: Scenario,
                        inGrid: Bool) -> (shape: StepShape, number: Double?)? {
        let problemsBefore = problems.count
        let allowed = kind.keys + (inGrid ? [] : [kind.numberKey])
        let entry = fields(node, path, allowed: allowed, required: allowed.filter { $0 != "select" || kind != .faults })
        var shape = StepShape(kind: kind, mark: node.mark, path: path, selectMark: entry["select"]?.mark ?? node.mark,
                              selectPath: entry["select"] == nil ? path : entry.path("select"))
        if let select = entry["select"] {
            let fields: [RowSelector.Field] = kind == .faults ? [.product] : RowSelector.Field.allCases
            shape.selector = selector(select, entry.path("select"), fields: fields, base: base)
            if kind == .faults { shape.products = shape.selector.criteria.first?.values }
        }
        shape.target = entry["to"].flatMap { moveTarget($0, entry.path("to"), base: base) }
        let number = entry[kind.numberKey].flatMap { self.number($0, entry.path(kind.numberKey), within: kind.range) }
        guard problems.count == problemsBefore else { return nil }
        return (shape, number)
    }

    /// A `select:` mapping: field → value or list of values, each known to the catalogue (or,
    /// for regions, to the base); problems reported.
    mutating func selector(_ node: DocumentNode, _ path: String, fields allowed: [RowSelector.Field],
                           base: Scenario) -> RowSelector {
        let entry = fields(node, path, allowed: allowed.map(\.rawValue))
        for empty in node.mapping ?? [] where empty.value.isNull && allowed.contains(where: { $0.rawValue == empty.key }) {
            report(.wrongType, "expected a value or a list of values, found an empty value", at: empty.keyMark,
                   entry.path(empty.key))
        }
        var selector = RowSelector()
        for field in entry.entries {
            guard let kind = RowSelector.Field(rawValue: field.key) else { continue }
            let known = Self.values(of: kind, in: base)
            var values: [String] = []
            for (item, itemPath) in items(field.value, entry.path(field.key)) {
                guard let value = reference(item, itemPath, among: known, what: Self.noun(kind)) else { continue }
                if !values.contains(value) { values.append(value) }
            }
            selector.criteria.append((kind, values))
        }
        return selector
    }

    /// A name from `known`, or nil after reporting the closest ("did you mean").
    mutating func reference(_ node: DocumentNode, _ path: String, among known: [String], what: String) -> String? {
        guard let word = text(node, path) else { return nil }
        guard known.contains(word) else {
            reportUnknown(word, at: node.mark, path, among: known, what: what)
            return nil
        }
        return word
    }

    /// `to: {tier, networkGrade?, monthlyFee?, afterSales?}`; nil after a problem.
    mutating func moveTarget(_ node: DocumentNode, _ path: String, base: Scenario) -> MoveTarget? {
        let problemsBefore = problems.count
        let entry = fields(node, path, allowed: ["tier", "networkGrade", "monthlyFee", "afterSales"], required: ["tier"])
        let catalogue = base.catalogue
        let tier = entry["tier"].flatMap { reference($0, entry.path("tier"), among: catalogue.tiers.map(\.key), what: "tier") }
        let grade = entry["networkGrade"].flatMap {
            reference($0, entry.path("networkGrade"), among: catalogue.networkGrades.map(\.key), what: "network grade")
        }
        let level = entry["afterSales"].flatMap {
            reference($0, entry.path("afterSales"), among: catalogue.afterSalesLevels.map(\.key), what: "after-sales level")
        }
        let fee = entry["monthlyFee"].flatMap { number($0, entry.path("monthlyFee"), within: .fee) }
        guard let tier, problems.count == problemsBefore else { return nil }
        return MoveTarget(tier: tier, networkGrade: grade, monthlyFee: fee, afterSales: level)
    }

    /// The values a selector field may take in `base`: its catalogue's keys (`none` is the tier
    /// of untiered rows), its crews' regions.
    static func values(of field: RowSelector.Field, in base: Scenario) -> [String] {
        let catalogue = base.catalogue
        switch field {
        case .tier: return catalogue.tiers.map(\.key) + ["none"]
        case .product: return catalogue.products.map(\.key)
        case .grade: return CustomerGrade.allCases.map(\.rawValue)
        case .region: return base.regions
        case .networkGrade: return catalogue.networkGrades.map(\.key)
        case .afterSales: return catalogue.afterSalesLevels.map(\.key)
        }
    }

    static func noun(_ field: RowSelector.Field) -> String {
        switch field {
        case .tier: return "tier"
        case .product: return "product"
        case .grade: return "customer grade"
        case .region: return "region"
        case .networkGrade: return "network grade"
        case .afterSales: return "after-sales level"
        }
    }
}
