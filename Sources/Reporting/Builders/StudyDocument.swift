import Experiments
import SimCore
import Study

/// The JSON of `study`: the study's settings, then per mix its circuits, its figures at today's
/// staffing (`current`), the staffing it needs with its figures (`recommended`), and its paired
/// differences from the base (`differenceFromBase`). Per-replication values are kept
/// (`perReplication`) so any figure can be recomputed.
struct StudyDocument: Encodable, Sendable {
    var results: StudyResults

    private enum Key: String, CodingKey { case study, mixes }
    private enum StudyKey: String, CodingKey {
        case name, file, base, baseScenario, targets, seed, replications, searchReplications, verifyReplications, confidence
        case windowDays, grid
    }
    private enum MixKey: String, CodingKey {
        case name, changes, gridPoint, circuits, circuitsByTier, current, recommended, differenceFromBase
    }
    private enum FiguresKey: String, CodingKey {
        case replications, byTier, creditsPerYear, expectedCreditsPerYear, claimedCreditsPerYear, utilisation
        case staffCostPerYear, protectionPerYear, yearlyCost, costToServe, perReplication
    }
    private enum StaffingKey: String, CodingKey {
        case staffing, headcount, headcountToday, rosterCostPerYear, staffCostPerYear, verifiedStaffCostPerYear, targetsMet
        case targets, startedFrom, stop, plansSimulated, figures
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var study = container.nestedContainer(keyedBy: StudyKey.self, forKey: .study)
        try study.encode(results.name, forKey: .name)
        try study.encode(results.file, forKey: .file)
        try study.encode(results.basePath, forKey: .base)
        try study.encode(results.baseScenarioName, forKey: .baseScenario)
        try study.encode(results.targets, forKey: .targets)
        try study.encode(String(results.seed), forKey: .seed)
        try study.encode(results.replications, forKey: .replications)
        try study.encode(results.searchReplications, forKey: .searchReplications)
        try study.encode(results.verifyReplications, forKey: .verifyReplications)
        try study.encode(results.confidence, forKey: .confidence)
        try study.encode(results.windowDays, forKey: .windowDays)
        try study.encode(results.gridAxes.map { ["name": $0.name, "label": $0.label] }, forKey: .grid)
        var mixes = container.nestedUnkeyedContainer(forKey: .mixes)
        for record in results.records { try encode(record, into: &mixes) }
    }

    private func encode(_ record: MixRecord, into mixes: inout any UnkeyedEncodingContainer) throws {
        var mix = mixes.nestedContainer(keyedBy: MixKey.self)
        try mix.encode(record.name, forKey: .name)
        try mix.encode(record.changes, forKey: .changes)
        try mix.encode(record.gridPoint, forKey: .gridPoint)
        try mix.encode(record.circuits, forKey: .circuits)
        try mix.encode(Dictionary(record.circuitsByTier.map { ($0.tier, $0.circuits) }, uniquingKeysWith: +), forKey: .circuitsByTier)
        var current = mix.nestedContainer(keyedBy: FiguresKey.self, forKey: .current)
        try encode(record.current, into: &current)
        var recommended = mix.nestedContainer(keyedBy: StaffingKey.self, forKey: .recommended)
        let staffing = record.staffing
        try recommended.encode(staffing.lines.map(LineDocument.init), forKey: .staffing)
        try recommended.encode(staffing.headcount, forKey: .headcount)
        try recommended.encode(staffing.headcountToday, forKey: .headcountToday)
        try recommended.encode(staffing.rosterCostPerYear, forKey: .rosterCostPerYear)
        try recommended.encode(record.recommended.staffCostPerYear, forKey: .staffCostPerYear)
        try recommended.encode(staffing.verifiedStaffCostPerYear, forKey: .verifiedStaffCostPerYear)
        try recommended.encode(staffing.allTargetsMet, forKey: .targetsMet)
        try recommended.encode(staffing.targets, forKey: .targets)
        try recommended.encode(staffing.startedFrom, forKey: .startedFrom)
        try recommended.encode(staffing.stop, forKey: .stop)
        try recommended.encode(staffing.evaluations, forKey: .plansSimulated)
        var figures = recommended.nestedContainer(keyedBy: FiguresKey.self, forKey: .figures)
        try encode(record.recommended, into: &figures)
        try mix.encode(record.name == results.base.name ? [] : results.differences(of: record), forKey: .differenceFromBase)
    }

    private func encode(_ figures: MixFigures, into container: inout KeyedEncodingContainer<FiguresKey>) throws {
        let (estimate, exposure) = (figures.estimate, figures.exposure)
        try container.encode(figures.replications, forKey: .replications)
        var byTier: [String: [String: Estimate?]] = [:]
        for values in figures.metrics {
            let parts = values.metric.split(separator: ".", maxSplits: 1).map(String.init)
            let (tier, measure) = parts.count == 2 && !values.metric.hasPrefix("crews.") && !values.metric.hasPrefix("agents.")
                ? (parts[0], parts[1]) : ("all", values.metric)
            guard !values.metric.hasSuffix("utilisation") else { continue }
            byTier[tier, default: [:]][measure] = estimate(values.metric)
        }
        try container.encode(byTier, forKey: .byTier)
        try container.encode(exposure("credits"), forKey: .creditsPerYear)
        try container.encode(exposure("expectedCredits"), forKey: .expectedCreditsPerYear)
        try container.encode(exposure("claimedCredits"), forKey: .claimedCreditsPerYear)
        let utilisation = figures.metrics.filter { $0.metric.hasSuffix("utilisation") }.map { ($0.metric, estimate($0.metric)) }
        try container.encode(Dictionary(utilisation, uniquingKeysWith: { first, _ in first }), forKey: .utilisation)
        try container.encode(figures.staffCostPerYear, forKey: .staffCostPerYear)
        try container.encode(figures.protectionPerYear, forKey: .protectionPerYear)
        try container.encode(Estimate(figures.yearlyCost), forKey: .yearlyCost)
        try container.encode(figures.tiers, forKey: .costToServe)
        var perReplication = Dictionary(figures.metrics.map { ($0.metric, $0.values) }, uniquingKeysWith: { first, _ in first })
        perReplication["staffPerYear"] = figures.staffPerYear
        try container.encode(perReplication, forKey: .perReplication)
    }
}

/// One roster line in the JSON.
private struct LineDocument: Encodable {
    var group: String, shift: String, today: Int, recommended: Int, hoursPerHeadPerYear: Double, fte: Double

    init(_ line: StaffLineRecord) {
        group = line.group
        shift = line.shift
        today = line.today
        recommended = line.recommended
        hoursPerHeadPerYear = line.hoursPerHeadPerYear
        fte = line.recommendedFTE
    }
}
