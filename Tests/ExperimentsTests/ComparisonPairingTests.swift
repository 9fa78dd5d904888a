import Experiments
import Scenario
import SimCore
import TestSupport
import Testing

/// What common random numbers buy: on the small scenario with three day and two night crews in
/// the east, against one night crew fewer there (the baseline's night-crew-cut in miniature), the
/// paired difference in restoration compliance is known far more precisely than with
/// independent streams. (On the baseline itself the ratio is about 6; see docs/compare.md.)
@Suite struct ComparisonPairingTests {
    static let eastCrews = #"east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 2}, {shift: "17:30-08:30", crews: 1}]}"#

    /// The study: the base's east crews raised, and inline the variant with one night crew fewer.
    static let study = TestScenarios.smallYAML().replacingOccurrences(
        of: eastCrews, with: #"east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 3}, {shift: "17:30-08:30", crews: 2}]}"#)
        + """

        variants:
          - name: east-night-cut
            overrides:
              crews: {east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 3}, {shift: "17:30-08:30", crews: 1}]}}
        """

    static func comparison(_ pairing: StreamPairing, replications: Int = 20) throws -> Comparison {
        let base = try Scenario.parse(yaml: study, file: "study.yaml")
        #expect(!study.contains(eastCrews), "the base's east crews were raised")
        let variant = try #require(base.variants.first)
        return Comparison(base: base, variants: [.init(name: variant.name, scenario: variant.scenario)],
                          replications: replications, pairing: pairing)
    }

    static func restoration(_ results: ComparisonResults) throws -> MetricComparison {
        try #require(results.variants[0].metrics.first { $0.metric.description == "restoration" })
    }

    @Test func commonRandomNumbersNarrowTheRestorationIntervalAtLeastThreefold() throws {
        let common = try Self.restoration(try Self.comparison(.common).run(threads: 2))
        let independent = try Self.restoration(try Self.comparison(.independent).run(threads: 2))
        #expect(common.base == independent.base, "the base runs the same streams either way")
        #expect(common.variant != independent.variant, "independent streams give the variant other faults")
        let paired = try #require(common.difference?.halfWidth)
        let unpaired = try #require(independent.difference?.halfWidth)
        #expect(paired > 0 && paired * 3 <= unpaired, "half-widths: common \(paired), independent \(unpaired)")
        #expect(common.verdict == .worse, "cutting the night crew lowers restoration compliance")
    }

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let comparison = try Self.comparison(.common, replications: 3)
        let one = comparison.run(threads: 1).variants[0].metrics
        let two = comparison.run(threads: 2).variants[0].metrics
        #expect(one.map(\.metric) == two.map(\.metric))
        #expect(one.map(\.difference) == two.map(\.difference) && one.map(\.base) == two.map(\.base))
        #expect(one.count > 20, "tiers × measures, crews and agents")
    }

    @Test func independentSeedsAreDerivedFromTheBaseSeed() throws {
        let common = try Self.comparison(.common)
        let independent = try Self.comparison(.independent)
        #expect(common.seededScenarios.map(\.seed) == [common.base.seed, common.base.seed])
        var twoVariants = independent
        twoVariants.variants.append(independent.variants[0])
        let seeds = twoVariants.seededScenarios.map(\.seed)
        #expect(seeds[0] == common.base.seed && Set(seeds).count == 3, "each variant its own seed")
        #expect(seeds == twoVariants.seededScenarios.map(\.seed), "reproducibly")
        twoVariants.base.seed += 1
        #expect(twoVariants.seededScenarios.map(\.seed)[1] != seeds[1], "derived from the base's seed")
    }
}
