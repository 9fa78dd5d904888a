import RepairModel
import Scenario
import SimCore
import Synchronization

/// The minimum-cost staffing search behind `faultline staff`.
///
/// 1. Start from ``StaffEstimate`` (never leaving a minute of the week without a unit where the
///    roster has a line; see ``floorAllows(_:removing:)``).
/// 2. **Reach**: when a target fails at every start, judge one ample plan (``amplePlan(over:)``:
///    every roster line at `costCapFactor` times its heads, at least `ampleExtraHeads` more). A
///    target that fails even there is out of staffing's reach: it is reported as such and left
///    out of the search, which then looks for the cheapest plan meeting the others (with none
///    left, today's staffing is kept).
/// 3. **Greedy**: while a target fails, try one more unit on every line, each candidate
///    simulated on the same `searchReplications` with the same seed (common random numbers, so
///    differences are staffing, not noise), and keep the one with the largest reduction of the
///    targets' total relative shortfall per unit of yearly cost. Stop when every target holds,
///    when no unit helps, or after `maxSteps`.
/// 4. **Trim**: most expensive units first, remove a unit while every target still holds.
/// 5. **Verify** the result on `verifyReplications` fresh replications (another seed).
///
/// Deterministic: the same inputs give the same result whatever the thread count.
public struct StaffSearch: Sendable {
    /// The scenario whose rosters are varied.
    public var scenario: Scenario
    /// Targets every plan must meet.
    public var targets: [StaffTarget]
    /// Confidence of the target bounds.
    public var confidence: Double
    /// Replications per candidate, and their seed.
    public var searchReplications: Int
    public var searchSeed: UInt64
    /// Replications and seed of the verification.
    public var verifyReplications: Int
    public var verifySeed: UInt64
    /// Greedy additions at most.
    public var maxSteps: Int = 200
    /// The plan the search starts from; nil for ``StaffEstimate`` (the analytic estimate).
    public var start: StaffingPlan?
    /// The greedy phase stops once a plan costs more than this multiple of the dearer of the
    /// scenario's own staffing and the start (a target out of staffing's reach would otherwise
    /// keep buying tiny gains).
    public var costCapFactor: Double = 3
    /// The ample plan's least addition per roster line (see ``amplePlan(over:)``).
    public var ampleExtraHeads: Int = 8

    /// Prepares a search; nothing runs until ``run(threads:progress:)``.
    public init(scenario: Scenario, targets: [StaffTarget], confidence: Double, searchReplications: Int, searchSeed: UInt64,
                verifyReplications: Int, verifySeed: UInt64) {
        precondition(searchReplications >= 1 && verifyReplications >= 1, "StaffSearch: at least one replication")
        self.scenario = scenario
        self.targets = targets
        self.confidence = confidence
        self.searchReplications = searchReplications
        self.searchSeed = searchSeed
        self.verifyReplications = verifyReplications
        self.verifySeed = verifySeed
    }

    /// The decision units of a plan, with their yearly cost per unit.
    public func units(of plan: StaffingPlan) -> [StaffUnit] {
        let weeks = StaffCostPlan.weeksPerYear
        var units: [StaffUnit] = []
        for (regionIndex, lines) in plan.crewLines.enumerated() {
            for (index, line) in lines.enumerated() {
                units.append(StaffUnit(pool: .crews(regionIndex), line: index, group: "crews.\(plan.regions[regionIndex])",
                                       shift: line.shiftText, costPerYear: line.hoursPerWeek * weeks * scenario.costs.crewHour))
            }
        }
        for (index, line) in plan.agentLines.enumerated() {
            units.append(StaffUnit(pool: .agents, line: index, group: "agents", shift: line.shiftText,
                                   costPerYear: line.hoursPerWeek * weeks * scenario.costs.agentHour))
        }
        for (index, line) in plan.remoteLines.enumerated() {
            units.append(StaffUnit(pool: .remoteEngineers, line: index, group: "remoteEngineers", shift: line.shiftText,
                                   costPerYear: line.hoursPerWeek * weeks * scenario.costs.remoteEngineerRate))
        }
        return units
    }

    /// Runs the search on up to `threads` threads; `progress` receives a short line per stage.
    public func run(threads: Int? = nil, progress: (@Sendable (String) -> Void)? = nil) -> StaffSearchResult {
        run(from: [start], threads: threads, progress: progress).result
    }

    /// Runs the search once from each start (nil: the analytic estimate), all on the same search
    /// replications with one memory of the plans already judged, and keeps the cheapest plan
    /// that meets every target there (the earliest start's on a tie, or when none does); only
    /// that plan is verified. Targets out of staffing's reach (see ``amplePlan(over:)``) are set
    /// aside first: the paths pursue the others. Returns the result with the index of the start
    /// it came from.
    public func run(from starts: [StaffingPlan?], threads: Int? = nil,
                    progress: (@Sendable (String) -> Void)? = nil) -> (result: StaffSearchResult, start: Int) {
        precondition(!starts.isEmpty, "StaffSearch: at least one start")
        var evaluator = Evaluator(search: self, threads: threads)
        let currentPlan = StaffingPlan(scenario)
        let units = units(of: currentPlan)
        progress?("judging the current staffing")
        let (currentJudgements, currentStaff) = evaluator.measure(currentPlan, seed: searchSeed, replications: searchReplications)
        let current = evaluator.step(.current, currentPlan, judgements: currentJudgements)
        let startSteps = starts.map { evaluator.step(.start, covered($0 ?? StaffEstimate.plan(for: scenario, targets: targets))) }
        let reach = self.reach(current: current, starts: startSteps, evaluator: &evaluator, progress: progress)
        let paths = reach.goal.isEmpty
            ? [SearchPath(plan: currentPlan, curve: [current], stop: .unreachable, binding: Array(repeating: [], count: targets.count))]
            : startSteps.map { search(from: $0, goal: reach.goal, current: current, units: units, evaluator: &evaluator, progress: progress) }
        let kept = paths.indices.min { a, b in
            let (left, right) = (paths[a], paths[b])
            if (left.stop == .met) != (right.stop == .met) { return left.stop == .met }
            let (leftCost, rightCost) = (left.curve.last!.costPerYear, right.curve.last!.costPerYear)
            return left.stop == .met && leftCost != rightCost ? leftCost < rightCost : a < b
        }!
        let path = paths[kept]
        progress?("verifying on \(verifyReplications) fresh replications")
        let (verification, verifiedStaff) = evaluator.measure(path.plan, seed: verifySeed, replications: verifyReplications)
        let result = StaffSearchResult(
            targets: targets, confidence: confidence, searchReplications: searchReplications, searchSeed: searchSeed,
            verifyReplications: verifyReplications, verifySeed: verifySeed, units: units, current: current, curve: path.curve,
            stop: path.stop, recommended: path.plan, currentCost: StaffCost(scenario: scenario, staff: currentStaff),
            recommendedCost: StaffCost(scenario: path.plan.applied(to: scenario), staff: verifiedStaff), verification: verification,
            bindingUnits: path.binding, evaluations: evaluator.evaluations, ample: reach.ample, unreachable: reach.unreachable)
        return (result, kept)
    }

    /// One path of the search: the plan it ends on, its curve, why its greedy phase stopped, and
    /// per target the units whose removal broke it in the trim.
    private struct SearchPath {
        var plan: StaffingPlan
        var curve: [StaffStep]
        var stop: StaffStop
        var binding: [[Int]]
    }

    /// Which targets the search pursues (`goal`, by index) and which are out of staffing's
    /// reach. The ample plan is judged only when some target fails at every start.
    private func reach(current: StaffStep, starts: [StaffStep], evaluator: inout Evaluator,
                       progress: (@Sendable (String) -> Void)?) -> (goal: [Int], unreachable: [Int], ample: StaffStep?) {
        let everyTarget = Array(targets.indices)
        let failingEverywhere = everyTarget.filter { target in starts.allSatisfy { !$0.judgements[target].holds } }
        guard !failingEverywhere.isEmpty else { return (everyTarget, [], nil) }
        progress?("judging an ample staffing: can staffing reach every target?")
        let ample = evaluator.step(.ample, amplePlan(over: [current.plan] + starts.map(\.plan)))
        let unreachable = failingEverywhere.filter { !ample.judgements[$0].holds }
        return (everyTarget.filter { !unreachable.contains($0) }, unreachable, ample)
    }

    /// The plan that tells whether staffing can reach a target: every roster line at
    /// `costCapFactor` times the most heads any of `plans` gives it (rounded up), and at least
    /// `ampleExtraHeads` more. The greedy phase stops at `costCapFactor` times the cost, so it
    /// could only beat this plan by piling heads onto a few lines: a target this plan fails is
    /// taken as one the search would pursue in vain (a heuristic; docs/staff.md, "Reach").
    public func amplePlan(over plans: [StaffingPlan]) -> StaffingPlan {
        var ample = plans[0]
        for unit in units(of: ample) {
            let most = plans.map { $0.capacity(of: unit) }.max()!
            let heads = max(Int((costCapFactor * Double(most)).rounded(.up)), most + ampleExtraHeads)
            ample = ample.adding(heads - ample.capacity(of: unit), to: unit)
        }
        return ample
    }

    /// One path of the search: greedy additions from `start` until the `goal` targets hold,
    /// then the trim.
    private func search(from start: StaffStep, goal: [Int], current: StaffStep, units: [StaffUnit], evaluator: inout Evaluator,
                        progress: (@Sendable (String) -> Void)?) -> SearchPath {
        var plan = start.plan
        var curve = [start]
        let costCap = costCapFactor * max(current.costPerYear, start.costPerYear)
        let stop = greedy(&plan, &curve, goal: goal, units: units, costCap: costCap, evaluator: &evaluator, progress: progress)
        var binding = Array(repeating: [Int](), count: targets.count)
        if stop == .met { trim(&plan, &curve, &binding, goal: goal, units: units, evaluator: &evaluator, progress: progress) }
        return SearchPath(plan: plan, curve: curve, stop: stop, binding: binding)
    }

    /// Adds the best unit per cost while a target fails. Lazy greedy: a unit's gain per cost at
    /// an earlier step is taken as a bound on its gain now (more staff helps less), so units are
    /// tried in order of that bound and the step ends once the best fresh gain beats every
    /// remaining bound. Before stopping as stalled, every unit is tried afresh.
    private func greedy(_ plan: inout StaffingPlan, _ curve: inout [StaffStep], goal: [Int], units: [StaffUnit], costCap: Double,
                        evaluator: inout Evaluator, progress: (@Sendable (String) -> Void)?) -> StaffStop {
        var bounds = Array(repeating: Double.infinity, count: units.count)
        for stepNumber in 1...maxSteps {
            let last = curve[curve.count - 1]
            if Self.hold(last.judgements, goal) { return .met }
            if last.costPerYear > costCap { return .costLimit }
            let shortfall = Self.shortfall(last.judgements, goal)
            var fresh = Set<Int>()
            var best: (index: Int, perCost: Double, judgements: [TargetJudgement])?
            while true {
                let order = units.indices.filter { !fresh.contains($0) }.sorted { bounds[$0] > bounds[$1] || (bounds[$0] == bounds[$1] && $0 < $1) }
                guard let next = order.first else { break }
                if let best, best.perCost >= bounds[next] { break }
                let batch = Array(order.prefix(bounds[next] == .infinity ? order.count : Self.batchSize))
                progress?("step \(stepNumber): trying \(fresh.count + batch.count)/\(units.count) additions · cost \(Int(last.costPerYear.rounded()))/yr")
                let judged = evaluator.judgeMany(batch.map { plan.adding(1, to: units[$0]) })
                for (index, judgements) in zip(batch, judged) {
                    fresh.insert(index)
                    let gain = shortfall - Self.shortfall(judgements, goal)
                    bounds[index] = gain / max(units[index].costPerYear, 1)
                    if gain > 1e-12, bounds[index] > (best?.perCost ?? 0) { best = (index, bounds[index], judgements) }
                }
            }
            guard let best = best.map({ (index: $0.index, count: 1, judgements: $0.judgements) })
                    ?? plateauCrossing(plan, shortfall: shortfall, goal: goal, units: units, evaluator: &evaluator) else { return .stalled }
            plan = plan.adding(best.count, to: units[best.index])
            curve.append(evaluator.step(.add(unit: best.index, count: best.count), plan, judgements: best.judgements))
        }
        return Self.hold(curve[curve.count - 1].judgements, goal) ? .met : .stepLimit
    }

    /// When no single head helps (a plateau: an unstable queue is as bad with one more), tries 2,
    /// 4 and 8 more heads on every line and takes the best gain per cost of the first size that helps.
    private func plateauCrossing(_ plan: StaffingPlan, shortfall: Double, goal: [Int], units: [StaffUnit],
                                 evaluator: inout Evaluator) -> (index: Int, count: Int, judgements: [TargetJudgement])? {
        for count in [2, 4, 8] {
            let judged = evaluator.judgeMany(units.map { plan.adding(count, to: $0) })
            var best: (index: Int, count: Int, perCost: Double, judgements: [TargetJudgement])?
            for (index, judgements) in judged.enumerated() {
                let gain = shortfall - Self.shortfall(judgements, goal)
                let perCost = gain / max(Double(count) * units[index].costPerYear, 1)
                if gain > 1e-12, perCost > (best?.perCost ?? 0) { best = (index, count, perCost, judgements) }
            }
            if let best { return (best.index, best.count, best.judgements) }
        }
        return nil
    }

    /// Candidates simulated together in a lazy greedy step (keeps both cores busy).
    static let batchSize = 2

    /// Removes units, most expensive first, while every `goal` target holds; records which
    /// targets each refused removal broke.
    private func trim(_ plan: inout StaffingPlan, _ curve: inout [StaffStep], _ binding: inout [[Int]], goal: [Int], units: [StaffUnit],
                      evaluator: inout Evaluator, progress: (@Sendable (String) -> Void)?) {
        let order = units.indices.sorted { units[$0].costPerYear > units[$1].costPerYear || (units[$0].costPerYear == units[$1].costPerYear && $0 < $1) }
        for index in order {
            while floorAllows(plan, removing: units[index]) {
                progress?("trim: without one of \(units[index])")
                let candidate = plan.adding(-1, to: units[index])
                let judgements = evaluator.judge(candidate, seed: searchSeed, replications: searchReplications)
                guard Self.hold(judgements, goal) else {
                    for target in goal where !judgements[target].holds { binding[target].append(index) }
                    break
                }
                plan = candidate
                curve.append(evaluator.step(.remove(index), plan, judgements: judgements))
            }
        }
    }

    /// The total relative shortfall of the failing `goal` targets (what the greedy step reduces).
    static func shortfall(_ judgements: [TargetJudgement], _ goal: [Int]) -> Double {
        goal.reduce(0) { $0 + judgements[$1].deficit }
    }

    /// Every `goal` target holds.
    static func hold(_ judgements: [TargetJudgement], _ goal: [Int]) -> Bool {
        goal.allSatisfy { judgements[$0].holds }
    }

    /// Whether one unit fewer on `unit`'s line still leaves at least one unit (crews on duty or
    /// on call, for a region; agents or remote engineers, for the centre) at every minute that
    /// line covers, and leaves the pool's rosters more hours than its offered work (``OfferedLoad``: a plan
    /// whose queue grows without bound is never recommended, whatever the targets).
    public func floorAllows(_ plan: StaffingPlan, removing unit: StaffUnit) -> Bool {
        let lines = plan.lines(of: unit.pool)
        guard lines[unit.line].capacity > 0 else { return false }
        let fewer = plan.adding(-1, to: unit)
        let coverage = self.coverage(fewer, pool: unit.pool)
        let covered = lines[unit.line].shifts.allSatisfy { shift in
            (0..<shift.lengthMinutes).allSatisfy { coverage[(shift.startMinuteOfWeek + $0) % Roster.minutesPerWeek] > 0 }
        }
        guard covered else { return false }
        let pools = OfferedLoad(fewer.applied(to: scenario)).pools
        let name: String
        switch unit.pool {
        case .crews(let region): name = "crews.\(scenario.crews[region].region)"
        case .agents: name = "agents"
        case .remoteEngineers: name = "remoteEngineers"
        }
        return pools.first { $0.name == name }!.utilisation < 1
    }

    /// Units able to take a ticket at each minute of the (Monday-based) week.
    func coverage(_ plan: StaffingPlan, pool: StaffUnit.Pool) -> [Int] {
        var minutes = Array(repeating: 0, count: Roster.minutesPerWeek)
        var shifts = plan.lines(of: pool).flatMap(\.shifts)
        if case .crews(let region) = pool { shifts += scenario.crews[region].onCall.shifts }
        for shift in shifts where shift.capacity > 0 {
            for offset in 0..<shift.lengthMinutes { minutes[(shift.startMinuteOfWeek + offset) % Roster.minutesPerWeek] += shift.capacity }
        }
        return minutes
    }

    /// `plan` with each line that covers a minute nobody covers raised to one unit.
    func covered(_ plan: StaffingPlan) -> StaffingPlan {
        var plan = plan
        for unit in units(of: plan) {
            let lines = plan.lines(of: unit.pool)
            guard lines[unit.line].capacity == 0 else { continue }
            let coverage = self.coverage(plan, pool: unit.pool)
            let gap = lines[unit.line].shifts.contains { shift in
                (0..<shift.lengthMinutes).contains { coverage[(shift.startMinuteOfWeek + $0) % Roster.minutesPerWeek] == 0 }
            }
            if gap { plan = plan.adding(1, to: unit) }
        }
        return plan
    }
}

extension StaffingPlan {
    /// The roster lines of a pool.
    public func lines(of pool: StaffUnit.Pool) -> [ShiftLine] {
        switch pool {
        case .crews(let region): return crewLines[region]
        case .agents: return agentLines
        case .remoteEngineers: return remoteLines
        }
    }

    /// The plan with `count` more (or fewer) units on `unit`'s line.
    public func adding(_ count: Int, to unit: StaffUnit) -> StaffingPlan {
        var plan = self
        switch unit.pool {
        case .crews(let region): plan.crewLines[region][unit.line].capacity += count
        case .agents: plan.agentLines[unit.line].capacity += count
        case .remoteEngineers: plan.remoteLines[unit.line].capacity += count
        }
        return plan
    }
}

/// Simulates plans and judges the targets, remembering what the search seed already gave.
private struct Evaluator {
    let search: StaffSearch
    let threads: Int?
    /// The scenario's circuits, expanded once: plans change staffing only.
    let inventory: ExpandedInventory
    var cache: [StaffingPlan: [TargetJudgement]] = [:]
    var evaluations = 0

    init(search: StaffSearch, threads: Int?) {
        self.search = search
        self.threads = threads
        inventory = ExpandedInventory(scenario: search.scenario)
    }

    /// A curve point for `plan` (judged on the search replications unless given).
    mutating func step(_ move: StaffStep.Move, _ plan: StaffingPlan, judgements: [TargetJudgement]? = nil) -> StaffStep {
        let judged = judgements ?? judge(plan, seed: search.searchSeed, replications: search.searchReplications)
        return StaffStep(move: move, plan: plan, costPerYear: StaffCostPlan(plan.applied(to: search.scenario)).totalPerYear,
                         judgements: judged)
    }

    /// The targets judged for one plan.
    mutating func judge(_ plan: StaffingPlan, seed: UInt64, replications: Int) -> [TargetJudgement] {
        if seed == search.searchSeed && replications == search.searchReplications { return judgeMany([plan])[0] }
        return simulate([plan], seed: seed, replications: replications, planning: false)[0].judgements
    }

    /// The targets judged for one plan and its staff figures (the call-outs of its staff cost),
    /// always simulated; on the search replications the judgements are remembered.
    mutating func measure(_ plan: StaffingPlan, seed: UInt64, replications: Int) -> ([TargetJudgement], StaffResults) {
        let searching = seed == search.searchSeed && replications == search.searchReplications
        let measured = simulate([plan], seed: seed, replications: replications, planning: searching)[0]
        if searching, cache[plan] == nil {
            cache[plan] = measured.judgements
            evaluations += 1
        }
        return (measured.judgements, StaffResults(measured.staff))
    }

    /// The targets judged for several plans on the search replications, simulated together.
    mutating func judgeMany(_ plans: [StaffingPlan]) -> [[TargetJudgement]] {
        var missing: [StaffingPlan] = []
        for plan in plans where cache[plan] == nil && !missing.contains(plan) { missing.append(plan) }
        let judged = simulate(missing, seed: search.searchSeed, replications: search.searchReplications, planning: true)
        for (plan, measured) in zip(missing, judged) { cache[plan] = measured.judgements }
        evaluations += missing.count
        return plans.map { cache[$0]! }
    }

    /// Every (plan, replication) pair as one parallel batch, so two cores stay busy.
    /// `planning`: judged with the search's margin for a fresh verification (see `TargetJudgement.judge`).
    /// Each plan's staff statistics per replication come back too (for its staff cost).
    func simulate(_ plans: [StaffingPlan], seed: UInt64, replications: Int,
                  planning: Bool) -> [(judgements: [TargetJudgement], staff: [StaffStatistics])] {
        guard !plans.isEmpty else { return [] }
        let scenarios = plans.map { plan -> Scenario in
            var scenario = plan.applied(to: search.scenario)
            scenario.seed = seed
            return scenario
        }
        let targets = search.targets
        let inventory = self.inventory
        let values = Replications.run(plans.count * replications, threads: threads) { job in
            let figures = Experiment(scenario: scenarios[job / replications], replications: replications)
                .figures(replication: job % replications, inventory: inventory)
            return (targets.map { $0.metric.value(in: figures) }, figures.staff)
        }
        return plans.indices.map { planIndex in
            let rows = values[(planIndex * replications)..<((planIndex + 1) * replications)]
            let judgements = targets.indices.map { target in
                TargetJudgement.judge(targets[target], values: rows.map { $0.0[target] }, confidence: search.confidence,
                                      planningFor: planning ? search.verifyReplications : nil)
            }
            return (judgements, rows.map(\.1))
        }
    }
}
