import Scenario
import ServiceRules

extension StaffTarget {
    /// The target with its tier or region checked against `scenario` and spelt as the scenario
    /// spells it (`sla-aa.restoration` → `SLA-AA.restoration`), or why it names something the
    /// scenario does not have, with the closest known name.
    ///
    /// A tier the catalogue has but no circuit of the scenario uses passes here: no replication
    /// can judge it, which the search result reports (``StaffSearchResult/unjudgeable``).
    public func resolved(for scenario: Scenario) -> Result<StaffTarget, StaffTargetError> {
        var target = self
        switch metric.subject {
        case .group(let key, let measure) where key != "all":
            let tiers = scenario.catalogue.tiers.map(\.key)
            guard let tier = tiers.first(where: { $0.lowercased() == key.lowercased() }) else {
                return .failure(StaffTargetError(description, unknown("tier", key, among: tiers)))
            }
            target.metric = Metric(.group(tier, measure))
        case .crewUtilisation(let region):
            guard let known = scenario.regions.first(where: { $0.lowercased() == region.lowercased() }) else {
                return .failure(StaffTargetError(description, unknown("crew region", region, among: scenario.regions)))
            }
            target.metric = Metric(.crewUtilisation(region: known))
        default:
            break
        }
        return .success(target)
    }

    private func unknown(_ kind: String, _ name: String, among known: [String]) -> String {
        if let suggestion = closestKey(to: name, among: known) { return "unknown \(kind) «\(name)»; did you mean «\(suggestion)»?" }
        return "unknown \(kind) «\(name)» (the scenario has \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
    }
}
