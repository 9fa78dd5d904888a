/// A level that changes at instants (busy crews, queue length, tickets open) and its
/// time-weighted statistics: the average level over time, and the highest level reached.
///
/// The integral is kept as level × milliseconds, so averages are exact ratios of the
/// recorded history. ``reset(at:)`` discards the warm-up period while keeping the current level.
public struct TimeWeighted: Hashable, Sendable {
    /// The current level.
    @inlinable public var level: Double { currentLevel }
    /// Highest level held since creation or the last reset.
    @inlinable public var max: Double { highestLevel }
    /// Start of the observation window.
    @inlinable public var start: SimTime { windowStart }
    /// When the level last changed (or the window started).
    @inlinable public var lastChange: SimTime { changedAt }
    /// ∫ level dt over [start, lastChange], in level × milliseconds.
    @inlinable public var areaMilliseconds: Double { accumulatedArea }

    /// Storage for ``level``.
    @usableFromInline internal var currentLevel: Double
    /// Storage for ``max``.
    @usableFromInline internal var highestLevel: Double
    /// Storage for ``start``.
    @usableFromInline internal var windowStart: SimTime
    /// Storage for ``lastChange``.
    @usableFromInline internal var changedAt: SimTime
    /// Storage for ``areaMilliseconds``.
    @usableFromInline internal var accumulatedArea: Double

    /// Starts observing at `start` with level `initialLevel`.
    public init(initialLevel: Double = 0, at start: SimTime = .zero) {
        currentLevel = initialLevel
        highestLevel = initialLevel
        windowStart = start
        changedAt = start
        accumulatedArea = 0
    }

    /// Records that the level becomes `newLevel` at `time` (not before the last change).
    /// - Complexity: O(1).
    @inlinable
    public mutating func update(to newLevel: Double, at time: SimTime) {
        precondition(time >= changedAt, "TimeWeighted: updates must be in time order")
        accumulate(until: time)
        currentLevel = newLevel
        highestLevel = Swift.max(highestLevel, newLevel)
    }

    /// Adds `delta` to the level at `time`.
    @inlinable
    public mutating func add(_ delta: Double, at time: SimTime) {
        update(to: currentLevel + delta, at: time)
    }

    /// Forgets the history before `time` (end of warm-up); the current level is kept.
    public mutating func reset(at time: SimTime) {
        precondition(time >= changedAt, "TimeWeighted: reset must not go back in time")
        windowStart = time
        changedAt = time
        accumulatedArea = 0
        highestLevel = currentLevel
    }

    /// ∫ level dt from the window start to `time`, in level × milliseconds.
    public func area(at time: SimTime) -> Double {
        precondition(time >= changedAt, "TimeWeighted: cannot read before the last change")
        return accumulatedArea + currentLevel * Double((time - changedAt).milliseconds)
    }

    /// Time-average of the level over [start, `time`]; the current level if the window is empty.
    public func mean(at time: SimTime) -> Double {
        let elapsed = (time - windowStart).milliseconds
        guard elapsed > 0 else { return currentLevel }
        return area(at: time) / Double(elapsed)
    }

    @inlinable
    @inline(__always)
    internal mutating func accumulate(until time: SimTime) {
        accumulatedArea += currentLevel * Double(time.milliseconds &- changedAt.milliseconds)
        changedAt = time
    }
}
