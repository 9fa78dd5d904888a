import Scenario
import ServiceRules

extension MixStep {
    /// Moves round(share × circuits) of each selected row not yet in the target tier: the moved
    /// circuits become the row `<id>@<tier>`, placed after the row they came from (added to it
    /// if it exists).
    static func move(_ selector: RowSelector, to target: MoveTarget, share: Double, in scenario: inout Scenario,
                     base: Scenario) throws(StepFailure) -> String {
        let rows = try selected(selector, in: scenario).filter { scenario.inventory[$0].tier != target.tier }
        guard !rows.isEmpty else {
            throw StepFailure(message: "every row the selection (\(selector.label)) matches is in \(target.tier) already",
                              atSelection: true)
        }
        let before = circuits(rows, in: scenario)
        var moved = 0
        for id in rows.map({ scenario.inventory[$0].id }) {
            guard let row = scenario.inventory.firstIndex(where: { $0.id == id }) else { continue }
            let count = CircuitRounding.nearest(Double(scenario.inventory[row].circuits) * share)
            guard count > 0 else { continue }
            moved += count
            let source = scenario.inventory[row]
            scenario.inventory[row].circuits -= count
            place(movedRow(from: source, circuits: count, to: target, catalogue: scenario.catalogue, base: base),
                  after: row, in: &scenario)
        }
        scenario.inventory.removeAll { $0.circuits == 0 }
        return "\(selector.label) → \(target.tier): \(moved.groupedText) of \(before.groupedText) circuits moved"
    }

    /// The row the moved circuits form: the source row re-tiered, its network grade, fee and
    /// after-sales level as given or by the defaults.
    static func movedRow(from source: InventoryClass, circuits: Int, to target: MoveTarget, catalogue: RuleCatalogue,
                         base: Scenario) -> InventoryClass {
        var row = source
        row.id = "\(source.id)@\(target.tier)"
        row.tier = target.tier
        row.circuits = circuits
        row.networkGrade = target.networkGrade ?? catalogue.tier(target.tier)?.networkGrade ?? "N"
        row.afterSalesLevel = target.afterSales ?? source.afterSalesLevel
        row.monthlyFee = target.monthlyFee ?? defaultFee(product: source.product, tier: target.tier, in: base,
                                                          fallback: source.monthlyFee)
        return row
    }

    /// The catalogue has no fee per tier, so a moved circuit pays what the base charges for its
    /// product in the target tier: the circuit-weighted mean fee of the base's rows of that
    /// product and tier; `fallback` (the row's own fee) when the base has none.
    static func defaultFee(product: String, tier: String, in base: Scenario, fallback: Double) -> Double {
        let rows = base.inventory.filter { $0.product == product && $0.tier == tier }
        let circuits = rows.reduce(0) { $0 + $1.circuits }
        guard circuits > 0 else { return fallback }
        return rows.reduce(0) { $0 + $1.monthlyFee * Double($1.circuits) } / Double(circuits)
    }

    /// Adds `row` to the inventory: to the row of the same id if there is one, else after `index`.
    static func place(_ row: InventoryClass, after index: Int, in scenario: inout Scenario) {
        if let existing = scenario.inventory.firstIndex(where: { $0.id == row.id }) {
            scenario.inventory[existing].circuits += row.circuits
        } else {
            scenario.inventory.insert(row, at: index + 1)
        }
    }
}
