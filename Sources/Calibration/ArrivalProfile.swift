import Fitting
import Foundation
import ServiceRules

/// When faults arrive: the hour-of-week (or hour-of-day) and month factors, the day-to-day
/// over-dispersion test and, only when that test says so, storm episodes.
///
/// Factors are observed over expected counts, the expectation spreading the faults evenly over
/// the window's hours; they are relative (hour-weighted mean 1), as the scenario format wants.
/// Smoothing where sparse is by coarsening, a stated rule: the 168 hour-of-week factors are
/// written when the log has on average at least ``minimumPerFactor`` faults per hour of the week;
/// else the 24 hour-of-day factors when it has that many per hour of the day; else none (flat).
/// Month factors need ``minimumPerFactor`` faults in every month of the year.
public struct ArrivalProfile: Sendable, Encodable {
    /// Faults per factor under which a profile is coarsened (see the type's documentation).
    public static let minimumPerFactor = 20
    /// The significance level under which the dispersion test calls for storms.
    public static let stormSignificance = 0.01
    /// A day is a storm day when its count exceeds its expectation by this many Poisson sds.
    public static let stormDaySigmas = 3.0

    /// The resolution written: `hourOfWeek`, `hourOfDay` or `flat`.
    public let hourResolution: String
    /// 168 factors (Monday 00:00 first) or 24, or empty when flat.
    public let hourFactors: [Double]
    /// The 168 hour-of-week factors as observed, whatever was written (for the report's chart).
    public let observedHourOfWeek: [Double]
    /// 12 month factors (January first), or empty when not identified.
    public let monthFactors: [Double]
    /// The index-of-dispersion test of the daily counts against the profile's expectations;
    /// nil with fewer than two days.
    public let dispersion: DispersionTest?
    /// Storm episodes, when the dispersion test is significant and storm days are found.
    public let storms: StormEstimate?
    /// Faults counted (`fault_start` inside the window).
    public let faults: Int

    /// Measures the profile of `faultStarts` over `window`.
    public init(faultStarts: [WallTime], window: ObservationWindow) {
        let hours = WindowHours(window)
        let starts = faultStarts.filter(window.contains)
        faults = starts.count
        let monthSlots = starts.map { hours.month(of: $0) }
        let months = Self.monthFactors(counts: monthSlots, hours: hours, total: starts.count)
        let weight: (Int) -> Double = { hour in months.isEmpty ? 1 : months[hours.monthOfHour[hour]] }
        let weekCounts = Self.counts(starts.map { hours.hourOfWeek(of: $0) }, slots: 168)
        observedHourOfWeek = Self.factors(counts: weekCounts, slotOfHour: hours.hourOfWeekOfHour, weight: weight, slots: 168)
        (hourResolution, hourFactors) = Self.hourProfile(starts, hours: hours, weight: weight, observed: observedHourOfWeek)
        monthFactors = months
        let written = Self.writtenWeight(hourFactors, hours: hours, month: weight)
        let daily = DailyCounts(starts, hours: hours, weight: written)
        dispersion = DispersionTest(dailyCounts: daily.counts, expected: daily.expected)
        storms = (dispersion?.pValue ?? 1) < Self.stormSignificance ? StormEstimate(daily, years: window.years) : nil
    }

    /// Each hour's expected-rate factor under the written profile.
    static func writtenWeight(_ factors: [Double], hours: WindowHours, month: @escaping (Int) -> Double) -> (Int) -> Double {
        { hour in
            let slot = hours.hourOfWeekOfHour[hour]
            let factor = factors.isEmpty ? 1 : factors[factors.count == 168 ? slot : slot % 24]
            return factor * month(hour)
        }
    }

    static func counts(_ slots: [Int], slots count: Int) -> [Int] {
        var result = [Int](repeating: 0, count: count)
        for slot in slots { result[slot] += 1 }
        return result
    }

    /// Observed ÷ expected per slot, the expectation spreading the total over the window's
    /// hours by `weight`; a slot the window never covers gets 1.
    static func factors(counts: [Int], slotOfHour: [Int], weight: (Int) -> Double, slots: Int) -> [Double] {
        var exposure = [Double](repeating: 0, count: slots)
        for hour in slotOfHour.indices { exposure[slotOfHour[hour] % slots] += weight(hour) }
        let total = Double(counts.reduce(0, +)), totalExposure = exposure.reduce(0, +)
        guard total > 0, totalExposure > 0 else { return Array(repeating: 1, count: slots) }
        return (0..<slots).map { exposure[$0] > 0 ? Double(counts[$0]) / (total * exposure[$0] / totalExposure) : 1 }
    }

    /// The finest hour profile the counts support (the type's rule).
    static func hourProfile(_ starts: [WallTime], hours: WindowHours, weight: (Int) -> Double,
                            observed: [Double]) -> (String, [Double]) {
        if starts.count >= 168 * minimumPerFactor { return ("hourOfWeek", observed) }
        guard starts.count >= 24 * minimumPerFactor else { return ("flat", []) }
        let dayCounts = counts(starts.map { hours.hourOfWeek(of: $0) % 24 }, slots: 24)
        return ("hourOfDay", factors(counts: dayCounts, slotOfHour: hours.hourOfWeekOfHour, weight: weight, slots: 24))
    }

    /// Month factors when every month of the year has at least ``minimumPerFactor`` faults in
    /// the window (so the window touches every month); else empty.
    static func monthFactors(counts slots: [Int], hours: WindowHours, total: Int) -> [Double] {
        let perMonth = counts(slots, slots: 12)
        guard perMonth.allSatisfy({ $0 >= minimumPerFactor }) else { return [] }
        return factors(counts: perMonth, slotOfHour: hours.monthOfHour, weight: { _ in 1 }, slots: 12)
    }
}

/// Storm episodes: found on the daily counts, timed on the hourly ones.
///
/// A storm day has a count above its expectation by ``ArrivalProfile/stormDaySigmas`` Poisson
/// sds; an episode is a run of storm days. A storm does not keep to calendar days (a 24-hour
/// storm from noon to noon raises two days by half as much each), so each episode is then timed
/// at hour resolution: within its days and the day either side, the run of hours that maximises
/// the Poisson scan statistic O ln(O / E) − (O − E) (O faults against E expected: Kulldorff's
/// likelihood ratio for a raised rate inside the run). The multiplier and the length are the
/// timed runs', so a short, sharp storm is written short and sharp.
public struct StormEstimate: Sendable, Encodable {
    /// Episodes found.
    public let episodes: Int
    /// Storm days in all (daily resolution, as found).
    public let stormDays: Int
    /// Episodes per 365-day year.
    public let perYear: Double
    /// Faults in the timed episodes ÷ their expectation without storms.
    public let multiplier: Double
    /// Mean timed episode length, days (hour resolution).
    public let meanDays: Double
    /// Share of faults that the storms add: the base rate is the observed rate × (1 − this).
    public let excessShare: Double

    init?(_ daily: DailyCounts, years: Double) {
        var runs: [ClosedRange<Int>] = [], first: Int?
        for (index, (count, expectation)) in zip(daily.counts, daily.expected).enumerated() {
            let storm = Double(count) > expectation + ArrivalProfile.stormDaySigmas * expectation.squareRoot()
            if storm, first == nil { first = index }
            if !storm, let start = first { runs.append(start...(index - 1)); first = nil }
        }
        if let start = first { runs.append(start...(daily.counts.count - 1)) }
        let total = Double(daily.counts.reduce(0, +))
        guard !runs.isEmpty, total > 0, years > 0 else { return nil }
        let timed = runs.map { daily.scan(days: daily.days[$0.lowerBound]...daily.days[$0.upperBound]) }
        let observed = timed.reduce(0) { $0 + $1.observed }, expected = timed.reduce(0) { $0 + $1.expected }
        guard expected > 0 else { return nil }
        episodes = runs.count
        stormDays = runs.reduce(0) { $0 + $1.count }
        perYear = Double(runs.count) / years
        excessShare = max(0, observed - expected) / total
        // The expectation was spread from a total that includes the storms' excess.
        multiplier = observed / (expected * (1 - excessShare))
        meanDays = Double(timed.reduce(0) { $0 + $1.hours }) / Double(timed.count) / 24
    }
}

/// Faults per day of the window and their expectations under a profile; per hour too, for
/// timing storms.
struct DailyCounts {
    var counts: [Int]
    var expected: [Double]
    /// The window's day of each entry above (days with no expectation are left out).
    var days: [Int]
    /// Faults and expectation per hour of the window.
    let hourly: [Int], hourlyExpected: [Double]

    init(_ starts: [WallTime], hours: WindowHours, weight: (Int) -> Double) {
        let dayCount = (hours.count + 23) / 24
        var perHour = [Int](repeating: 0, count: dayCount * 24)
        for start in starts { perHour[hours.index(of: start)] += 1 }
        let total = Double(starts.count)
        let load = (0..<dayCount * 24).map { $0 < hours.count ? weight($0) : 0 }
        let sum = load.reduce(0, +)
        hourly = perHour
        hourlyExpected = load.map { sum > 0 ? total * $0 / sum : 0 }
        let dailyCounts = (0..<dayCount).map { day in perHour[day * 24..<(day + 1) * 24].reduce(0, +) }
        let dailyExpected = (0..<dayCount).map { day in load[day * 24..<(day + 1) * 24].reduce(0, +) }.map { sum > 0 ? total * $0 / sum : 0 }
        // Days with no expectation (a profile factor of 0 all day) cannot be tested.
        days = dailyExpected.indices.filter { dailyExpected[$0] > 0 }
        counts = days.map { dailyCounts[$0] }
        expected = days.map { dailyExpected[$0] }
    }

    /// The run of hours within `days` and the day either side with the largest Poisson scan
    /// statistic O ln(O/E) − (O − E) among runs with O > E; the whole days when none has.
    func scan(days: ClosedRange<Int>) -> (hours: Int, observed: Double, expected: Double) {
        let from = max(0, (days.lowerBound - 1) * 24), to = min(hourly.count, (days.upperBound + 2) * 24)
        var best = (score: -Double.infinity, hours: 0, observed: 0.0, expected: 0.0)
        for start in from..<to {
            var o = 0.0, e = 0.0
            for end in start..<to {
                o += Double(hourly[end])
                e += hourlyExpected[end]
                guard o > e, e > 0 else { continue }
                let score = o * log(o / e) - (o - e)
                if score > best.score { best = (score, end - start + 1, o, e) }
            }
        }
        if best.hours > 0 { return (best.hours, best.observed, best.expected) }
        let whole = days.lowerBound * 24..<min(hourly.count, (days.upperBound + 1) * 24)
        return (whole.count, Double(hourly[whole].reduce(0, +)), hourlyExpected[whole].reduce(0, +))
    }
}

/// The window's hours, counted from its start, with each hour's hour of week and month.
struct WindowHours {
    let start: WallTime
    let count: Int
    let hourOfWeekOfHour: [Int]
    let monthOfHour: [Int]

    init(_ window: ObservationWindow) {
        start = window.start
        count = max(1, Int((window.end.seconds - window.start.seconds + 3_599) / 3_600))
        var week = [Int](), months = [Int]()
        week.reserveCapacity(count)
        months.reserveCapacity(count)
        for hour in 0..<count {
            let instant = WallTime(seconds: window.start.seconds + Int64(hour) * 3_600)
            week.append(Self.hourOfWeek(instant))
            months.append(Self.month(instant))
        }
        hourOfWeekOfHour = week
        monthOfHour = months
    }

    func index(of instant: WallTime) -> Int { min(count - 1, Int((instant.seconds - start.seconds) / 3_600)) }
    func hourOfWeek(of instant: WallTime) -> Int { Self.hourOfWeek(instant) }
    func month(of instant: WallTime) -> Int { Self.month(instant) }

    /// Hour of the week, Monday 00:00 = 0 (1970-01-01 was a Thursday).
    static func hourOfWeek(_ instant: WallTime) -> Int {
        let hours = Int(instant.seconds.floorDivided(by: 3_600))
        let day = hours.floorDivided(by: 24)
        return ((day + 3).modulo(7)) * 24 + hours.modulo(24)
    }

    /// Month, January = 0.
    static func month(_ instant: WallTime) -> Int {
        CivilDate(dayNumber: Int(instant.seconds.floorDivided(by: 86_400))).month - 1
    }
}

extension BinaryInteger {
    /// Division rounding toward minus infinity (instants before 1970 stay in the right hour).
    func floorDivided(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The non-negative remainder.
    func modulo(_ divisor: Self) -> Self { ((self % divisor) + divisor) % divisor }
}
