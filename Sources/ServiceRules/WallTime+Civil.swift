/// Calendar arithmetic on wall-clock instants: the date, the second of the day, ISO text.
/// (User files are parsed by TicketLog's `TimestampParser`, the one reader of timestamps.)
extension WallTime {
    /// Seconds in a calendar day (wall clocks here have no daylight-saving jumps).
    public static let secondsPerDay: Int64 = 86_400

    /// The instant at a wall-clock time of a date.
    public init(_ date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let day = Int64(date.dayNumber) * WallTime.secondsPerDay
        self.init(seconds: day + Int64(hour * 3600 + minute * 60 + second))
    }

    /// Days since 1970-01-01 of the date holding this instant.
    @inlinable public var dayNumber: Int {
        Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// Seconds since local midnight, 0..<86400.
    @inlinable public var secondOfDay: Int64 { seconds - Int64(dayNumber) * 86_400 }

    /// The date holding this instant.
    public var date: CivilDate { CivilDate(dayNumber: dayNumber) }

    /// `YYYY-MM-DDTHH:MM:SS`, the form ticket logs use.
    public var isoString: String {
        let s = Int(secondOfDay)
        let clock = [s / 3600, s % 3600 / 60, s % 60].map { CivilDate.pad($0, 2) }
        return "\(date)T\(clock.joined(separator: ":"))"
    }
}
