import Experiments
import RepairModel
import Scenario
import Testing

/// The fault-report check per group, call-out hours and the agents' communication, aggregated
/// from the replications' own figures.
@Suite struct StaffAndReportTests {
    /// The small scenario with a west on-call crew, so call-outs happen.
    static func scenario() throws -> Scenario {
        try Scenario.parse(yaml: SmallScenario.yaml().replacingOccurrences(
            of: "west: {roster: [{shift: always, crews: 1}]}",
            with: "west: {roster: [{shift: always, crews: 1}, {shift: always, onCall: 1}], callout: 30m}"),
            file: "small.yaml")
    }

    @Test func faultReportCountsAreTheEnginesAndAddUpOverTiers() throws {
        let experiment = Experiment(scenario: try Self.scenario(), replications: 1)
        let figures = experiment.figures(replication: 0)
        let outcome = RepairSimulation(scenario: experiment.scenario, replication: 0).run()
        let engine = outcome.evaluate(period: experiment.period)
        let tiers = figures.groups[.tier] ?? []
        for tier in tiers {
            let summary = try #require(engine.byTier.first { $0.tier == tier.key })
            #expect(tier.faultReport.met == summary.faultReport.met)
            #expect(tier.faultReport.applicable == summary.faultReport.applicable)
        }
        // SLA-AA and SLA-A promise a report; MQ-I does not.
        #expect(tiers.first { $0.key == "SLA-AA" }.map { $0.faultReport.applicable > 0 } == true)
        #expect(tiers.first { $0.key == "MQ-I" }.map { $0.faultReport.applicable == 0 } == true)
        #expect(outcome.staff.agentWork.reportsSent >= tiers.reduce(0) { $0 + $1.faultReport.applicable })
    }

    @Test func calloutHoursAndCommunicationAreScaledToAYear() throws {
        let experiment = Experiment(scenario: try Self.scenario(), replications: 3)
        let results = experiment.run()
        let years = (experiment.scenario.horizonMinutes - experiment.scenario.warmupMinutes) / (365 * 1440)
        let outcomes = (0..<3).map { RepairSimulation(scenario: experiment.scenario, replication: $0).run() }
        let west = outcomes.map { $0.staff.crews[1].calloutHours / years }
        let reported = try #require(results.staff.calloutHoursPerYear.first { $0.region == "west" })
        #expect(west.allSatisfy { $0 > 0 })
        #expect(abs(reported.hours.mean - west.reduce(0, +) / 3) < 1e-6 * reported.hours.mean)
        #expect(results.staff.calloutHoursPerYear.first { $0.region == "east" }?.hours.mean == 0)
        #expect(abs(results.staff.calloutHoursPerYearTotal.mean - reported.hours.mean) < 1e-6 * reported.hours.mean)
        let sent = outcomes.map { Double($0.staff.agentWork.updatesSent) / years }
        #expect(abs(results.staff.communication.updatesPerYear.mean - sent.reduce(0, +) / 3) < 1e-6 * max(1, sent[0]))
        #expect(results.staff.communication.reportsPerYear.mean > 0)
    }
}
