import Scenario

/// One head count `faultline staff` decides: a roster line of a region's on-duty crews, of
/// the monitoring centre's agents, or of the remote-fix engineers.
public struct StaffUnit: Sendable, Hashable, CustomStringConvertible {
    /// Whose roster.
    public enum Pool: Sendable, Hashable {
        /// On-duty crews of the region at this index of the plan's regions.
        case crews(Int)
        /// Monitoring-centre agents.
        case agents
        /// Remote-fix engineers.
        case remoteEngineers
    }

    /// Whose roster.
    public var pool: Pool
    /// The line's index in that roster.
    public var line: Int
    /// `crews.east`, `agents` or `remoteEngineers`.
    public var group: String
    /// The line's shift as the scenario format writes it.
    public var shift: String
    /// Cost per year of one more unit on this line (its hours × the hourly rate).
    public var costPerYear: Double

    /// `crews.east Mon-Fri 08:30-17:30`.
    public var description: String { "\(group) \(shift)" }
}

/// One point of the compliance-versus-staff curve: a plan, its yearly cost and every target's
/// judgement on the search replications.
public struct StaffStep: Sendable, Hashable {
    /// How the plan was reached.
    public enum Move: Sendable, Hashable {
        /// The scenario's own staffing (for comparison; not on the search path).
        case current
        /// The analytic estimate the search starts from.
        case start
        /// `count` heads added to the unit at index `unit` of ``StaffSearchResult/units``
        /// (greedy; more than one only to cross a plateau, e.g. an unstable queue).
        case add(unit: Int, count: Int)
        /// One unit removed (trim).
        case remove(Int)
        /// The ample plan that tells whether staffing can reach a target (not on the search path;
        /// see `StaffSearch.amplePlan(over:)`).
        case ample
    }

    /// How the plan was reached.
    public var move: Move
    /// The staffing.
    public var plan: StaffingPlan
    /// Yearly cost of the plan's rosters (StaffCostPlan total, on-call included; the search
    /// decides rosters, so call-outs are left out here).
    public var costPerYear: Double
    /// Every target, in the order given.
    public var judgements: [TargetJudgement]

    /// Every target holds.
    public var allHold: Bool { judgements.allSatisfy(\.holds) }
}

/// Why the greedy phase stopped.
public enum StaffStop: String, Sendable, Hashable {
    /// Every target held.
    case met
    /// No single added unit improved the failing targets (they may be out of staffing's reach).
    case stalled
    /// The step limit was reached.
    case stepLimit
    /// The plan grew dearer than the cost cap (see `StaffSearch.costCapFactor`) with targets still failing.
    case costLimit
    /// No target was left to search for: every one that failed is out of staffing's reach (see
    /// ``StaffSearchResult/unreachable``), so today's staffing is kept.
    case unreachable
}

/// What `faultline staff` found: the units, the search path, the recommendation and its
/// verification on fresh replications. A value a renderer (terminal, JSON, CSV, HTML) reads.
public struct StaffSearchResult: Sendable {
    /// The targets, in the order given.
    public var targets: [StaffTarget]
    /// The confidence every target is judged at.
    public var confidence: Double
    /// Replications per candidate in the search, and their seed (common to every candidate).
    public var searchReplications: Int
    public var searchSeed: UInt64
    /// Replications and seed of the verification (fresh streams).
    public var verifyReplications: Int
    public var verifySeed: UInt64
    /// The decision units, in plan order (crew regions in order, then agents).
    public var units: [StaffUnit]
    /// The scenario's own staffing, judged on the search replications.
    public var current: StaffStep
    /// The search path: the start, each greedy addition, each trim removal.
    public var curve: [StaffStep]
    /// Why the greedy phase stopped.
    public var stop: StaffStop
    /// The recommended plan (the curve's last step).
    public var recommended: StaffingPlan
    /// Staff cost per year of the scenario's staffing (call-outs measured on the search
    /// replications) and of the recommendation (call-outs measured on the fresh ones).
    public var currentCost: StaffCost
    public var recommendedCost: StaffCost
    /// The recommendation judged on fresh replications.
    public var verification: [TargetJudgement]
    /// Per target (in order), the units whose removal made it fail during the trim.
    public var bindingUnits: [[Int]]
    /// Simulated candidate plans (each `searchReplications` replications), cache hits excluded.
    public var evaluations: Int
    /// The ample plan and its judgements, when some target failed at every start (nil otherwise).
    public var ample: StaffStep? = nil
    /// Indices of the targets that fail even at the ample plan: out of staffing's reach, left
    /// out of the search (the recommendation meets the others).
    public var unreachable: [Int] = []

    /// The analytic estimate the search started from (the curve's first step).
    public var start: StaffStep { curve[0] }
    /// The recommendation as the search judged it (the curve's last step).
    public var recommendedStep: StaffStep { curve[curve.count - 1] }

    /// How a step was reached, in words: `start (analytic estimate)`, `+ crews.east Mon-Fri
    /// 08:30-17:30`, `+2 agents 00:00-08:00`, `− agents 00:00-08:00`.
    public func text(of move: StaffStep.Move) -> String {
        switch move {
        case .current: return "current staffing"
        case .start: return "start (analytic estimate)"
        case .add(let unit, let count): return (count == 1 ? "+ " : "+\(count) ") + "\(units[unit])"
        case .remove(let unit): return "− \(units[unit])"
        case .ample: return "ample staffing (reach check)"
        }
    }

    /// Every target holds on the fresh replications (a target without data does not fail here;
    /// see ``unjudgeable``).
    public var verified: Bool { verification.allSatisfy(\.holds) }

    /// Targets no fresh replication had a value for (a tier without circuits in the scenario, a
    /// check that never applied): they cannot be judged, so they are never met.
    public var unjudgeable: [StaffTarget] { verification.filter(\.noData).map(\.target) }

    /// The search's verdict: every target judged and held on the fresh replications, after a
    /// search that reached them, none out of staffing's reach. The one place that decides
    /// `faultline staff`'s success.
    public var allTargetsMet: Bool { stop == .met && unreachable.isEmpty && verified && unjudgeable.isEmpty }

    /// A target binds when removing some unit made it fail, or when its verified bound is
    /// within `margin` (relative) of the threshold; one out of staffing's reach never does.
    public func binds(_ index: Int, margin: Double = 0.005) -> Bool {
        guard !unreachable.contains(index) else { return false }
        return !bindingUnits[index].isEmpty || (!verification[index].noData && abs(verification[index].slack) <= margin)
    }
}

extension StaffingPlan {
    /// Units on `unit`'s roster line in this plan.
    public func capacity(of unit: StaffUnit) -> Int { lines(of: unit.pool)[unit.line].capacity }
}
