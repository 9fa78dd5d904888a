/// The length of an availability period.
public enum PeriodKind: String, CaseIterable, Hashable, Sendable, Codable {
    /// A calendar month (default), quarter or year.
    case month, quarter, year

    /// Months in a period of this kind (1, 3, 12).
    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }
}

/// One availability period: a calendar month, quarter or year.
public struct Period: Hashable, Comparable, Sendable {
    /// Month, quarter or year.
    public let kind: PeriodKind
    /// Months since year 0 of the period's first month (year × 12 + month − 1).
    public let firstMonth: Int

    /// The period of a kind holding an instant.
    @inlinable public init(containing instant: WallTime, kind: PeriodKind) {
        let date = CivilDate(dayNumber: instant.dayNumber)
        self.init(kind: kind, monthIndex: date.year * 12 + date.month - 1)
    }

    /// The period of a kind holding a month (year × 12 + month − 1).
    @inlinable public init(kind: PeriodKind, monthIndex: Int) {
        self.kind = kind
        let size = kind.months
        firstMonth = monthIndex - ((monthIndex % size) + size) % size
    }

    /// The first instant of the period.
    public var start: WallTime { WallTime.startOf(monthIndex: firstMonth) }
    /// The first instant after the period.
    public var end: WallTime { WallTime.startOf(monthIndex: firstMonth + kind.months) }
    /// The period after this one.
    public var next: Period { Period(kind: kind, monthIndex: firstMonth + kind.months) }
    /// Seconds in the period.
    public var seconds: Int64 { end.seconds - start.seconds }

    /// `2026-03`, `2026-Q1` or `2026`.
    public var label: String {
        let year = firstMonth / 12, month = firstMonth % 12 + 1
        switch kind {
        case .month: return "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))"
        case .quarter: return "\(CivilDate.pad(year, 4))-Q\((month - 1) / 3 + 1)"
        case .year: return CivilDate.pad(year, 4)
        }
    }

    /// Number of periods from `self` to `other` (negative when `other` is earlier).
    public func distance(to other: Period) -> Int { (other.firstMonth - firstMonth) / kind.months }

    /// Chronological order.
    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.firstMonth < rhs.firstMonth }
}

extension WallTime {
    /// Midnight starting a month given as year × 12 + month − 1.
    static func startOf(monthIndex: Int) -> WallTime {
        let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        return WallTime(CivilDate(year: year, month: monthIndex - year * 12 + 1, day: 1))
    }
}
