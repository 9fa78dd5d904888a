import Experiments
import Scenario
import SimCore
import TestSupport
import Testing

/// Paired differences: hand-computed intervals and verdicts, and what common random numbers buy.
@Suite struct ComparisonTests {
    static let restoration = Metric(.group("all", .restoration))
    static let credits = Metric(.group("all", .credits))

    @Test func replicationsLackingAValueAreSkippedAndTheRestPaired() {
        let comparison = MetricComparison(metric: Self.restoration, base: [0.9, 0.8, nil, 0.7, nil],
                                          variant: [0.8, 0.75, 0.6, nil, nil])
        #expect(comparison.pairs == 2 && comparison.skipped == 3)
        #expect(abs(comparison.base!.mean - 0.85) < 1e-12 && abs(comparison.variant!.mean - 0.775) < 1e-12)
        #expect(comparison.differences.count == 2)
        #expect(zip(comparison.differences, [-0.1, -0.05]).allSatisfy { abs($0 - $1) < 1e-12 })
        let difference = comparison.difference!
        #expect(abs(difference.mean - -0.075) < 1e-12)
        // sd of (−0.1, −0.05) = 0.0353553; t(0.975, 1) = 12.7062; half-width = t · sd / √2.
        #expect(abs(difference.halfWidth - 12.7062047 * 0.0353553391 / 2.0.squareRoot()) < 1e-6)
        #expect(comparison.verdict == .noSignificantChange)
    }

    @Test func anIntervalExcludingZeroIsBetterOrWorseByTheMetricsDirection() {
        let base = [0.5, 0.5, 0.5, 0.5]
        let variant: [Double?] = [1.5, 1.6, 1.4, 1.5]
        let up = MetricComparison(metric: Self.restoration, base: base, variant: variant)
        // Differences 1.0, 1.1, 0.9, 1.0: sd 0.0816497, t(0.975, 3) = 3.1824463, half-width 0.129926.
        #expect(abs(up.difference!.halfWidth - 3.1824463 * 0.0816497 / 2) < 1e-6)
        #expect(up.verdict == .better)
        #expect(MetricComparison(metric: Self.credits, base: base, variant: variant).verdict == .worse)
        #expect(MetricComparison(metric: Self.credits, base: variant.map { $0! }, variant: base).verdict == .better)
    }

    @Test func noDifferenceOrTooFewPairsIsNeverSignificant() {
        let same = MetricComparison(metric: Self.restoration, base: [0.9, 0.8, 0.7], variant: [0.9, 0.8, 0.7])
        #expect(same.difference!.mean == 0 && same.difference!.halfWidth == 0 && same.verdict == .noSignificantChange)
        let one = MetricComparison(metric: Self.restoration, base: [0.9, nil], variant: [0.5, 0.4])
        #expect(one.pairs == 1 && one.verdict == .undetermined)
        let none = MetricComparison(metric: Self.restoration, base: [nil, nil], variant: [0.5, 0.4])
        #expect(none.difference == nil && none.base == nil && none.verdict == .undetermined)
    }
}
