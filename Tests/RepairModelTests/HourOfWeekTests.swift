import Foundation
import RepairModel
import Scenario
import Testing

/// Staff-hours land in the hour-of-week band of the weekday they happen on, whatever weekday
/// the scenario starts.
@Suite struct HourOfWeekTests {
    /// A two-week window starting on `start`; crews only on Wednesdays 08:00–16:00, two agents
    /// always, busy with a 10-minute intake per ticket. With `rate` 0 there are no faults, so
    /// nobody works past the end of a shift.
    static func yaml(start: String, rate: Double = 0) -> String {
        var text = Fixtures.queueingYAML(circuits: [10, 10, 10], ratePerCircuitYear: rate, crews: 1, repairMean: 60, days: 21)
        text = text.replacingOccurrences(of: "start: 2026-01-05", with: "start: \(start)")
        text = text.replacingOccurrences(of: "warmup: 10d", with: "warmup: 7d")
        text = text.replacingOccurrences(of: "intake: 0m", with: "intake: \"exponential(mean: 10m)\"")
        return text.replacingOccurrences(of: "{shift: always, crews: 1}", with: "{shift: \"Wed 08:00-16:00\", crews: 3}")
    }

    @Test("a scenario starting on a Wednesday puts Wednesday's crew hours in bands 56–63", arguments: ["2026-01-07", "2026-01-05", "2026-01-11"])
    func wednesdayCrews(start: String) throws {
        let scenario = try Fixtures.scenario(Self.yaml(start: start))
        let staff = RepairSimulation(scenario: scenario, replication: 0).run().staff
        let crews = staff.crews[0].bands
        // Two Wednesdays in the 14-day window, 3 crews each hour from 08:00 to 16:00.
        let wednesdayDay = Array(2 * 24 + 8 ..< 2 * 24 + 16)
        for hour in 0..<HourBands.hoursPerWeek {
            #expect(crews.presentHoursOfWeek[hour] == (wednesdayDay.contains(hour) ? 6 : 0), "hour of week \(hour)")
        }
        // Two agents always on duty: two weeks × 2 agents × 1 hour in every band.
        #expect(staff.agents.presentHoursOfWeek.allSatisfy { $0 == 4 })
        #expect(staff.agents.busyHoursOfWeek.allSatisfy { $0 == 0 })
    }

    @Test("the hour-of-day bands are the hour-of-week bands summed over the weekdays")
    func dayBandsAgree() throws {
        let scenario = try Fixtures.scenario(Self.yaml(start: "2026-01-07", rate: 50))
        let agents = RepairSimulation(scenario: scenario, replication: 0).run().staff.agents
        for hour in 0..<24 {
            let busy = (0..<7).reduce(0.0) { $0 + agents.busyHoursOfWeek[$1 * 24 + hour] }
            #expect(abs(busy - agents.busyHours[hour]) < 1e-9)
            let present = (0..<7).reduce(0.0) { $0 + agents.presentHoursOfWeek[$1 * 24 + hour] }
            #expect(abs(present - agents.presentHours[hour]) < 1e-9)
        }
        #expect(agents.busyHoursOfWeek.reduce(0, +) > 0)
    }
}
