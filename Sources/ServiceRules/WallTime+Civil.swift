/// Calendar arithmetic on wall-clock instants: the date, the second of the day, ISO text.
extension WallTime {
    /// Seconds in a calendar day (wall clocks here have no daylight-saving jumps).
    public static let secondsPerDay: Int64 = 86_400

    /// The instant at a wall-clock time of a date.
    public init(_ date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let day = Int64(date.dayNumber) * WallTime.secondsPerDay
        self.init(seconds: day + Int64(hour * 3600 + minute * 60 + second))
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` (a space may replace `T`); nil when malformed.
    public init?(iso text: String) {
        let pieces = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard pieces.count == 2, let date = CivilDate(iso: pieces[0]) else { return nil }
        let clock = pieces[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let (h, m, s) = (clock[0]!, clock[1]!, clock.count == 3 ? clock[2]! : 0)
        guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        self.init(date, hour: h, minute: m, second: s)
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
