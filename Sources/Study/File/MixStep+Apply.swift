import Scenario
import ServiceRules

extension MixStep {
    /// Applies the step to `scenario` (the base when the step comes first) and says what changed
    /// in one line, e.g. `SLA-AAA circuits × 2: 1,080 → 2,160`. `base` gives the default fee of
    /// moved circuits.
    func apply(to scenario: inout Scenario, base: Scenario) throws(StepFailure) -> String {
        guard Double(scenario.circuitCount) <= CircuitRounding.largestInventory else {
            throw StepFailure(message: "the inventory holds more than 1e15 circuits, too many to transform")
        }
        switch self {
        case .set(let selector, let share): return try Self.set(selector, share: share, in: &scenario)
        case .move(let selector, let target, let share):
            return try Self.move(selector, to: target, share: share, in: &scenario, base: base)
        case .scale(let selector, let by): return try Self.scale(selector, by: by, in: &scenario)
        case .faults(let products, let by): return try Self.scaleFaults(products, by: by, in: &scenario)
        case .installs(let by):
            let before = scenario.installs.perDay
            scenario.installs.perDay = before * by
            return "installation orders per day × \(by.shortText): \(before.shortText) → \(scenario.installs.perDay.shortText)"
        }
    }

    /// The rows `selector` picks, by position; fails when it picks none.
    static func selected(_ selector: RowSelector, in scenario: Scenario) throws(StepFailure) -> [Int] {
        let rows = scenario.inventory.indices.filter { selector.matches(scenario.inventory[$0]) }
        guard !rows.isEmpty else {
            throw StepFailure(message: "the selection (\(selector.label)) matches no inventory row", atSelection: true)
        }
        return rows
    }

    static func circuits(_ rows: [Int], in scenario: Scenario) -> Int {
        rows.reduce(0) { $0 + scenario.inventory[$1].circuits }
    }

    static func scale(_ selector: RowSelector, by: Double, in scenario: inout Scenario) throws(StepFailure) -> String {
        let rows = try selected(selector, in: scenario)
        let before = circuits(rows, in: scenario)
        for row in rows {
            let exact = Double(scenario.inventory[row].circuits) * by
            guard exact <= CircuitRounding.largestRow else {
                throw StepFailure(message: "row `\(scenario.inventory[row].id)` would hold more than 1e12 circuits")
            }
            scenario.inventory[row].circuits = CircuitRounding.nearest(exact)
        }
        let after = circuits(rows, in: scenario)
        scenario.inventory.removeAll { $0.circuits == 0 }
        return "\(selector.label) circuits × \(by.shortText): \(before.groupedText) → \(after.groupedText)"
    }

    /// The selection gets round(share × total) circuits, the other rows the rest; within each
    /// group the rows keep their proportions, rounded by the largest remainder method.
    static func set(_ selector: RowSelector, share: Double, in scenario: inout Scenario) throws(StepFailure) -> String {
        let rows = try selected(selector, in: scenario)
        let total = scenario.circuitCount
        let chosen = circuits(rows, in: scenario)
        let others = scenario.inventory.indices.filter { !rows.contains($0) }
        guard !others.isEmpty || share == 1 else {
            throw StepFailure(message: "the selection (\(selector.label)) holds every circuit already; only a share of 1 is possible",
                              atSelection: true)
        }
        let target = CircuitRounding.nearest(share * Double(total))
        distribute(target, among: rows, in: &scenario)
        distribute(total - target, among: others, in: &scenario)
        scenario.inventory.removeAll { $0.circuits == 0 }
        return "\(selector.label) share of circuits → \(share.shortText): \(chosen.groupedText) → \(target.groupedText) "
            + "of \(total.groupedText)"
    }

    /// Gives `rows` `total` circuits in proportion to the circuits they have.
    static func distribute(_ total: Int, among rows: [Int], in scenario: inout Scenario) {
        let held = Double(circuits(rows, in: scenario))
        let exact = rows.map { Double(scenario.inventory[$0].circuits) * Double(total) / held }
        for (row, whole) in zip(rows, CircuitRounding.largestRemainder(exact, total: total)) {
            scenario.inventory[row].circuits = whole
        }
    }

    static func scaleFaults(_ products: [String]?, by: Double, in scenario: inout Scenario) throws(StepFailure) -> String {
        if let missing = products?.first(where: { scenario.faults.rates[$0] == nil }) {
            throw StepFailure(message: "no circuit of product `\(missing)` is in the inventory, so it has no fault rates",
                              atSelection: true)
        }
        var rates = scenario.faults.rates
        for (product, rate) in rates where products?.contains(product) ?? true {
            rates[product] = SegmentRates(perCircuitYear: rate.perCircuitYear.mapValues { $0 * by })
        }
        scenario.faults.rates = rates
        return "\(products?.joined(separator: "/") ?? "all") fault rates × \(by.shortText)"
    }
}
