import Foundation
import SimCore

/// A target judged on some replications: the figure's point estimate, a one-sided confidence
/// bound on it, and whether the target holds.
///
/// The rule: a **mean** is bounded by the one-sided Student-t bound `mean ∓ t(γ, n−1)·s/√n` on
/// the side of the threshold (the lower bound for `>=`, the upper for `<=`). A **percentile** q
/// is bounded distribution-free by an order statistic: the upper bound is the k-th smallest of
/// the n replication values, k the least with P(Binomial(n, q) ≤ k − 1) ≥ γ (so P(X₍ₖ₎ ≥ x_q) ≥ γ);
/// the lower bound mirrors it. With too few replications for such a k (fewer than 59 for a p95
/// at 95 %), the most extreme value stands in and ``exact`` is false. Replications where the
/// metric has no value (a check that never applied) are left out; with none the target is
/// `noData` and does not fail.
public struct TargetJudgement: Sendable, Hashable {
    /// The target.
    public var target: StaffTarget
    /// Replications with a value.
    public var replications: Int
    /// The mean, or the empirical percentile (nearest rank); nil without data.
    public var estimate: Double?
    /// The one-sided confidence bound on the side of the threshold; nil without data.
    public var bound: Double?
    /// False when the bound is the most extreme value (too few replications for a true bound,
    /// or a mean of one replication).
    public var exact: Bool
    /// The bound lies on the right side of the threshold (true without data).
    public var holds: Bool
    /// The values judged, one per replication with a value, in replication order.
    public var perReplication: [Double] = []

    /// No replication had a value.
    public var noData: Bool { bound == nil }

    /// How far the bound is on the good side of the threshold, relative to the threshold's size
    /// (negative: short by that fraction); 0 without data.
    public var slack: Double {
        guard let bound else { return 0 }
        let difference = target.comparison == .atLeast ? bound - target.threshold : target.threshold - bound
        return difference / Self.scale(target.threshold)
    }

    /// The shortfall as a fraction of the threshold's size (0 when the target holds).
    public var deficit: Double { max(0, -slack) }

    /// The size a difference is measured against: |threshold|, or 1 for a zero threshold.
    static func scale(_ threshold: Double) -> Double { threshold == 0 ? 1 : abs(threshold) }

    /// Judges `target` on the replication values at confidence `confidence` (0.5…1).
    ///
    /// `planningFor` (the search passes its verification size m) widens a mean's bound by
    /// t(γ, m−1)·s/√m: the plan must leave room for a fresh verification of m replications to clear
    /// the threshold too, were the truth at the search's bound. Without it a search that trims
    /// until the bound touches the threshold recommends plans whose true mean sits on the
    /// threshold, which a fresh check then fails about half the time.
    public static func judge(_ target: StaffTarget, values: [Double?], confidence: Double,
                             planningFor verification: Int? = nil) -> TargetJudgement {
        let data = values.compactMap { $0 }
        var judgement = TargetJudgement(target: target, replications: data.count, estimate: nil, bound: nil,
                                        exact: true, holds: true, perReplication: data)
        guard !data.isEmpty else { return judgement }
        let upper = target.comparison == .atMost
        switch target.statistic {
        case .mean:
            let mean = data.reduce(0, +) / Double(data.count)
            judgement.estimate = mean
            if data.count < 2 {
                judgement.bound = mean
                judgement.exact = false
            } else {
                let variance = data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(data.count - 1)
                var half = StudentT.quantile(confidence, degreesOfFreedom: Double(data.count - 1))
                    * (variance / Double(data.count)).squareRoot()
                if let verification {
                    half += StudentT.quantile(confidence, degreesOfFreedom: Double(max(1, verification - 1)))
                        * (variance / Double(verification)).squareRoot()
                }
                judgement.bound = upper ? mean + half : mean - half
            }
        case .percentile(let q):
            let sorted = data.sorted()
            judgement.estimate = ExposureEstimate.nearestRank(q, sorted)
            let rank = upper ? OrderStatistic.upperBoundRank(n: sorted.count, q: q, confidence: confidence)
                             : OrderStatistic.lowerBoundRank(n: sorted.count, q: q, confidence: confidence)
            judgement.exact = rank != nil
            judgement.bound = rank.map { sorted[$0 - 1] } ?? (upper ? sorted[sorted.count - 1] : sorted[0])
        }
        judgement.holds = judgement.slack >= 0
        return judgement
    }
}

/// Distribution-free confidence bounds on a quantile from order statistics.
public enum OrderStatistic {
    /// The least rank k (1-based) with P(Binomial(n, q) ≤ k − 1) ≥ γ: then the k-th smallest of n
    /// values is at or above the q-quantile with probability ≥ γ. Nil when even k = n falls short.
    public static func upperBoundRank(n: Int, q: Double, confidence: Double) -> Int? {
        let cdf = binomialCDF(n: n, p: q)
        return (1...max(1, n)).first { n > 0 && cdf[$0 - 1] >= confidence }
    }

    /// The greatest rank j with P(Binomial(n, q) ≥ j) ≥ γ: the j-th smallest is at or below the
    /// q-quantile with probability ≥ γ. Nil when even j = 1 falls short.
    public static func lowerBoundRank(n: Int, q: Double, confidence: Double) -> Int? {
        let cdf = binomialCDF(n: n, p: q)
        return (1...max(1, n)).reversed().first { n > 0 && 1 - ($0 >= 2 ? cdf[$0 - 2] : 0) >= confidence }
    }

    /// P(Binomial(n, p) ≤ i) for i in 0...n, summed from log-space terms (no underflow trouble
    /// for the n of a staffing study).
    static func binomialCDF(n: Int, p: Double) -> [Double] {
        guard n > 0 else { return [1] }
        var logTerm = Double(n) * log1p(-p)
        let logOdds = log(p) - log1p(-p)
        var total = 0.0
        var cdf: [Double] = []
        for i in 0...n {
            total += exp(logTerm)
            cdf.append(min(1, total))
            if i < n { logTerm += log(Double(n - i)) - log(Double(i + 1)) + logOdds }
        }
        return cdf
    }
}
