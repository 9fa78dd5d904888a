import RepairModel
import Scenario
import ServiceRules
import SimCore

/// The aggregated results of an ``Experiment``: per group of each breakdown, staff load, stage
/// times and install commitments, each across the replications.
public struct ExperimentResults: Sendable {
    /// The scenario's name.
    public var scenarioName: String
    /// Replications aggregated.
    public var replications: Int
    /// The availability period.
    public var period: PeriodKind
    /// Days observed per replication (horizon − warm-up).
    public var windowDays: Double
    /// Groups per breakdown, in the breakdowns' order.
    public var breakdowns: [(breakdown: Breakdown, groups: [GroupResult])]
    /// The same figures over all circuits (from the tier breakdown's groups).
    public var overall: GroupResult
    /// Crew utilisation per region, then the agents'.
    public var staff: StaffResults
    /// Mean minutes per workflow stage.
    public var stages: [(stage: String, minutes: Estimate?)]
    /// The same per tier, for tiers with tickets in some replication (catalogue order); a
    /// tier's estimate rests on the replications where it had tickets through the stage.
    public var stagesByTier: [(tier: String, stages: [(stage: String, minutes: Estimate?)])]
    /// Waits per pool of staff with jobs: crews per region, all agents' tasks, each kind of task.
    public var waits: [PoolWaitResult]
    /// Install commitments.
    public var installs: InstallResults
    /// Tickets per replication still open at the horizon: in the log and judged as of the
    /// horizon (an outage unrestored past its limit is a missed restoration and unavailable
    /// up to the horizon).
    public var openAtHorizon: Estimate
    /// Of those, outage tickets per replication still within their restoration limit: their
    /// restoration is not judged yet (counted in no compliance figure).
    public var pendingRestorations: Estimate
    /// Per escalation level (scenario order) and tier, then `all`: tickets reaching it per
    /// year and the restoration compliance of those tickets. Empty when escalation is off.
    public var escalations: [EscalationResult]
    /// Duty-manager hours per year of escalation notices (0 when no level notifies the duty manager).
    public var dutyManagerHoursPerYear: Estimate

    /// Seconds in a year (365 days): credits over the window are scaled by year / window.
    public static let secondsPerYear = 365.0 * 86_400

    /// Aggregates replication figures (in replication order), their histograms merged as
    /// ``ReplicationSet`` merges them.
    public init(_ figures: [ReplicationFigures], scenario: Scenario, period: PeriodKind, breakdowns: [Breakdown]) {
        self.init(ReplicationSet(figures), scenario: scenario, period: period, breakdowns: breakdowns)
    }

    /// Aggregates the replications of a set (all of a run's, in replication order): the one
    /// aggregation behind a one-machine run and a merge of shards.
    public init(_ set: ReplicationSet, scenario: Scenario, period: PeriodKind, breakdowns: [Breakdown]) {
        self.init(set.figures, restorationTimes: set.restorationTimes, waitTimes: set.waitTimes, scenario: scenario,
                  period: period, breakdowns: breakdowns)
    }

    /// Aggregates replication figures (in replication order) whose restoration times and waits
    /// were already moved into `restorationTimes` and `waitTimes` (see
    /// ``Experiment/run(threads:progress:)``).
    init(_ figures: [ReplicationFigures], restorationTimes: RestorationTimes, waitTimes: WaitTimes, scenario: Scenario, period: PeriodKind,
         breakdowns: [Breakdown]) {
        precondition(!figures.isEmpty, "ExperimentResults: no replications")
        scenarioName = scenario.name
        replications = figures.count
        self.period = period
        windowDays = Double(figures[0].windowSeconds) / 86_400
        self.breakdowns = breakdowns.map { breakdown in
            (breakdown, GroupResult.all(figures.map { ($0.groups[breakdown] ?? [], $0.windowSeconds) },
                                        restorationSeconds: restorationTimes.groups[breakdown] ?? [:]))
        }
        overall = GroupResult(key: "all", figures.map { (GroupFigures.total($0.groups[.tier] ?? []), $0.windowSeconds) },
                              restorationSeconds: restorationTimes.overall)
        staff = StaffResults(figures.map(\.staff))
        stages = StageTimes.estimates(figures.map(\.stages))
        stagesByTier = StageTimes.byTier(figures, tierOrder: scenario.catalogue.tiers.map(\.key))
        waits = PoolWaitResult.all(figures, merged: waitTimes)
        installs = InstallResults(figures.map(\.installs))
        openAtHorizon = Estimate(figures.map { Double($0.counts.openAtHorizon) })!
        pendingRestorations = Estimate(figures.map { Double(($0.groups[.tier] ?? []).reduce(0) { $0 + $1.pendingRestorations }) })!
        escalations = EscalationResult.all(figures, levels: scenario.escalation.levels,
                                           tierOrder: scenario.catalogue.tiers.map(\.key))
        dutyManagerHoursPerYear = Estimate(figures.map {
            $0.staff.dutyManagerHours * Self.secondsPerYear / Double($0.windowSeconds)
        })!
    }
}

extension GroupFigures {
    /// The sum of several groups (one replication's all-circuit figures).
    static func total(_ groups: [GroupFigures]) -> GroupFigures {
        var total = GroupFigures(key: "all")
        for group in groups {
            total.tickets += group.tickets
            total.outageTickets += group.outageTickets
            total.openTickets += group.openTickets
            total.pendingRestorations += group.pendingRestorations
            total.dispatch.add(group.dispatch)
            total.accept.add(group.accept)
            total.restoration.add(group.restoration)
            total.confirmation.add(group.confirmation)
            total.faultReport.add(group.faultReport)
            total.circuitPeriods += group.circuitPeriods
            total.availabilityMet += group.availabilityMet
            total.repeatViolations += group.repeatViolations
            total.credits += group.credits
            total.expectedCredits += group.expectedCredits
            total.claimedCredits += group.claimedCredits
            total.restorationSeconds.merge(group.restorationSeconds)
        }
        return total
    }
}

extension CheckCount {
    mutating func add(_ other: CheckCount) {
        met += other.met
        applicable += other.applicable
    }
}

/// Restoration-time histograms merged over replications, per breakdown and group and over all
/// tiers. The histograms are the bulk of a replication's figures (each up to ~115 KB); moving
/// them here as each replication finishes keeps what a run holds per replication small.
/// Merging adds counts, so the result does not depend on the order replications finish in.
struct RestorationTimes: Sendable, Codable {
    /// Per breakdown, per group key.
    var groups: [Breakdown: [String: Histogram]] = [:]
    /// Every tier's restoration times.
    var overall = Histogram(highestTrackableValue: 0)

    /// Merges the figures' histograms in and leaves empty ones in their place.
    mutating func absorb(_ figures: inout ReplicationFigures) {
        for (breakdown, groups) in figures.groups {
            for group in groups {
                self.groups[breakdown, default: [:]][group.key, default: Histogram(highestTrackableValue: 0)]
                    .merge(group.restorationSeconds)
                if breakdown == .tier { overall.merge(group.restorationSeconds) }
            }
        }
        figures.dropRestorationTimes()
    }
}

extension ReplicationFigures {
    /// Replaces every group's restoration-time histogram with an empty one (what a run keeps
    /// per replication needs only counts; see ``RestorationTimes``).
    mutating func dropRestorationTimes() {
        for breakdown in groups.keys {
            for index in groups[breakdown, default: []].indices {
                groups[breakdown]![index].restorationSeconds = Histogram(highestTrackableValue: 0)
            }
        }
    }
}

