/// Durations written as text (`45m`, `36h`, `3d`, `1.5`), converted to minutes.
///
/// Units: `s`, `m` (or `min`), `h`, `d`, `w` (1 w = 7 d). A bare number has no unit and is taken
/// as minutes. Whitespace around the value, and between number and unit, is ignored.
public enum DurationText {
    /// The duration written in `text`, in minutes.
    /// - Throws: ``DistributionError`` with `.badNumber`, `.badUnit`, `.invalidParameter`
    ///   (negative, or longer than ``longestMinutes``) or `.trailingText`, located by character offset.
    public static func minutes(parsing text: String) throws(DistributionError) -> Double {
        var scanner = TextScanner(text)
        let quantity = try scanner.quantity()
        try scanner.expectEnd(after: "the duration")
        guard quantity.minutes >= 0 else {
            throw DistributionError(
                .invalidParameter, "a duration must not be negative, got \(quantity.written)",
                offset: quantity.offset)
        }
        guard quantity.minutes <= longestMinutes else {
            throw DistributionError(
                .invalidParameter, "a duration must be at most \(DistributionLimits.text(longestMinutes))m "
                    + "(about 1.9 million years; the simulated clock counts milliseconds in 64 bits), got \(quantity.written)",
                offset: quantity.offset)
        }
        return quantity.minutes
    }

    /// The longest duration accepted, in minutes (≈ 1.9 million years): the same bound as
    /// distribution values (``DistributionLimits/largestValue``), so that any duration, or the
    /// sum of a few, fits the simulated clock's Int64 milliseconds.
    public static let longestMinutes = DistributionLimits.largestValue

    /// `minutes` written with the largest unit that expresses it exactly (`120` → `2h`,
    /// `0.5` → `30s`); otherwise as minutes (`12.25m`). Parses back to exactly `minutes`.
    public static func text(minutes: Double) -> String {
        for unit in [DurationUnit.weeks, .days, .hours, .minutes, .seconds] where minutes != 0 {
            if let count = unit.wholeCount(ofMinutes: minutes) {
                return "\(Int64(count))\(unit.rawValue)"
            }
        }
        return "\(NumberText.text(minutes))m"
    }
}

/// Formats numbers so that they parse back to exactly the same `Double`.
enum NumberText {
    /// Integers without a fraction, everything else in Swift's shortest round-trip form.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
