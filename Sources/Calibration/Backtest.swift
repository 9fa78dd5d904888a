import Experiments
import Foundation
import RepairModel
import Scenario
import ServiceRules
import SimCore

/// The back-test: the fitted scenario simulated over the log's window, and each figure
/// `evaluate` gives on the real log set against the simulation's prediction interval.
///
/// Interval: mean ± z · sd · √(1 + 1/R) over R replications, z the normal quantile of the level
/// (95 % by default): the range a new, independent replication — the real log, if the model is
/// right — falls in with that probability. Each replication is simulated and judged by
/// `Experiment.figures` (the rule engine, as `run`), the real log by `evaluate`'s engine.
public struct Backtest: Sendable, Encodable {
    /// Replications simulated.
    public let replications: Int
    /// The level of each figure's interval.
    public let level: Double
    /// One row per tier and figure, tiers in the catalogue's order.
    public let figures: [BacktestFigure]

    /// The figures outside their interval.
    public var disagreements: [BacktestFigure] { figures.filter { $0.agrees == false } }

    /// Stages by how many disagreeing figures point at them, most first (ties in the order of
    /// ``BacktestFigure/Name``); empty when everything agrees.
    public var likelyStages: [String] {
        var counts: [String: Int] = [:], order: [String] = []
        for figure in disagreements {
            if counts[figure.stage] == nil { order.append(figure.stage) }
            counts[figure.stage, default: 0] += 1
        }
        return order.enumerated().sorted { (counts[$0.1]!, -$0.0) > (counts[$1.1]!, -$1.0) }.map(\.1)
    }

    /// Simulates `scenario` R times and compares with `observed` (the real log's evaluation).
    public static func run(scenario: Scenario, observed: Evaluation, replications: Int, level: Double = 0.95,
                           period: PeriodKind, threads: Int?) -> Backtest {
        let experiment = Experiment(scenario: scenario, replications: replications, period: period)
        let inventory = ExpandedInventory(scenario: scenario)
        let simulated = Replications.run(replications, threads: threads) { r in
            TierValues.byTier(experiment.figures(replication: r, inventory: inventory).groups[.tier] ?? [])
        }
        return compare(observed: TierValues.byTier(observed.byTier), simulated: simulated,
                       tiers: scenario.catalogue.tiers.map(\.key), level: level)
    }

    /// Compares per tier and figure; a tier neither side has is left out.
    static func compare(observed: [String: TierValues], simulated: [[String: TierValues]], tiers: [String],
                        level: Double) -> Backtest {
        let z = NormalQuantile.upper((1 - level) / 2)
        var rows: [BacktestFigure] = []
        for tier in tiers where observed[tier] != nil || simulated.contains(where: { $0[tier] != nil }) {
            for name in BacktestFigure.Name.allCases {
                let values = simulated.compactMap { $0[tier]?.value(name) ?? ($0[tier] == nil && name.isCount ? 0 : nil) }
                let real = observed[tier]?.value(name) ?? (name.isCount ? 0 : nil)
                rows.append(BacktestFigure(tier: tier, name: name, observed: real, simulated: values, z: z))
            }
        }
        return Backtest(replications: simulated.count, level: level, figures: rows)
    }
}

/// One figure of one tier: the real log's value, the simulation's interval, the verdict.
public struct BacktestFigure: Sendable, Encodable {
    /// The figures `evaluate` gives per tier.
    public enum Name: String, CaseIterable, Sendable, Encodable {
        case tickets, dispatchMet, acceptMet, restorationMet, availabilityMet, repeatViolations, credits

        /// Counts and money are 0 for a tier without tickets; shares are then undefined.
        var isCount: Bool { [.tickets, .repeatViolations, .credits].contains(self) }

        /// The stage most likely responsible when this figure disagrees (docs/fit.md, "The back-test").
        public var stage: String {
            switch self {
            case .tickets, .repeatViolations: "fault rates and profile"
            case .dispatchMet: "monitoring centre (intake staffing, from the base)"
            case .acceptMet: "crews (rosters, from the base)"
            case .restorationMet, .credits: "field work"
            case .availabilityMet: "detection and field work"
            }
        }
    }

    /// The tier.
    public let tier: String
    /// The figure.
    public let name: Name
    /// The real log's value; nil when the check never applied.
    public let observed: Double?
    /// Mean over replications that have a value.
    public let mean: Double?
    /// The prediction interval; nil without two simulated values.
    public let lower: Double?, upper: Double?
    /// Whether the real value lies in the interval; nil when either side has no value.
    public let agrees: Bool?
    /// ``Name/stage``.
    public var stage: String { name.stage }

    init(tier: String, name: Name, observed: Double?, simulated values: [Double], z: Double) {
        self.tier = tier
        self.name = name
        self.observed = observed
        guard values.count >= 2 else {
            (mean, lower, upper, agrees) = (values.first, nil, nil, nil)
            return
        }
        let m = values.reduce(0, +) / Double(values.count)
        let sd = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
        let half = z * sd * (1 + 1 / Double(values.count)).squareRoot()
        let low = max(0, m - half), high = name.isCount ? m + half : min(1, m + half)
        mean = m
        lower = low
        upper = high
        // A figure with no spread at all (0 in every replication) agrees only when equal.
        agrees = observed.map { $0 >= low - 1e-9 && $0 <= high + 1e-9 }
    }
}

/// The back-tested figures of one tier, from the real log's summary or a replication's group.
struct TierValues {
    var tickets: Double, dispatch: Double?, accept: Double?, restoration: Double?
    var availability: Double?, repeats: Double, credits: Double

    func value(_ name: BacktestFigure.Name) -> Double? {
        switch name {
        case .tickets: tickets
        case .dispatchMet: dispatch
        case .acceptMet: accept
        case .restorationMet: restoration
        case .availabilityMet: availability
        case .repeatViolations: repeats
        case .credits: credits
        }
    }

    static func byTier(_ summaries: [TierSummary]) -> [String: TierValues] {
        Dictionary(uniqueKeysWithValues: summaries.map { s in
            (s.tier, TierValues(tickets: Double(s.tickets), dispatch: s.dispatch.fraction, accept: s.accept.fraction,
                                restoration: s.restoration.fraction, availability: share(s.availabilityMet, s.circuitPeriods),
                                repeats: Double(s.repeatViolations), credits: s.credits))
        })
    }

    static func byTier(_ groups: [GroupFigures]) -> [String: TierValues] {
        Dictionary(uniqueKeysWithValues: groups.map { g in
            (g.key, TierValues(tickets: Double(g.tickets), dispatch: g.dispatch.fraction, accept: g.accept.fraction,
                               restoration: g.restoration.fraction, availability: share(g.availabilityMet, g.circuitPeriods),
                               repeats: Double(g.repeatViolations), credits: g.credits))
        })
    }

    static func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
}

/// The standard normal's upper quantile, by bisection on `erfc` (no table, no approximation
/// beyond 1e-12).
enum NormalQuantile {
    /// z with P(Z > z) = p, for p in (0, 0.5].
    static func upper(_ p: Double) -> Double {
        var low = 0.0, high = 40.0
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if 0.5 * erfc(mid / 2.0.squareRoot()) > p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
