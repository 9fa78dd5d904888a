import Experiments
import Scenario

/// The JSON of `price`: `scenario` (name, file, seed, replications, window), `rates` (the
/// scenario's `costs:`), `base` (the case at today's fault rates) and `sensitivity` (its share
/// and the other cases).
struct PriceDocument: Encodable, Sendable {
    var scenarioFile: String?
    var costs: StaffCosts
    var results: PricingResults

    private enum Key: String, CodingKey { case scenario, rates, base, sensitivity }
    private enum FactKey: String, CodingKey { case name, file, seed, replications, windowDays }
    private enum RateKey: String, CodingKey { case crewHour, agentHour, onCallHour, protectionPerCircuitMonth }
    private enum SensitivityKey: String, CodingKey { case share, cases }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var facts = container.nestedContainer(keyedBy: FactKey.self, forKey: .scenario)
        try facts.encode(results.scenarioName, forKey: .name)
        try facts.encode(scenarioFile, forKey: .file)
        try facts.encode(String(results.seed), forKey: .seed)
        try facts.encode(results.replications, forKey: .replications)
        try facts.encode(results.windowDays, forKey: .windowDays)
        var rates = container.nestedContainer(keyedBy: RateKey.self, forKey: .rates)
        try rates.encode(costs.crewHour, forKey: .crewHour)
        try rates.encode(costs.agentHour, forKey: .agentHour)
        try rates.encode(costs.onCallHour, forKey: .onCallHour)
        try rates.encode(costs.protectionPerCircuitMonth, forKey: .protectionPerCircuitMonth)
        try container.encode(results.base, forKey: .base)
        var sensitivity = container.nestedContainer(keyedBy: SensitivityKey.self, forKey: .sensitivity)
        try sensitivity.encode(results.sensitivity, forKey: .share)
        try sensitivity.encode(results.sensitivityCases, forKey: .cases)
    }
}
