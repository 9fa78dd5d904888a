/// A fixed offset from UTC, east positive: the calendar's time zone for timestamps that carry an
/// explicit offset. Fixed offsets suffice for zones without daylight saving (Asia/Shanghai).
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    /// Seconds east of UTC.
    public let seconds: Int64

    /// An offset of `seconds` east of UTC; nil beyond ±18 hours.
    public init?(seconds: Int64) {
        guard abs(seconds) <= 18 * 3600 else { return nil }
        self.seconds = seconds
    }

    /// An offset of `hours` (negative for west) and `minutes` (0–59, taking the sign of `hours`).
    public init?(hours: Int, minutes: Int = 0) {
        guard (0..<60).contains(minutes) else { return nil }
        let magnitude = Int64(abs(hours) * 3600 + minutes * 60)
        self.init(seconds: hours < 0 ? -magnitude : magnitude)
    }

    init(uncheckedSeconds: Int64) { self.seconds = uncheckedSeconds }

    /// UTC+08:00, Asia/Shanghai (no daylight saving); the default calendar zone.
    public static let shanghai = UTCOffset(uncheckedSeconds: 8 * 3600)

    /// UTC itself (`Z`).
    public static let utc = UTCOffset(uncheckedSeconds: 0)

    /// ISO-8601 form, e.g. `+08:00`.
    public var description: String {
        let sign = seconds < 0 ? "-" : "+"
        let total = abs(seconds) / 60
        let hours = total / 60, minutes = total % 60
        return sign + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
