import Experiments

/// The JSON of `staff`: the scenario, the confidence, the search and the verification, every
/// target's three judgements, the staffing per roster line, the staff cost of today and of the
/// recommendation, and the search path; with the reach check, each target's judgement at the
/// ample plan and whether staffing can reach it.
struct StaffDocument: Encodable, Sendable {
    var scenarioFile: String
    var scenarioName: String
    var result: StaffSearchResult

    private enum Key: String, CodingKey { case scenario, confidence, search, verification, targets, staffing, cost, curve }
    private enum SearchKey: String, CodingKey { case replications, seed, plansSimulated, stop, allHold }
    private enum TargetKey: String, CodingKey {
        case target, current, recommendedSearch, recommendedFresh, binds, bindingUnits, reachable, ample
    }
    private enum UnitKey: String, CodingKey { case group, shift, costPerUnitPerYear, current, start, recommended }
    private enum CostKey: String, CodingKey { case current, recommended }
    private enum StepKey: String, CodingKey { case move, rosterCostPerYear, allHold, targets }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(["name": scenarioName, "file": scenarioFile], forKey: .scenario)
        try container.encode(result.confidence, forKey: .confidence)
        var search = container.nestedContainer(keyedBy: SearchKey.self, forKey: .search)
        try search.encode(result.searchReplications, forKey: .replications)
        try search.encode(String(result.searchSeed), forKey: .seed)
        try search.encode(result.evaluations, forKey: .plansSimulated)
        try search.encode(result.stop.rawValue, forKey: .stop)
        var verification = container.nestedContainer(keyedBy: SearchKey.self, forKey: .verification)
        try verification.encode(result.verifyReplications, forKey: .replications)
        try verification.encode(String(result.verifySeed), forKey: .seed)
        try verification.encode(result.verified, forKey: .allHold)
        var targets = container.nestedUnkeyedContainer(forKey: .targets)
        for index in result.targets.indices { try encodeTarget(index, into: &targets) }
        var staffing = container.nestedUnkeyedContainer(forKey: .staffing)
        for unit in result.units { try encodeUnit(unit, into: &staffing) }
        var cost = container.nestedContainer(keyedBy: CostKey.self, forKey: .cost)
        try cost.encode(result.currentCost, forKey: .current)
        try cost.encode(result.recommendedCost, forKey: .recommended)
        var curve = container.nestedUnkeyedContainer(forKey: .curve)
        for step in result.curve {
            var entry = curve.nestedContainer(keyedBy: StepKey.self)
            try entry.encode(result.text(of: step.move), forKey: .move)
            try entry.encode(step.costPerYear, forKey: .rosterCostPerYear)
            try entry.encode(step.allHold, forKey: .allHold)
            try entry.encode(step.judgements, forKey: .targets)
        }
    }

    private func encodeTarget(_ index: Int, into targets: inout any UnkeyedEncodingContainer) throws {
        var entry = targets.nestedContainer(keyedBy: TargetKey.self)
        try entry.encode(result.targets[index].description, forKey: .target)
        try entry.encode(result.current.judgements[index], forKey: .current)
        try entry.encode(result.recommendedStep.judgements[index], forKey: .recommendedSearch)
        try entry.encode(result.verification[index], forKey: .recommendedFresh)
        try entry.encode(result.binds(index), forKey: .binds)
        try entry.encode(result.bindingUnits[index].map { result.units[$0].description }, forKey: .bindingUnits)
        try entry.encode(!result.unreachable.contains(index), forKey: .reachable)
        try entry.encodeIfPresent(result.ample?.judgements[index], forKey: .ample)
    }

    private func encodeUnit(_ unit: StaffUnit, into staffing: inout any UnkeyedEncodingContainer) throws {
        var entry = staffing.nestedContainer(keyedBy: UnitKey.self)
        try entry.encode(unit.group, forKey: .group)
        try entry.encode(unit.shift, forKey: .shift)
        try entry.encode(unit.costPerYear, forKey: .costPerUnitPerYear)
        try entry.encode(result.current.plan.capacity(of: unit), forKey: .current)
        try entry.encode(result.start.plan.capacity(of: unit), forKey: .start)
        try entry.encode(result.recommended.capacity(of: unit), forKey: .recommended)
    }
}
