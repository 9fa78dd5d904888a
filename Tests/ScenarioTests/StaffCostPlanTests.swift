import Scenario
import SimCore
import Testing

/// Yearly staff hours and cost from the rosters and `costs:`.
@Suite struct StaffCostPlanTests {
    @Test func overlappingShiftsAddUpAndAYearHas365Days() throws {
        let roster = try Roster(shifts: [
            .init(startMinuteOfWeek: 0, endMinuteOfWeek: Roster.minutesPerWeek, capacity: 2),
            .init(startMinuteOfWeek: 9 * 60, endMinuteOfWeek: 17 * 60, capacity: 3),
        ])
        #expect(roster.staffHoursPerWeek == 2 * 168 + 3 * 8)
        var scenario = Scenario.builtInBaseline
        scenario.monitoringCentre.roster = roster
        let agents = try #require(StaffCostPlan(scenario).lines.last)
        #expect(agents.group == "agents")
        #expect(abs(agents.hoursPerYear - 360 * 365 / 7) < 1e-9)
        #expect(agents.costPerYear == agents.hoursPerYear * scenario.costs.agentHour)
    }

    @Test func baselineHasALinePerRegionAndTheTotalIsTheirSum() {
        let plan = StaffCostPlan(Scenario.builtInBaseline)
        let regions = Scenario.builtInBaseline.regions
        #expect(plan.lines.filter { $0.group.hasPrefix("crews.") }.map(\.group) == regions.map { "crews.\($0)" })
        #expect(plan.lines.allSatisfy { $0.hoursPerYear > 0 })
        #expect(abs(plan.totalPerYear - plan.lines.map(\.costPerYear).reduce(0, +)) < 1e-6)
    }
}
