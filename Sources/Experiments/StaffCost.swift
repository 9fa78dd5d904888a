import Scenario
import SimCore

/// Staff cost per year, in one meaning for every command: the rosters' hours at the scenario's
/// `costs:` rates (``StaffCostPlan``) plus the measured call-out crew-hours of on-call crews,
/// paid as crew hours.
public struct StaffCost: Sendable {
    /// One measured call-out line: `callouts.REGION`.
    public struct Callout: Sendable, Hashable {
        /// `callouts.REGION`.
        public var group: String
        /// Call-out crew-hours per year across replications.
        public var hoursPerYear: Estimate
        /// The crew-hour rate.
        public var ratePerHour: Double
        /// hoursPerYear × ratePerHour.
        public var costPerYear: Estimate { hoursPerYear.scaled(by: ratePerHour) }
    }

    /// The rosters' lines and their sum.
    public var roster: StaffCostPlan
    /// Measured lines: call-outs of the regions with anyone on call, then the account
    /// managers' monthly reports (`accountManagers.monthlyReports`) when they write them, then
    /// their installation progress reports (`accountManagers.installReports`) when some fell due.
    public var callouts: [Callout]
    /// Roster cost plus call-out cost per year (the interval is the call-outs').
    public var totalPerYear: Estimate
    /// Whether the scenario gives any `costs:` rate (otherwise every figure is 0).
    public var isCosted: Bool

    /// The staff cost of `scenario` with the call-outs measured in `staff`.
    public init(scenario: Scenario, staff: StaffResults) {
        let rate = scenario.costs.crewHour
        roster = StaffCostPlan(scenario)
        let onCall = Set(scenario.crews.filter { $0.onCall.staffHoursPerWeek > 0 }.map(\.region))
        callouts = staff.calloutHoursPerYear.filter { onCall.contains($0.region) }.map {
            Callout(group: "callouts.\($0.region)", hoursPerYear: $0.hours, ratePerHour: rate)
        }
        var measured = staff.calloutHoursPerYearTotal.scaled(by: rate)
        if scenario.communication.monthlyReport?.by == .accountManager {
            let managerRate = scenario.costs.accountManagerRate
            let hours = staff.communication.accountManagerHoursPerYear
            callouts.append(Callout(group: "accountManagers.monthlyReports", hoursPerYear: hours, ratePerHour: managerRate))
            measured = Estimate(zip(measured.perReplication, hours.scaled(by: managerRate).perReplication).map(+)) ?? measured
        }
        if scenario.installs.progressReports?.by == .accountManager,
           let hours = staff.communication.installReportAccountManagerHoursPerYear {
            let managerRate = scenario.costs.accountManagerRate
            callouts.append(Callout(group: "accountManagers.installReports", hoursPerYear: hours, ratePerHour: managerRate))
            measured = Estimate(zip(measured.perReplication, hours.scaled(by: managerRate).perReplication).map(+)) ?? measured
        }
        totalPerYear = measured.shifted(by: roster.totalPerYear)
        let costs = scenario.costs
        isCosted = costs.crewHour != 0 || costs.agentHour != 0 || costs.onCallHour != 0
    }
}
