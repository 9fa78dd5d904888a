import Experiments
import Foundation
import RepairModel
import Scenario
import SimCore

/// The work behind `faultline study`: for the base and every mix, the figures at today's
/// staffing (paired with the base's: common random numbers), the staffing the mix needs (the
/// `staff` search), and its cost to serve at that staffing (as `price`).
///
/// Every mix runs with the study's seed, so replication r of every mix sees the faults of
/// replication r of the base wherever the mix has the same circuits. The staffing search of a
/// mix runs twice — from the analytic estimate and from its neighbour's answer (the base for a
/// named mix, the previous point of the grid for a grid point) — and keeps the cheaper plan that
/// meets every target. Each finished mix goes to the ``StudyStore`` before the next starts; a
/// mix whose record is there (same digest: same resolved mix, neighbour, settings and version)
/// is not computed again.
public struct StudyRun: Sendable {
    /// The study file, resolved.
    public var definition: StudyDefinition
    /// Replications of the figures at today's staffing and of the cost to serve.
    public var replications: Int
    /// Replications per candidate plan in the staffing search.
    public var searchReplications: Int
    /// Fresh replications verifying each recommended staffing.
    public var verifyReplications: Int
    /// Confidence of the target bounds.
    public var confidence: Double
    /// The study's seed (every mix's, the search's); the verification uses seed + 1.
    public var seed: UInt64
    /// FaultLine's version: part of every record's digest.
    public var version: String

    /// Replications per candidate plan where neither the command line nor the file gives one.
    public static let defaultSearchReplications = 8
    /// Fresh replications verifying a plan, by default.
    public static let defaultVerifyReplications = 60
    /// Confidence of the target bounds, by default.
    public static let defaultConfidence = 0.95

    /// A run of `definition`; each setting from the argument, else the file's `StudySettings`,
    /// else the default (replications and seed: the base scenario's).
    public init(definition: StudyDefinition, replications: Int? = nil, searchReplications: Int? = nil,
                verifyReplications: Int? = nil, confidence: Double? = nil, seed: UInt64? = nil, version: String) {
        let settings = definition.settings
        self.definition = definition
        self.replications = replications ?? settings.replications ?? definition.base.replications
        self.searchReplications = searchReplications ?? settings.searchReplications ?? Self.defaultSearchReplications
        self.verifyReplications = verifyReplications ?? settings.verifyReplications ?? Self.defaultVerifyReplications
        self.confidence = confidence ?? settings.confidence ?? Self.defaultConfidence
        self.seed = seed ?? settings.seed ?? definition.base.seed
        self.version = version
    }

    /// The base, then every mix, as they run: seeded, each with its neighbour.
    public var plans: [MixPlan] {
        let base = MixPlan(name: "base", changes: [], gridPoint: [], scenario: seeded(definition.base), neighbour: nil)
        return [base] + definition.mixes.map { mix in
            MixPlan(name: mix.name, changes: mix.changes, gridPoint: mix.gridPoint, scenario: seeded(mix.scenario),
                    neighbour: neighbour(of: mix))
        }
    }

    /// The digest of every plan, in order; a plan's digest includes its neighbour's.
    public var digests: [PlanDigest] {
        var digests: [PlanDigest] = []
        for plan in plans {
            let targets = definition.targets.map(\.description)
            let neighbour = plan.neighbour.map { digests[$0].hex } ?? ""
            // The name, changes and grid point are in the record too: two mixes that simulate the
            // same (`today: {}` and a grid's origin) keep records of their own.
            digests.append(PlanDigest([
                "faultline \(version) study mix", plan.name, plan.changes, plan.gridPoint, plan.scenario, targets, replications,
                searchReplications, verifyReplications, confidence, seed, neighbour,
            ]))
        }
        return digests
    }

    /// Runs every plan not already in `store` (nil: keep nothing) on up to `threads` threads.
    /// - Throws: when a record cannot be written to the store.
    public func run(store: StudyStore?, threads: Int?, progress: (@Sendable (StudyProgress) -> Void)? = nil) throws -> StudyResults {
        results(of: try part(store: store, threads: threads, progress: progress))
    }

    /// The results of every plan's record (`part` holds each once, merged from one or more shards).
    public func results(of part: StudyPart) -> StudyResults {
        precondition(part.units == Array(plans.indices), "StudyRun: the part is not every plan once")
        return StudyResults(run: self, records: part.records)
    }

    /// Which shard of `count` owns each plan. The base is shard 0's. A plan continues its
    /// neighbour's shard when it is the neighbour's only follower (a chain stays on one
    /// machine); the followers of a plan with several start new branches, dealt to the shards in
    /// turn from shard 1. Depends only on the study and `count`.
    public func owners(shards count: Int) -> [Int] {
        let plans = self.plans
        var followers = [Int](repeating: 0, count: plans.count)
        for plan in plans { if let neighbour = plan.neighbour { followers[neighbour] += 1 } }
        var owner = [Int](repeating: 0, count: plans.count)
        var branches = 0
        for (index, plan) in plans.enumerated() {
            guard let neighbour = plan.neighbour else { continue }
            precondition(neighbour < index, "StudyRun: a plan's neighbour comes before it")
            if followers[neighbour] == 1 {
                owner[index] = owner[neighbour]
            } else {
                branches += 1
                owner[index] = branches % count
            }
        }
        return owner
    }

    /// The plans `shard` owns, in order.
    public func plans(of shard: Shard) -> [Int] {
        let owner = owners(shards: shard.count)
        return plans.indices.filter { owner[$0] == shard.index }
    }

    /// Computes the plans `shard` owns (every plan by default) and, first, the neighbours they
    /// start from that another shard owns: computed again here, they come out the same, since a
    /// record depends only on its plan and its neighbour's record. Plans already in `store` are
    /// read, not computed; every computed record is saved there.
    /// - Throws: when a record cannot be written to the store.
    public func part(shard: Shard = .whole, store: StudyStore?, threads: Int?,
                     progress: (@Sendable (StudyProgress) -> Void)? = nil) throws -> StudyPart {
        let plans = self.plans
        let digests = self.digests
        let owned = self.plans(of: shard)
        var needed = Set(owned)
        for index in owned.reversed() {
            var next = plans[index].neighbour
            while let neighbour = next, needed.insert(neighbour).inserted { next = plans[neighbour].neighbour }
        }
        let stored = digests.map { store?.record(for: $0) }
        var pending = needed.filter { stored[$0] == nil }.count
        var records: [Int: MixRecord] = [:]
        var spent: [Double] = []
        let clock = ContinuousClock()
        for index in needed.sorted() {
            let plan = plans[index]
            if let record = stored[index] {
                records[index] = record
                progress?(StudyProgress(index: index, total: plans.count, mix: plan.name, stage: "stored", secondsLeft: nil))
                continue
            }
            let started = clock.now
            let secondsLeft = spent.isEmpty ? nil : spent.reduce(0, +) / Double(spent.count) * Double(pending)
            let total = plans.count
            let report: @Sendable (String) -> Void = { stage in
                progress?(StudyProgress(index: index, total: total, mix: plan.name, stage: stage, secondsLeft: secondsLeft))
            }
            let computed = compute(plan, digest: digests[index], neighbour: plan.neighbour.map { records[$0]! }, threads: threads,
                                   progress: report)
            let record = try StudyStore.roundTrip(computed)
            try store?.save(record)
            records[index] = record
            spent.append((clock.now - started).seconds)
            pending -= 1
        }
        return StudyPart(plans: owned, records: owned.map { records[$0]! })
    }

    /// One plan's figures, staffing and cost to serve.
    func compute(_ plan: MixPlan, digest: PlanDigest, neighbour: MixRecord?, threads: Int?,
                 progress: @escaping @Sendable (String) -> Void) -> MixRecord {
        progress("today's staffing: \(replications) replications")
        let current = figures(plan.scenario, threads: threads)
        let (staffing, recommended) = staffingNeeded(plan.scenario, neighbour: neighbour, threads: threads, progress: progress)
        progress("the recommended staffing: \(replications) replications")
        return MixRecord(
            digest: digest.hex, name: plan.name, changes: plan.changes, gridPoint: plan.gridPoint,
            circuitsByTier: Self.circuitsByTier(plan.scenario), current: current, staffing: staffing,
            recommended: figures(recommended.applied(to: plan.scenario), threads: threads))
    }

    /// A staffing's figures: the metrics `compare` pairs and the cost to serve, from the same
    /// replications.
    func figures(_ scenario: Scenario, threads: Int?) -> MixFigures {
        let run = PricingStudy(scenario: scenario, replications: replications, sensitivity: 0).runJudged(threads: threads)
        var seen = Set<Metric>()
        let standard = run.figures.flatMap(Metric.standard(for:)).filter { seen.insert($0).inserted }
        let expected = standard.compactMap { metric -> Metric? in
            guard case .group(let tier, .credits) = metric.subject else { return nil }
            return Metric(.group(tier, .expectedCredits))
        }
        let metrics = standard + expected
        let priced = run.results.base
        return MixFigures(
            replications: replications,
            metrics: metrics.map { metric in MetricValues(metric: metric.description, values: run.figures.map(metric.value(in:))) },
            staffPerYear: run.costs.map(\.staffPerYear),
            protectionPerYear: priced.all.protection * Double(priced.all.circuits) * 12,
            tiers: (priced.tiers + [priced.all]).map(TierCost.init))
    }

    /// The staffing search from the analytic estimate and, when the mix has a neighbour, from the
    /// neighbour's answer, sharing the plans judged; the cheaper plan that meets every target is
    /// kept (the estimate's on a tie, or when neither meets them) and verified.
    func staffingNeeded(_ scenario: Scenario, neighbour: MixRecord?, threads: Int?,
                        progress: @escaping @Sendable (String) -> Void) -> (StaffingRecord, StaffingPlan) {
        let search = StaffSearch(
            scenario: scenario, targets: definition.targets, confidence: confidence, searchReplications: searchReplications,
            searchSeed: seed, verifyReplications: verifyReplications, verifySeed: seed &+ 1)
        var starts: [(label: String, plan: StaffingPlan?)] = [("analytic estimate", nil)]
        if let neighbour, let plan = Self.plan(neighbour.staffing, for: scenario, search: search),
           plan != StaffEstimate.plan(for: scenario, targets: definition.targets) {
            starts.append(("mix \(neighbour.name)", plan))
        }
        let (result, kept) = search.run(from: starts.map(\.plan), threads: threads) { progress("staffing search: \($0)") }
        return (StaffingRecord(result, from: starts[kept].label, scenario: scenario), result.recommended)
    }

    /// A stored answer as a plan of `scenario`'s roster lines (nil when the lines differ).
    static func plan(_ record: StaffingRecord, for scenario: Scenario, search: StaffSearch) -> StaffingPlan? {
        var plan = StaffingPlan(scenario)
        let units = search.units(of: plan)
        guard units.count == record.lines.count else { return nil }
        for (unit, line) in zip(units, record.lines) {
            guard unit.group == line.group, unit.shift == line.shift else { return nil }
            plan = plan.adding(line.recommended - plan.capacity(of: unit), to: unit)
        }
        return plan
    }

    /// Circuits per tier key (`untiered` for rows without a tier), in the catalogue's order.
    public static func circuitsByTier(_ scenario: Scenario) -> [TierCircuits] {
        var counts: [String: Int] = [:]
        for row in scenario.inventory { counts[row.tier ?? "untiered", default: 0] += row.circuits }
        let order = scenario.catalogue.tiers.map(\.key) + ["untiered"]
        return order.compactMap { key in counts[key].map { TierCircuits(tier: key, circuits: $0) } }
    }

    /// The scenario with the study's seed.
    private func seeded(_ scenario: Scenario) -> Scenario {
        var seeded = scenario
        seeded.seed = seed
        return seeded
    }

    /// The plan whose answer a mix's second search starts from: the base (index 0) for a named
    /// mix and for the grid's first point; for another grid point, the point one step lower on
    /// its last axis that is not at its first value.
    private func neighbour(of mix: StudyMix) -> Int? {
        let axes = definition.gridAxes
        guard !mix.gridPoint.isEmpty, mix.gridPoint.count == axes.count else { return 0 }
        var steps = zip(axes, mix.gridPoint).map { axis, value in axis.values.firstIndex(of: value) ?? 0 }
        guard let axis = steps.lastIndex(where: { $0 > 0 }) else { return 0 }
        steps[axis] -= 1
        let point = zip(axes, steps).map { axis, step in axis.values[step] }
        return definition.mixes.firstIndex { $0.gridPoint == point }.map { $0 + 1 } ?? 0
    }
}

/// One unit of a study's work: the base or a mix, seeded, with the plan its second staffing
/// search starts from.
public struct MixPlan: Sendable {
    /// `base`, or the mix's name.
    public var name: String
    /// What the mix changed (``StudyMix/changes``).
    public var changes: [String]
    /// The grid axes' values (empty for a named mix and the base).
    public var gridPoint: [Double]
    /// The scenario as run (the study's seed).
    public var scenario: Scenario
    /// The index (in ``StudyRun/plans``) of the neighbour whose answer the second search starts
    /// from; nil for the base.
    public var neighbour: Int?
}

/// Where a study is: mix `index + 1` of `total`, its stage, and an estimate of the time left
/// (nil until a mix has been computed).
public struct StudyProgress: Sendable {
    /// The plan's index (0 is the base) and the number of plans.
    public var index: Int
    public var total: Int
    /// The plan's name.
    public var mix: String
    /// What it is doing (`stored` when its record was read from the store).
    public var stage: String
    /// Mean seconds per plan computed so far × plans left to compute; nil before the first.
    public var secondsLeft: Double?
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

extension StaffingRecord {
    /// The record of a kept search.
    init(_ result: StaffSearchResult, from start: String, scenario: Scenario) {
        let today = StaffingPlan(scenario)
        let weeks = StaffCostPlan.weeksPerYear
        startedFrom = start
        stop = result.stop.rawValue
        allTargetsMet = result.allTargetsMet
        evaluations = result.evaluations
        lines = result.units.map { unit in
            let hoursPerHead = result.recommended.lines(of: unit.pool)[unit.line].hoursPerWeek * weeks
            let (current, recommended) = (today.capacity(of: unit), result.recommended.capacity(of: unit))
            return StaffLineRecord(
                group: unit.group, shift: unit.shift, today: current, recommended: recommended, hoursPerHeadPerYear: hoursPerHead,
                todayFTE: scenario.costs.fullTimeEquivalents(hoursPerYear: Double(current) * hoursPerHead),
                recommendedFTE: scenario.costs.fullTimeEquivalents(hoursPerYear: Double(recommended) * hoursPerHead))
        }
        rosterCostPerYear = result.recommendedStep.costPerYear
        verifiedStaffCostPerYear = result.recommendedCost.totalPerYear
        targets = result.verification.enumerated().map { index, judgement in
            TargetRecord(target: judgement.target.description, replications: judgement.replications, estimate: judgement.estimate,
                         bound: judgement.bound, holds: judgement.holds, binds: result.binds(index), slack: judgement.slack,
                         reachable: !result.unreachable.contains(index), ampleBound: result.ample?.judgements[index].bound)
        }
    }
}

extension TierCost {
    init(_ price: TierPrice) {
        tier = price.key
        circuits = price.circuits
        fee = price.fee
        loadedCost = price.loadedCost
        credits = price.credits.estimate
        protection = price.protection
        breakEven = price.breakEven
        margin = price.margin
    }
}
