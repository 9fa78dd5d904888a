import Scenario
import ServiceRules
import SimCore

/// An escalation level as it applies to one inventory class: which level, and the calendar time
/// from `reported_at` at which an unrepaired ticket reaches it.
struct ClassEscalation {
    var level: Int32
    var delay: SimDuration

    /// The scenario's levels that concern the class (by its judged tier and its after-sales
    /// level), with their delays. A share of the limit counts the limit in calendar time
    /// (`limitMinutes`: a working-day limit as N × 24 h); an after-sales step the class's level's
    /// `escalateAfter` entry (no entry, no escalation at that level).
    static func levels(of inventoryClass: InventoryClass, limitMinutes: Double, scenario: Scenario) -> [ClassEscalation] {
        let catalogue = scenario.catalogue
        let tier = catalogue.reportingTier(for: inventoryClass.circuit(id: inventoryClass.id))
        let steps = catalogue.afterSalesLevel(inventoryClass.afterSalesLevel)?.escalationAfterSeconds ?? []
        return scenario.escalation.levels.enumerated().compactMap { index, level in
            guard level.tiers?.contains(tier) ?? true,
                  level.afterSalesLevels?.contains(inventoryClass.afterSalesLevel) ?? true else { return nil }
            let delay: SimDuration
            switch level.threshold {
            case .fractionOfLimit(let fraction): delay = SimDuration(minutes: limitMinutes * fraction)
            case .after(let time): delay = time
            case .afterSalesStep(let step):
                guard step <= steps.count else { return nil }
                delay = .seconds(steps[step - 1])
            }
            return ClassEscalation(level: Int32(index), delay: delay)
        }
    }
}
