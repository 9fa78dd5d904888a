import Experiments
import Scenario
import Testing

/// How replications are aggregated: order, confidence intervals, credits per year, claims.
@Suite struct AggregationTests {
    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let experiment = Experiment(scenario: try SmallScenario.scenario(), replications: 4, breakdowns: [.region])
        let one = experiment.run(threads: 1), three = experiment.run(threads: 3)
        #expect(one.overall.creditsPerYear == three.overall.creditsPerYear)
        #expect(one.overall.tickets == three.overall.tickets)
        #expect(one.breakdowns.map(\.groups).map { $0.map(\.key) } == three.breakdowns.map(\.groups).map { $0.map(\.key) })
        #expect(one.overall.restorationP99 == three.overall.restorationP99)
        #expect(one.overall.tickets.halfWidth > 0, "replications differ, so the interval has a width")
    }

    @Test func confidenceIntervalsNarrowWithMoreReplications() throws {
        let scenario = try SmallScenario.scenario(days: 45, warmup: 5)
        let few = Experiment(scenario: scenario, replications: 3).run()
        let many = Experiment(scenario: scenario, replications: 12).run()
        #expect(many.overall.tickets.halfWidth < few.overall.tickets.halfWidth)
        #expect(many.overall.creditsPerYear.estimate.halfWidth < few.overall.creditsPerYear.estimate.halfWidth)
    }

    @Test func creditsAreScaledFromTheWindowToAYear() throws {
        let experiment = Experiment(scenario: try SmallScenario.scenario(days: 75, warmup: 15), replications: 1)
        let figures = experiment.figures(replication: 0)
        let results = experiment.run()
        let windowCredits = (figures.groups[.tier] ?? []).reduce(0) { $0 + $1.credits }
        #expect(windowCredits > 0, "the small scenario owes credits")
        #expect(figures.windowSeconds == 60 * 86_400, "window = horizon − warm-up")
        #expect(abs(results.overall.creditsPerYear.estimate.mean - windowCredits * 365 / 60) < 1e-6 * windowCredits)
    }

    @Test func creditPercentilesAreOrdered() throws {
        let results = Experiment(scenario: try SmallScenario.scenario(days: 45, warmup: 5), replications: 5).run()
        for group in results.breakdowns[0].groups + [results.overall] {
            for exposure in [group.creditsPerYear, group.expectedCreditsPerYear, group.claimedCreditsPerYear] {
                #expect(exposure.p95 <= exposure.p99 && exposure.p99 <= exposure.max, "\(group.key)")
                #expect(exposure.estimate.mean <= exposure.max)
            }
        }
    }

    @Test func claimRateScalesTheExpectedCreditOfItsTierOnly() throws {
        let figures = Experiment(scenario: try SmallScenario.scenario(claimRate: 0.25), replications: 1)
            .figures(replication: 0)
        let tiers = Dictionary(uniqueKeysWithValues: (figures.groups[.tier] ?? []).map { ($0.key, $0) })
        let mq = try #require(tiers["MQ-I"]), aa = try #require(tiers["SLA-AA"])
        #expect(mq.expectedCredits > 0 && mq.expectedCredits < mq.credits, "negotiable: × payProbability")
        #expect(abs(mq.claimedCredits - 0.25 * mq.expectedCredits) < 1e-9 * mq.expectedCredits)
        #expect(aa.credits > 0 && aa.claimedCredits == aa.expectedCredits && aa.expectedCredits == aa.credits)
    }

    @Test func otherBreakdownsAddUpToTheTierTotals() throws {
        let figures = Experiment(scenario: try SmallScenario.scenario(), replications: 1, breakdowns: [.product, .region])
            .figures(replication: 0)
        let tiers = figures.groups[.tier] ?? []
        for breakdown in [Breakdown.product, .region] {
            let groups = figures.groups[breakdown] ?? []
            #expect(groups.count == 2, "two products, two regions")
            for path in [\GroupFigures.tickets, \.outageTickets, \.circuitPeriods, \.availabilityMet, \.repeatViolations] {
                #expect(groups.reduce(0) { $0 + $1[keyPath: path] } == tiers.reduce(0) { $0 + $1[keyPath: path] })
            }
            let credits = groups.reduce(0) { $0 + $1.claimedCredits }, tierCredits = tiers.reduce(0) { $0 + $1.claimedCredits }
            #expect(abs(credits - tierCredits) < 1e-6 * max(1, tierCredits))
            #expect(groups.reduce(0) { $0 + $1.restoration.met } == tiers.reduce(0) { $0 + $1.restoration.met })
        }
    }
}
