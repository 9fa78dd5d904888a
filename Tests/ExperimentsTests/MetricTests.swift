import Experiments
import Testing

/// Metric names read back to what they name, and their values agree with the aggregated results.
@Suite struct MetricTests {
    @Test(arguments: ["restoration", "SLA-AAA.restoration", "MQ-II.credits", "crews.east.utilisation",
                      "agents.utilisation", "remoteEngineers.utilisation", "installs.appointment", "claimedCredits"])
    func namesRoundTrip(_ name: String) throws {
        let metric = try Metric.parse(name).get()
        #expect(metric.description == name)
    }

    @Test(arguments: ["", "SLA-AAA.", ".restoration", "SLA-AAA.speed", "crews..utilisation", "a.b.c.d", "installs.late"])
    func malformedNamesAreRejected(_ name: String) {
        #expect(throws: MetricError.self) { try Metric.parse(name).get() }
    }

    @Test func valuesAgreeWithTheAggregatedResults() throws {
        let experiment = Experiment(scenario: try SmallScenario.scenario(), replications: 3)
        let figures = (0..<3).map(experiment.figures(replication:))
        let results = experiment.run(threads: 1)
        let tier = try #require(results.breakdowns[0].groups.first { $0.restoration != nil })
        let restoration = try Metric.parse("\(tier.key).restoration").get()
        let values = figures.compactMap(restoration.value(in:))
        #expect(abs(values.reduce(0, +) / Double(values.count) - tier.restoration!.mean) < 1e-12)
        let credits = try Metric.parse("credits").get()
        let yearly = figures.compactMap(credits.value(in:))
        #expect(abs(yearly.reduce(0, +) / 3 - results.overall.creditsPerYear.estimate.mean) < 1e-6 * max(1, yearly[0]))
        #expect(try Metric.parse("NO-SUCH-TIER.restoration").get().value(in: figures[0]) == nil)
        #expect(Metric.standard(for: figures[0]).contains(restoration))
    }
}
