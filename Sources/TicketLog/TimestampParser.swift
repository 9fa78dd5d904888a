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
        if let instant = PlainTimestamp.parse(bytes) { return instant }
        return try parseAnyForm(bytes, allowDateOnly: allowDateOnly)
    }

    /// Parses the bytes of one timestamp of any accepted form, reporting what is wrong.
    func parseAnyForm(
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

/// The form logs are written in, `YYYY-MM-DDTHH:MM:SS` (or a space or `t` for the `T`), read
/// at fixed places: the general parse reads every other text, valid or not, so that every
/// error it reports stays its own.
enum PlainTimestamp {
    /// The instant `bytes` hold when they are a valid timestamp of exactly this form whose year
    /// is within ``MonthStarts``; nil otherwise.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> WallTime? {
        guard bytes.count == 19, let base = bytes.baseAddress, base[4] == 0x2D, base[7] == 0x2D,
              base[13] == 0x3A, base[16] == 0x3A, base[10] == 0x54 || base[10] == 0x74 || base[10] == ASCII.space
        else { return nil }
        let year = number(base, 0, 4), month = number(base, 5, 2), day = number(base, 8, 2)
        let hour = number(base, 11, 2), minute = number(base, 14, 2), second = number(base, 17, 2)
        guard hour >= 0, hour < 24, minute >= 0, minute < 60, second >= 0, second < 60,
              let days = MonthStarts.dayNumber(year: year, month: month, day: day)
        else { return nil }
        return WallTime(seconds: Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    /// The value of the `count` decimal digits at `offset`; -1 when one of them is not a digit.
    @inline(__always)
    private static func number(_ base: UnsafePointer<UInt8>, _ offset: Int, _ count: Int) -> Int {
        var value = 0
        var misses: UInt8 = 0
        for index in offset..<offset + count {
            let digit = base[index] &- ASCII.zero
            misses |= digit > 9 ? 1 : 0
            value = value * 10 + Int(digit)
        }
        return misses == 0 ? value : -1
    }
}

/// The day numbers of the first of each month of the years 1900–2155 (and of the month after),
/// so that a date of those years is validated and numbered by two look-ups.
enum MonthStarts {
    private static let firstYear = 1900
    private static let years = 256
    private static let table: [Int32] = (0...years * 12).map { month in
        Int32(CivilDate(year: firstYear + month / 12, month: month % 12 + 1, day: 1).dayNumber)
    }

    /// The day number (days since 1970-01-01) of a valid date in the table's years; nil for
    /// an invalid date or another year.
    @inline(__always)
    static func dayNumber(year: Int, month: Int, day: Int) -> Int? {
        guard year >= firstYear, year < firstYear + years, month >= 1, month <= 12, day >= 1 else { return nil }
        let index = (year - firstYear) * 12 + month - 1
        let first = Int(table[index])
        guard day <= Int(table[index + 1]) - first else { return nil }
        return first + day - 1
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
