// Arithmetic between instants and spans. Instants cannot be added to each other:
// only "instant ± span" and "instant − instant" have a meaning.

extension SimTime {
    /// The instant `rhs` after `lhs`.
    @inlinable
    public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime {
        SimTime(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }

    /// The instant `lhs` after `rhs`.
    @inlinable
    public static func + (lhs: SimDuration, rhs: SimTime) -> SimTime {
        SimTime(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }

    /// The instant `rhs` before `lhs`.
    @inlinable
    public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime {
        SimTime(milliseconds: lhs.milliseconds - rhs.milliseconds)
    }

    /// The span from `rhs` to `lhs` (negative when `lhs` is earlier).
    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
        SimDuration(milliseconds: lhs.milliseconds - rhs.milliseconds)
    }

    /// Moves the instant later by `rhs`.
    @inlinable
    public static func += (lhs: inout SimTime, rhs: SimDuration) {
        lhs.milliseconds += rhs.milliseconds
    }

    /// Moves the instant earlier by `rhs`.
    @inlinable
    public static func -= (lhs: inout SimTime, rhs: SimDuration) {
        lhs.milliseconds -= rhs.milliseconds
    }
}

extension SimDuration {
    /// The sum of two spans.
    @inlinable
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }

    /// The difference of two spans.
    @inlinable
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(milliseconds: lhs.milliseconds - rhs.milliseconds)
    }

    /// The span reversed in sign.
    @inlinable
    public static prefix func - (value: SimDuration) -> SimDuration {
        SimDuration(milliseconds: -value.milliseconds)
    }

    /// The span repeated `rhs` times.
    @inlinable
    public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
        SimDuration(milliseconds: lhs.milliseconds * rhs)
    }

    /// Lengthens the span by `rhs`.
    @inlinable
    public static func += (lhs: inout SimDuration, rhs: SimDuration) {
        lhs.milliseconds += rhs.milliseconds
    }

    /// Shortens the span by `rhs`.
    @inlinable
    public static func -= (lhs: inout SimDuration, rhs: SimDuration) {
        lhs.milliseconds -= rhs.milliseconds
    }
}
