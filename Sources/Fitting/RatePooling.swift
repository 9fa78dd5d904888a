import CGSLFit

/// One inventory class's count and exposure, and the group it may borrow strength from.
public struct RateClass: Sendable, Equatable {
    /// The class's name.
    public let name: String
    /// Its group (e.g. the product).
    public let group: String
    /// Events observed.
    public let events: Int
    /// Exposure (circuit-years).
    public let exposure: Double

    /// Creates a class.
    public init(name: String, group: String, events: Int, exposure: Double) {
        self.name = name
        self.group = group
        self.events = events
        self.exposure = exposure
    }
}

/// Rates for many classes, sparse ones pooled toward their group by empirical Bayes.
///
/// The rule: a class with at least ``minimumEvents`` events keeps its own rate and exact interval.
/// A sparser class gets the posterior mean under a gamma prior fitted to its group:
/// the prior's mean is the group's rate r = Σk / ΣE, and its variance τ² the method-of-moments
/// estimate of the spread of the classes' true rates,
/// τ² = max(0, [Σ Eᵢ (kᵢ/Eᵢ − r)² − (m − 1) r] / [ΣE − ΣEᵢ² / ΣE]) over the group's m classes.
/// With a = r²/τ², b = r/τ² the class's rate is (a + k) / (b + E) — its own rate weighted by
/// E / (E + b), the group's by the rest — and its interval the Gamma(a + k, b + E) quantiles.
/// When τ² = 0 (the classes look alike) the class takes the group's rate and interval.
public enum RatePooling {
    /// The default fewest events a class needs to keep its own rate.
    public static let defaultMinimumEvents = 10

    /// One estimate per class, in the input order, each with the rule that produced it.
    public static func estimate(
        _ classes: [RateClass], minimumEvents: Int = defaultMinimumEvents, confidence: Double = 0.95
    ) throws(FittingError) -> [RateEstimate] {
        GSLErrorHandling.abortDisabled
        var priors: [String: GroupPrior] = [:]
        for group in Set(classes.map(\.group)) {
            priors[group] = try GroupPrior(classes.filter { $0.group == group })
        }
        var estimates: [RateEstimate] = []
        for item in classes {
            let own = try PoissonInterval.rate(name: item.name, group: item.group, events: item.events, exposure: item.exposure, confidence: confidence)
            let pooled = item.events >= minimumEvents ? own : try priors[item.group]!.pooled(item, confidence: confidence)
            estimates.append(pooled)
        }
        return estimates
    }
}

/// A group's gamma prior for its classes' rates.
struct GroupPrior {
    /// The group's rate Σk / ΣE.
    let rate: Double
    /// The between-class variance of the true rates.
    let spread: Double
    /// The group's totals, for the exact interval when the prior is a point.
    let events: Int, exposure: Double

    init(_ classes: [RateClass]) throws(FittingError) {
        for item in classes where !(item.events >= 0 && item.exposure > 0 && item.exposure.isFinite) {
            throw .invalidExposure(name: item.name, events: item.events, exposure: item.exposure)
        }
        events = classes.reduce(0) { $0 + $1.events }
        exposure = classes.reduce(0) { $0 + $1.exposure }
        let total = exposure, groupRate = Double(events) / total
        rate = groupRate
        let scatter = classes.reduce(0) { $0 + $1.exposure * ($1.rate - groupRate) * ($1.rate - groupRate) }
        let denominator = total - classes.reduce(0) { $0 + $1.exposure * $1.exposure } / total
        let excess = scatter - Double(classes.count - 1) * groupRate
        spread = denominator > 0 ? max(0, excess / denominator) : 0
    }

    /// The pooled estimate for one sparse class of this group.
    func pooled(_ item: RateClass, confidence: Double) throws(FittingError) -> RateEstimate {
        let alpha = 1 - confidence
        guard spread > 0, rate > 0 else {
            let interval = try PoissonInterval.garwood(events: events, confidence: confidence)
            return RateEstimate(
                name: item.name, group: item.group, events: item.events, exposure: item.exposure, rate: rate,
                lower: interval.lower / exposure, upper: interval.upper / exposure, pooled: true, rule: .groupRate
            )
        }
        let shape = rate * rate / spread + Double(item.events), inverseScale = rate / spread + item.exposure
        return RateEstimate(
            name: item.name, group: item.group, events: item.events, exposure: item.exposure, rate: shape / inverseScale,
            lower: gsl_cdf_gamma_Pinv(alpha / 2, shape, 1 / inverseScale),
            upper: gsl_cdf_gamma_Pinv(1 - alpha / 2, shape, 1 / inverseScale), pooled: true, rule: .shrunkTowardGroup
        )
    }
}

extension RateClass {
    /// The class's own rate.
    var rate: Double { Double(events) / exposure }
}
