/// Relative arrival-rate factors by hour of the week and by month.
///
/// The rate at a time is `base × hourOfWeek[h] × month[m]`. Factors are relative: a factor of 1
/// everywhere gives the base rate.
public struct RateProfile: Sendable, Equatable {
    /// 168 factors; index 0 is Monday 00:00–01:00, index 167 Sunday 23:00–24:00.
    public let hourOfWeek: [Double]
    /// 12 factors; index 0 is January.
    public let month: [Double]
    /// The largest product of an hour factor and a month factor: the thinning bound.
    public let maximumFactor: Double

    /// A profile with every factor 1 (constant rate).
    public static let flat = RateProfile(checked: Array(repeating: 1, count: 168), month: Array(repeating: 1, count: 12))

    /// Creates a profile from 168 hour-of-week factors and 12 month factors.
    /// - Throws: ``ArrivalError`` on a wrong length, a negative or non-finite factor, or all zeros.
    public init(hourOfWeek: [Double], month: [Double] = Array(repeating: 1, count: 12)) throws(ArrivalError) {
        try Self.validate(hourOfWeek, count: 168, name: "hourOfWeek")
        try Self.validate(month, count: 12, name: "month")
        self.init(checked: hourOfWeek, month: month)
    }

    /// Creates a profile from the common 24 hour-of-day factors, the same on every day of the week.
    /// - Throws: ``ArrivalError`` as ``init(hourOfWeek:month:)``.
    public init(hourOfDay: [Double], month: [Double] = Array(repeating: 1, count: 12)) throws(ArrivalError) {
        try Self.validate(hourOfDay, count: 24, name: "hourOfDay")
        try self.init(hourOfWeek: Array((0..<7).map { _ in hourOfDay }.joined()), month: month)
    }

    private init(checked hourOfWeek: [Double], month: [Double]) {
        self.hourOfWeek = hourOfWeek
        self.month = month
        maximumFactor = (hourOfWeek.max() ?? 0) * (month.max() ?? 0)
    }

    /// The factor for an hour of the week (0–167) and a month (1–12).
    @inlinable
    public func factor(hourOfWeek hour: Int, month calendarMonth: Int) -> Double {
        hourOfWeek[hour] * month[calendarMonth - 1]
    }

    private static func validate(_ factors: [Double], count: Int, name: String) throws(ArrivalError) {
        guard factors.count == count else {
            throw ArrivalError(.invalidProfile, "\(name) needs \(count) factors, got \(factors.count)")
        }
        if let index = factors.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw ArrivalError(.invalidProfile, "\(name)[\(index)] must be finite and ≥ 0, got \(factors[index])")
        }
        guard factors.contains(where: { $0 > 0 }) else {
            throw ArrivalError(.invalidProfile, "\(name) factors are all zero: no arrivals could ever happen")
        }
    }
}
