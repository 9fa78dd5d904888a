import CGSL

/// A non-homogeneous Poisson process by thinning (Lewis–Shedler).
///
/// The rate at `t` minutes is `ratePerMinute × hourOfWeek[h] × month[m] × storm(t)`, with `h`
/// and `m` found from the calendar ``CalendarStart`` and `storm(t)` the optional schedule's
/// multiplier. Candidates are drawn at the bound `ratePerMinute × maximumFactor × maximum storm
/// multiplier` and each is kept with probability `rate(t) / bound`.
public struct ThinnedArrivals: Sendable, Equatable {
    /// The base rate, in arrivals per minute, before the profile's factors.
    public let ratePerMinute: Double
    /// The hour-of-week and month factors.
    public let profile: RateProfile
    /// The calendar instant of time 0.
    public let start: CalendarStart
    /// Storm episodes drawn up front, if any.
    public let storms: StormSchedule?
    /// The thinning bound: the largest rate the process can have.
    public let maximumRate: Double
    /// The rate at every instant when it never changes (every factor of the profile the same,
    /// no storms): exactly what ``rate(at:)`` returns, without finding the calendar position
    /// of each candidate. Nil when the rate varies.
    private let constantRate: Double?

    /// Creates the process.
    /// - Throws: ``ArrivalError`` if `ratePerMinute` is negative or not finite.
    public init(
        ratePerMinute: Double, profile: RateProfile, start: CalendarStart, storms: StormSchedule? = nil
    ) throws(ArrivalError) {
        guard ratePerMinute.isFinite, ratePerMinute >= 0 else {
            throw ArrivalError(.invalidRate, "ratePerMinute must be finite and ≥ 0, got \(ratePerMinute)")
        }
        self.ratePerMinute = ratePerMinute
        self.profile = profile
        self.start = start
        self.storms = storms
        maximumRate = ratePerMinute * profile.maximumFactor * (storms?.maximumMultiplier ?? 1)
        let uniform = profile.hourOfWeek.allSatisfy { $0 == profile.hourOfWeek[0] }
            && profile.month.allSatisfy { $0 == profile.month[0] }
        constantRate = storms == nil && uniform ? ratePerMinute * profile.factor(hourOfWeek: 0, month: 1) : nil
    }

    /// The latest candidate the calendar is asked about, in minutes: the longest duration a
    /// scenario may write (``DistributionLimits/largestValue``, ≈ 1.9 million years).
    public static let farFuture = DistributionLimits.largestValue

    /// The instantaneous rate (arrivals per minute) at `t` minutes.
    public func rate(at t: Double) -> Double {
        let (hour, month) = start.calendarPosition(atMinute: t)
        let base = ratePerMinute * profile.factor(hourOfWeek: hour, month: month)
        guard let storms, base > 0 else { return base }
        return base * storms.multiplier(at: t)
    }

    /// The time of the next arrival after `t` (minutes), or `.infinity` if the rate is always 0
    /// or the next candidate lies beyond ``farFuture`` (a rate so small, e.g. 1e-308 per year,
    /// that its gaps overflow: no horizon reaches that far, and the calendar cannot place it).
    /// - Complexity: expected O(bound / average rate) candidate draws.
    public mutating func next(after t: Double, _ stream: RandomStream) -> Double {
        guard maximumRate > 0 else { return .infinity }
        let meanGap = 1 / maximumRate
        var candidate = t
        while true {
            candidate += stream.exponentialByInversion(mean: meanGap)
            guard candidate < Self.farFuture else { return .infinity }
            if stream.uniform() * maximumRate < constantRate ?? rate(at: candidate) {
                return candidate
            }
        }
    }
}
