import ServiceRules

/// What is wrong with a timestamp's text.
public enum TimestampProblem: Error, Sendable, Hashable {
    /// Not of the shape `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`.
    case malformed
    /// A date without a time of day where a time is required.
    case missingTime
    /// Year 0000 (years 0001–9999 are accepted).
    case yearOutOfRange(Int)
    /// Month outside 01–12.
    case monthOutOfRange(Int)
    /// Day outside 1…(days of that month), e.g. 2026-02-29.
    case dayOutOfRange(day: Int, month: Int, year: Int)
    /// Hour outside 00–23, minute or second outside 00–59.
    case timeOutOfRange
    /// Offset beyond ±18:00 or with minutes ≥ 60.
    case offsetOutOfRange
}

/// Parses ISO-8601 local timestamps straight from bytes into `WallTime`.
///
/// Accepted: `2026-03-02T09:15:00`, a space or `t` instead of `T`, seconds optional
/// (`2026-03-02T09:15`), fractional seconds (`09:15:00.250`, 1–9 digits) **truncated** to the whole
/// second — truncation never reverses two instants' order, so a valid chain of checkpoints stays
/// valid — and an explicit offset `Z`, `±HH:MM`, `±HHMM` or `±HH`, converted to the calendar's zone.
/// No surrounding spaces, no 24:00, no leap second 60. With `allowDateOnly` a bare date
/// `2026-03-02` means its 00:00.
public struct TimestampParser: Sendable {
    /// The calendar's zone: timestamps with an explicit offset are converted to it.
    public let zone: UTCOffset

    /// A parser converting explicit offsets to `zone` (default +08:00, Asia/Shanghai).
    public init(zone: UTCOffset = .shanghai) { self.zone = zone }

    /// Parses `text` (convenience for tests and messages; the readers parse bytes).
    public func parse(_ text: String, allowDateOnly: Bool = false) throws(TimestampProblem) -> WallTime {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(TimestampProblem) in
            try parse(buffer, allowDateOnly: allowDateOnly)
        }
    }

    /// Parses the bytes of one timestamp.
    /// - Complexity: O(length), no allocation.
    public func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, allowDateOnly: Bool = false
    ) throws(TimestampProblem) -> WallTime {
        var cursor = ByteCursor(bytes: bytes)
        let days = try parseDate(&cursor)
        if cursor.isAtEnd {
            guard allowDateOnly else { throw .missingTime }
            return WallTime(seconds: Int64(days) * 86_400)
        }
        guard cursor.take(where: { $0 == 0x54 || $0 == 0x74 || $0 == ASCII.space }) else { throw .malformed }
        let secondOfDay = try parseTimeOfDay(&cursor)
        let shift = try parseOffsetShift(&cursor)
        guard cursor.isAtEnd else { throw .malformed }
        let instant = WallTime(seconds: Int64(days) * 86_400 + Int64(secondOfDay) + shift)
        return shift == 0 ? instant : try Self.inYearRange(instant)
    }

    /// An offset can carry 0001-01-01 or 9999-12-31 past the years a timestamp can be written
    /// in; such an instant could not be shown or read back, so it is refused. (Without an
    /// offset the date's four digits already keep it in range.)
    private static func inYearRange(_ instant: WallTime) throws(TimestampProblem) -> WallTime {
        let year = instant.date.year
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        return instant
    }

    /// `YYYY-MM-DD` → days since 1970-01-01, validating month and day ranges.
    private func parseDate(_ cursor: inout ByteCursor) throws(TimestampProblem) -> Int {
        let year = try cursor.digits(4)
        try cursor.expect(0x2D)
        let month = try cursor.digits(2)
        try cursor.expect(0x2D)
        let day = try cursor.digits(2)
        guard year >= 1 else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        guard day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            throw .dayOutOfRange(day: day, month: month, year: year)
        }
        return CivilDate(year: year, month: month, day: day).dayNumber
    }

    /// `HH:MM[:SS[.fff]]` → seconds since midnight (fraction truncated).
    private func parseTimeOfDay(_ cursor: inout ByteCursor) throws(TimestampProblem) -> Int {
        let hour = try cursor.digits(2)
        try cursor.expect(0x3A)
        let minute = try cursor.digits(2)
        var second = 0
        if cursor.take(where: { $0 == 0x3A }) {
            second = try cursor.digits(2)
            if cursor.take(where: { $0 == 0x2E }) {
                let fraction = cursor.skipDigits()
                guard (1...9).contains(fraction) else { throw .malformed }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { throw .timeOutOfRange }
        return hour * 3600 + minute * 60 + second
    }

    /// An optional `Z` / `±HH[:MM]` / `±HHMM` suffix → seconds to add to reach the calendar zone.
    private func parseOffsetShift(_ cursor: inout ByteCursor) throws(TimestampProblem) -> Int64 {
        if cursor.isAtEnd { return 0 }
        if cursor.take(where: { $0 == 0x5A || $0 == 0x7A }) { return zone.seconds }
        guard let sign = cursor.next(), sign == 0x2B || sign == 0x2D else { throw .malformed }
        let hours = try cursor.digits(2)
        let hasColon = cursor.take(where: { $0 == 0x3A })
        let minutes = if cursor.isAtEnd && !hasColon { 0 } else { try cursor.digits(2) }
        guard hours <= 18, minutes < 60, let offset = UTCOffset(hours: hours, minutes: minutes) else {
            throw .offsetOutOfRange
        }
        let signed = sign == 0x2D ? -offset.seconds : offset.seconds
        return zone.seconds - signed
    }
}

/// A read position over a timestamp's bytes.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var isAtEnd: Bool { index >= bytes.count }

    /// The next byte, consumed; nil at the end.
    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    /// Consumes the next byte when it satisfies `predicate`.
    mutating func take(where predicate: (UInt8) -> Bool) -> Bool {
        guard index < bytes.count, predicate(bytes[index]) else { return false }
        index += 1
        return true
    }

    /// Consumes exactly `byte`.
    mutating func expect(_ byte: UInt8) throws(TimestampProblem) {
        guard take(where: { $0 == byte }) else { throw .malformed }
    }

    /// Consumes exactly `count` decimal digits and returns their value.
    mutating func digits(_ count: Int) throws(TimestampProblem) -> Int {
        guard index + count <= bytes.count else { throw .malformed }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= ASCII.zero, byte <= ASCII.nine else { throw .malformed }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        index += count
        return value
    }

    /// Consumes a run of digits and returns how many there were.
    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= ASCII.zero, bytes[index] <= ASCII.nine { index += 1 }
        return index - start
    }
}
