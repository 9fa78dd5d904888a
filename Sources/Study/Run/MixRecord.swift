import Experiments
import SimCore

/// One mix's results as the results store keeps them: plain values, so a study resumed from the
/// store reports exactly what an uninterrupted one does (the report is always built from
/// records read back, never from the live computation).
public struct MixRecord: Codable, Sendable, Equatable {
    /// The digest of the work that made this record (``PlanDigest``): the resolved mix, seeds,
    /// replications, targets, FaultLine's version.
    public var digest: String
    /// The mix's name (`base` for the reference).
    public var name: String
    /// What the mix changed, one line each (empty for the base).
    public var changes: [String]
    /// The grid axes' values (empty for a named mix).
    public var gridPoint: [Double]
    /// Circuits per tier (`untiered` for rows without one), in the catalogue's tier order.
    public var circuitsByTier: [TierCircuits]
    /// Figures at today's staffing.
    public var current: MixFigures
    /// The staffing the mix needs.
    public var staffing: StaffingRecord
    /// Figures and cost to serve at the recommended staffing.
    public var recommended: MixFigures

    /// Every circuit of the mix.
    public var circuits: Int { circuitsByTier.reduce(0) { $0 + $1.circuits } }
}

/// Circuits of one tier.
public struct TierCircuits: Codable, Sendable, Equatable {
    /// The tier's key, or `untiered`.
    public var tier: String
    /// Its circuits.
    public var circuits: Int
}

/// A mix at one staffing (today's, or the recommended), from one set of replications: every
/// standard metric per replication (as `compare` pairs them), the staff cost per replication,
/// and the cost to serve per tier (as `price`).
public struct MixFigures: Codable, Sendable, Equatable {
    /// Replications run.
    public var replications: Int
    /// Each metric's value in every replication (nil where it had none), in report order.
    public var metrics: [MetricValues]
    /// Rosters plus measured call-outs per year, per replication.
    public var staffPerYear: [Double]
    /// Protection per year (fixed by the inventory's network grades).
    public var protectionPerYear: Double
    /// Cost to serve per tier present, then `all`.
    public var tiers: [TierCost]

    /// One metric's values, or nil when the mix has none.
    public func values(_ metric: String) -> [Double?]? { metrics.first { $0.metric == metric }?.values }

    /// A metric's estimate over the replications that have a value; nil when none has.
    public func estimate(_ metric: String) -> Estimate? { values(metric).flatMap { Estimate($0.compactMap { $0 }) } }

    /// A money metric's mean, p95 and p99 over the replications that have a value; nil when none has.
    public func exposure(_ metric: String) -> ExposureEstimate? {
        guard let values = values(metric)?.compactMap({ $0 }), !values.isEmpty else { return nil }
        return ExposureEstimate(values)
    }

    /// Staff cost per year.
    public var staffCostPerYear: Estimate { Estimate(staffPerYear)! }

    /// Staff + claimed credits + protection per year, per replication.
    public var yearlyCost: [Double] {
        let claimed = values("claimedCredits") ?? []
        return staffPerYear.indices.map { r in
            staffPerYear[r] + (r < claimed.count ? claimed[r] ?? 0 : 0) + protectionPerYear
        }
    }
}

/// One metric's value in every replication, by the metric's name (`SLA-AA.restoration`).
public struct MetricValues: Codable, Sendable, Equatable {
    /// The metric's name as `Metric.parse` reads it.
    public var metric: String
    /// Its value in replication 0, 1, …; nil where it had none.
    public var values: [Double?]
}

/// The staffing search's answer for one mix.
public struct StaffingRecord: Codable, Sendable, Equatable {
    /// Where the kept search started: `analytic estimate`, or `mix NAME` (a neighbour's answer).
    public var startedFrom: String
    /// Why the kept search stopped (`met`, `stalled`, `stepLimit`, `costLimit`, `unreachable`).
    public var stop: String
    /// Every target judged and held on the fresh replications after a search that reached them.
    public var allTargetsMet: Bool
    /// Candidate plans simulated by the searches (each plan once).
    public var evaluations: Int
    /// Every roster line the search varies, today's heads and the recommended heads.
    public var lines: [StaffLineRecord]
    /// The recommended rosters' cost per year (hours × rates).
    public var rosterCostPerYear: Double
    /// The recommended rosters plus call-outs measured on the fresh replications, per year.
    public var verifiedStaffCostPerYear: Estimate
    /// The targets as judged on the fresh replications.
    public var targets: [TargetRecord]

    /// The targets no staffing reaches (they fail even at the reach check's ample staffing).
    public var unreachable: [String] { targets.filter { !$0.reachable }.map(\.target) }

    /// Full-time equivalents of the recommended staffing.
    public var headcount: Double { lines.reduce(0) { $0 + $1.recommendedFTE } }
    /// Full-time equivalents of today's staffing.
    public var headcountToday: Double { lines.reduce(0) { $0 + $1.todayFTE } }
    /// Recommended heads per pool (`crews.east`, `agents`), pools in line order.
    public var headsByPool: [(pool: String, today: Int, recommended: Int)] {
        var pools: [(pool: String, today: Int, recommended: Int)] = []
        for line in lines {
            if let index = pools.firstIndex(where: { $0.pool == line.group }) {
                pools[index].today += line.today
                pools[index].recommended += line.recommended
            } else {
                pools.append((line.group, line.today, line.recommended))
            }
        }
        return pools
    }
}

/// One roster line of a pool: heads today and recommended, and what one head there works.
public struct StaffLineRecord: Codable, Sendable, Equatable {
    /// `crews.REGION` or `agents`.
    public var group: String
    /// The line's shift, e.g. `Mon-Fri 08:30-17:30`.
    public var shift: String
    /// Heads on the line today.
    public var today: Int
    /// Heads the search recommends.
    public var recommended: Int
    /// Rostered hours per year of one head on the line.
    public var hoursPerHeadPerYear: Double
    /// Full-time equivalents today and recommended (`StaffCosts.fullTimeEquivalents`).
    public var todayFTE: Double
    public var recommendedFTE: Double
}

/// One target judged on the verification's fresh replications.
public struct TargetRecord: Codable, Sendable, Equatable {
    /// The target as written, e.g. `SLA-AA.restoration >= 0.95`.
    public var target: String
    /// Replications with a value.
    public var replications: Int
    /// The mean or empirical percentile; nil without data.
    public var estimate: Double?
    /// The one-sided confidence bound; nil without data.
    public var bound: Double?
    /// The bound is on the target's side.
    public var holds: Bool
    /// Removing a head broke it during the trim, or its bound is within 0.5 % of the threshold.
    public var binds: Bool
    /// How far the bound is on the good side, relative to the threshold.
    public var slack: Double
    /// Staffing can reach it: it held at some start, or at the reach check's ample staffing.
    public var reachable: Bool
    /// Its bound at the ample staffing, when the reach check ran (what staffing can buy at most).
    public var ampleBound: Double?
}

/// One tier's cost to serve per circuit-month.
public struct TierCost: Codable, Sendable, Equatable {
    /// The tier's key, or `all`.
    public var tier: String
    /// Circuits judged under the tier.
    public var circuits: Int
    /// Today's monthly fee per circuit (circuit-weighted).
    public var fee: Double
    /// Fully loaded staff cost per circuit-month.
    public var loadedCost: Estimate
    /// Claimed credits per circuit-month.
    public var credits: Estimate
    /// Protection per circuit-month.
    public var protection: Double
    /// Loaded cost + credits + protection.
    public var breakEven: Estimate
    /// Fee − break-even.
    public var margin: Estimate
}
