import RepairModel
import Scenario
import ServiceRules
import Testing

/// Call-out hours: the time on-call crews are out (call-out delay, travel, repair), which the
/// scenario pays as crew hours.
@Suite struct CalloutHoursTests {
    /// One on-call crew, 45 min call-out + 30 min travel + 60 min repair: each call-out is exactly
    /// 2.25 crew-hours. Only one job can straddle each end of the window (one crew), so the
    /// measured hours differ from 2.25 × call-outs in the log by at most 2 × 2.25.
    @Test func calloutHoursAreTheCalledOutTicketsCrewTime() throws {
        let scenario = try Fixtures.scenario(WorkflowCaseTests.onCallYAML)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let callouts = outcome.details.filter { $0.crew == .onCall }.count
        let hours = try #require(outcome.staff.crews.first).calloutHours
        #expect(callouts > 20)
        #expect(abs(hours - 2.25 * Double(callouts)) <= 2 * 2.25, "\(hours) h for \(callouts) call-outs")
        #expect(outcome.staff.windowHours == (scenario.horizonMinutes - scenario.warmupMinutes) / 60)
    }
}
