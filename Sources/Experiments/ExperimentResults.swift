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
    /// Install commitments.
    public var installs: InstallResults
    /// Tickets per replication still open at the horizon: in the log and judged as of the
    /// horizon (an outage unrestored past its limit is a missed restoration and unavailable
    /// up to the horizon).
    public var openAtHorizon: Estimate
    /// Of those, outage tickets per replication still within their restoration limit: their
    /// restoration is not judged yet (counted in no compliance figure).
    public var pendingRestorations: Estimate

    /// Seconds in a year (365 days): credits over the window are scaled by year / window.
    public static let secondsPerYear = 365.0 * 86_400

    /// Aggregates replication figures (in replication order).
    public init(_ figures: [ReplicationFigures], scenario: Scenario, period: PeriodKind, breakdowns: [Breakdown]) {
        precondition(!figures.isEmpty, "ExperimentResults: no replications")
        scenarioName = scenario.name
        replications = figures.count
        self.period = period
        windowDays = Double(figures[0].windowSeconds) / 86_400
        self.breakdowns = breakdowns.map { breakdown in
            (breakdown, GroupResult.all(figures.map { ($0.groups[breakdown] ?? [], $0.windowSeconds) }))
        }
        overall = GroupResult(key: "all", figures.map { (GroupFigures.total($0.groups[.tier] ?? []), $0.windowSeconds) })
        staff = StaffResults(figures.map(\.staff))
        stages = StageTimes.estimates(figures.map(\.stages))
        installs = InstallResults(figures.map(\.installs))
        openAtHorizon = Estimate(figures.map { Double($0.counts.openAtHorizon) })!
        pendingRestorations = Estimate(figures.map { Double(($0.groups[.tier] ?? []).reduce(0) { $0 + $1.pendingRestorations }) })!
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
