import SimCore

extension Roster {
    /// Staff-hours on duty in one week: each shift's capacity × its length (shifts add up).
    public var staffHoursPerWeek: Double {
        shifts.reduce(0) { $0 + Double($1.capacity * $1.lengthMinutes) } / 60
    }
}

/// What a scenario's rosters cost per year at its `costs:` rates: the hours each roster puts on
/// duty (or on call) in a year of 365 days, times the hourly rate. Call-outs are not included:
/// they depend on the simulated load (see `faultline price`).
public struct StaffCostPlan: Sendable, Equatable {
    /// One staff group's yearly hours and cost.
    public struct Line: Sendable, Equatable {
        /// `crews.REGION`, `onCall.REGION`, `agents` or `remoteEngineers`.
        public var group: String
        /// Staff-hours per year on duty (on call for `onCall.*`).
        public var hoursPerYear: Double
        /// The hourly rate applied.
        public var ratePerHour: Double
        /// hoursPerYear × ratePerHour.
        public var costPerYear: Double { hoursPerYear * ratePerHour }
    }

    /// Weeks in a year of 365 days.
    public static let weeksPerYear = 365.0 / 7

    /// Crews on duty per region, then crews on call per region (regions with any), then agents,
    /// then the remote engineers (scenarios with the pool).
    public var lines: [Line]

    /// The plan of `scenario`'s rosters at its costs.
    public init(_ scenario: Scenario) {
        let costs = scenario.costs
        let yearly = { (roster: Roster) in roster.staffHoursPerWeek * Self.weeksPerYear }
        lines = scenario.crews.map { Line(group: "crews.\($0.region)", hoursPerYear: yearly($0.onDuty), ratePerHour: costs.crewHour) }
        lines += scenario.crews.filter { $0.onCall.staffHoursPerWeek > 0 }.map {
            Line(group: "onCall.\($0.region)", hoursPerYear: yearly($0.onCall), ratePerHour: costs.onCallHour)
        }
        lines.append(Line(group: "agents", hoursPerYear: yearly(scenario.monitoringCentre.roster), ratePerHour: costs.agentHour))
        if let engineers = scenario.remoteEngineers {
            lines.append(Line(group: "remoteEngineers", hoursPerYear: yearly(engineers.roster), ratePerHour: costs.remoteEngineerRate))
        }
    }

    /// The sum of every line's yearly cost.
    public var totalPerYear: Double { lines.reduce(0) { $0 + $1.costPerYear } }
}
