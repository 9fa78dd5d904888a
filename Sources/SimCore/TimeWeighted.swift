/// A level that changes at instants (busy crews, queue length, tickets open) and its
/// time-weighted statistics: the average level over time, and the highest level reached.
///
/// The integral is kept as level × milliseconds, so averages are exact ratios of the
/// recorded history. ``reset(at:)`` discards the warm-up period while keeping the current level.
public struct TimeWeighted: Hashable, Sendable {
    /// The current level.
    public private(set) var level: Double
    /// Highest level held since creation or the last reset.
    public private(set) var max: Double
    /// Start of the observation window.
    public private(set) var start: SimTime
    /// When the level last changed (or the window started).
    public private(set) var lastChange: SimTime
    /// ∫ level dt over [start, lastChange], in level × milliseconds.
    public private(set) var areaMilliseconds: Double

    /// Starts observing at `start` with level `initialLevel`.
    public init(initialLevel: Double = 0, at start: SimTime = .zero) {
        level = initialLevel
        max = initialLevel
        self.start = start
        lastChange = start
        areaMilliseconds = 0
    }

    /// Records that the level becomes `newLevel` at `time` (not before the last change).
    /// - Complexity: O(1).
    public mutating func update(to newLevel: Double, at time: SimTime) {
        precondition(time >= lastChange, "TimeWeighted: updates must be in time order")
        accumulate(until: time)
        level = newLevel
        max = Swift.max(max, newLevel)
    }

    /// Adds `delta` to the level at `time`.
    public mutating func add(_ delta: Double, at time: SimTime) {
        update(to: level + delta, at: time)
    }

    /// Forgets the history before `time` (end of warm-up); the current level is kept.
    public mutating func reset(at time: SimTime) {
        precondition(time >= lastChange, "TimeWeighted: reset must not go back in time")
        start = time
        lastChange = time
        areaMilliseconds = 0
        max = level
    }

    /// ∫ level dt from the window start to `time`, in level × milliseconds.
    public func area(at time: SimTime) -> Double {
        precondition(time >= lastChange, "TimeWeighted: cannot read before the last change")
        return areaMilliseconds + level * Double((time - lastChange).milliseconds)
    }

    /// Time-average of the level over [start, `time`]; the current level if the window is empty.
    public func mean(at time: SimTime) -> Double {
        let elapsed = (time - start).milliseconds
        guard elapsed > 0 else { return level }
        return area(at: time) / Double(elapsed)
    }

    private mutating func accumulate(until time: SimTime) {
        areaMilliseconds += level * Double((time - lastChange).milliseconds)
        lastChange = time
    }
}
