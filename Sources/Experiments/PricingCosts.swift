/// One replication's staff cost per year, per tier, in the two senses `faultline price` reports
/// (docs/price.md):
///
/// - **direct**: the tier's own work — crew-hours of its tickets (call-outs included) × `crewHour`
///   plus agent-hours of intake, confirmation, updates and reports × `agentHour` plus remote-fix
///   engineer hours × `remoteEngineerHour`;
/// - **fully loaded**: the whole year's roster cost (`StaffCostPlan`: duty crews, on-call standby,
///   agents, remote-fix engineers) plus call-out work and the account managers' reports, spread
///   over the tiers in proportion to their busy hours — each region's crew cost over that
///   region's ticket and install hours, the agents' cost over the tiers' agent hours and the
///   installation progress reports' agent-hours, the engineers' cost over the tiers' engineer
///   hours. Installs take their share on their own line, with their progress reports' account-
///   manager hours; a staff group with no busy hours at all leaves its cost unattributed.
///
/// Every roster currency unit lands somewhere: Σ loaded + installs' loaded + unattributed =
/// rosters + call-outs + account managers' reports.
public struct PricingCosts: Sendable, Hashable {
    /// Per tier of the plan: direct cost per year.
    public var directPerYear: [Double]
    /// Per tier: fully loaded cost per year.
    public var loadedPerYear: [Double]
    /// Installs: their crew-hours per year × `crewHour`, plus their progress reports' agent-hours
    /// × `agentHour` and ``installReportPerYear``.
    public var installDirectPerYear: Double
    /// Installs: their share of the regions' crew cost per year, of the agents' cost for progress
    /// reports agents write, and ``installReportPerYear``.
    public var installLoadedPerYear: Double
    /// Roster cost of staff groups that did no work at all (nothing to spread it over).
    public var unattributedPerYear: Double
    /// Call-outs: on-call crews' measured call-out hours per year × `crewHour` (as `StaffCost`).
    public var callOutPerYear: Double
    /// Account managers' monthly-report hours per year × `accountManagerHour` (the agent rate
    /// when not given), as `StaffCost` counts them; each tier carries the share of its circuits
    /// that get a report.
    public var accountManagerPerYear: Double
    /// Account managers' installation progress-report hours per year × `accountManagerHour`:
    /// the line `StaffCost` counts as `accountManagers.installReports`, carried by installs.
    public var installReportPerYear: Double
    /// The rosters' cost per year (`StaffCostPlan.totalPerYear`) + ``callOutPerYear`` +
    /// ``accountManagerPerYear`` + ``installReportPerYear``.
    public var staffPerYear: Double

    /// Costs one replication's figures at the plan's rates.
    public init(_ figures: PricingFigures, plan: PricingPlan) {
        let years = figures.yearsPerWindow, rates = plan.costs
        let tierCount = plan.tiers.count
        directPerYear = (0..<tierCount).map { tier in
            (figures.crewHours[tier].reduce(0, +) * rates.crewHour + figures.agentHours[tier] * rates.agentHour
                + figures.remoteEngineerHours[tier] * rates.remoteEngineerRate) * years
        }
        installReportPerYear = figures.installReportHours.accountManager * rates.accountManagerRate * years
        installDirectPerYear = (figures.installHours.reduce(0, +) * rates.crewHour
            + figures.installReportHours.agent * rates.agentHour) * years + installReportPerYear
        loadedPerYear = Array(repeating: 0, count: tierCount)
        installLoadedPerYear = 0
        unattributedPerYear = 0
        callOutPerYear = 0
        accountManagerPerYear = figures.accountManagerHours * rates.accountManagerRate * years
        staffPerYear = 0
        for (region, name) in plan.regions.enumerated() {
            let callOut = figures.callOutHours[region] * rates.crewHour * years
            callOutPerYear += callOut
            let cost = plan.rosterCostPerYear("crews.\(name)") + plan.rosterCostPerYear("onCall.\(name)") + callOut
            spread(cost, tierHours: figures.crewHours.map { $0[region] }, installHours: figures.installHours[region])
        }
        spread(plan.rosterCostPerYear("agents"), tierHours: figures.agentHours, installHours: figures.installReportHours.agent)
        spread(plan.rosterCostPerYear("remoteEngineers"), tierHours: figures.remoteEngineerHours, installHours: 0)
        spread(accountManagerPerYear, tierHours: plan.tiers.map { Double($0.monthlyReportCircuits) }, installHours: 0)
        installLoadedPerYear += installReportPerYear
        staffPerYear = plan.staffCost.totalPerYear + callOutPerYear + accountManagerPerYear + installReportPerYear
    }

    /// Spreads a cost over the tiers and installs in proportion to their hours.
    private mutating func spread(_ cost: Double, tierHours: [Double], installHours: Double) {
        let total = tierHours.reduce(0, +) + installHours
        guard total > 0 else {
            unattributedPerYear += cost
            return
        }
        for (tier, hours) in tierHours.enumerated() { loadedPerYear[tier] += cost * hours / total }
        installLoadedPerYear += cost * installHours / total
    }
}
