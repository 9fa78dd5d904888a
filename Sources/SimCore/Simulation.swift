/// The simulation kernel: a clock and a future-event set, nothing else.
///
/// A model owns a `Simulation` of its own payload enum and usually drives it itself:
/// ```swift
/// while let event = sim.step() {
///     switch event { case .arrival(let ticket): ... }
/// }
/// ```
/// That loop is the fast path: no closures, no existential calls. ``run(until:_:)`` is a
/// convenience for small models and tests.
public struct Simulation<Payload> {
    /// The current simulated time: the time of the event most recently taken by ``step()``.
    @inlinable
    public var now: SimTime { clock }

    /// Storage for ``now``; only the kernel moves the clock.
    @usableFromInline
    internal var clock: SimTime

    /// Pending events.
    @usableFromInline
    internal var queue: EventQueue<Payload>

    /// Creates a simulation whose clock starts at `start` with room for `minimumCapacity` events.
    public init(start: SimTime = .zero, minimumCapacity: Int = 0) {
        clock = start
        queue = EventQueue(minimumCapacity: minimumCapacity)
    }

    /// Number of pending events.
    @inlinable
    public var pendingCount: Int { queue.count }

    /// When the next pending event fires, or `nil` if none is pending.
    @inlinable
    public var nextEventTime: SimTime? { queue.peekTime() }

    /// Schedules `payload` at the absolute instant `time`, which must not be in the past.
    /// - Complexity: O(log n).
    @inlinable
    @inline(__always)
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int32 = 0) -> EventHandle {
        precondition(time >= now, "Simulation: cannot schedule at \(time), before now (\(now))")
        return queue.schedule(payload, at: time, priority: priority)
    }

    /// Schedules `payload` a non-negative `delay` after now.
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, after delay: SimDuration, priority: Int32 = 0) -> EventHandle {
        schedule(payload, at: now + delay, priority: priority)
    }

    /// Cancels a pending event; `false` if it already fired or was cancelled.
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        queue.cancel(handle)
    }

    /// Whether the event named by `handle` is still pending.
    @inlinable
    public func isPending(_ handle: EventHandle) -> Bool {
        queue.isPending(handle)
    }

    /// Takes the next event, advances ``now`` to its time and returns its payload;
    /// `nil` (and the clock unchanged) when nothing is pending.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func step() -> Payload? {
        guard let event = queue.popFirst() else { return nil }
        clock = event.time
        return event.payload
    }

    /// Takes the next event if it is due at or before `end`, advances ``now`` to its time and
    /// returns its payload; `nil` (and the clock unchanged) when none is. The loop of a model
    /// that runs to a horizon: `while let event = sim.step(through: horizon) { ... }`.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func step(through end: SimTime) -> Payload? {
        guard let event = queue.popFirst(through: end) else { return nil }
        clock = event.time
        return event.payload
    }

    /// Handles every event due at or before `end`, in order, then sets the clock to `end`
    /// (if it is later than now). Events scheduled by `handle` for times ≤ `end` are handled too.
    /// - Parameter handle: Called with the simulation (to read `now` and schedule more) and
    ///   the payload of each event.
    @inlinable
    public mutating func run(until end: SimTime, _ handle: (inout Simulation, Payload) -> Void) {
        while let payload = step(through: end) {
            handle(&self, payload)
        }
        if end > clock { clock = end }
    }

    /// Moves the clock forward to `time` without handling events (e.g. to close statistics at
    /// the end of a run). `time` must not be before now nor after the next pending event.
    public mutating func advance(to time: SimTime) {
        precondition(time >= now, "Simulation: the clock cannot go back")
        if let next = queue.peekTime() {
            precondition(time <= next, "Simulation: advancing past a pending event")
        }
        clock = time
    }
}

extension Simulation: Sendable where Payload: Sendable {}
