/// A pool of identical servers (repair crews, monitoring-centre agents) with a
/// non-preemptive priority waiting line, and its time-weighted statistics.
///
/// A request either starts at once, when a unit is free, or waits; when a unit is released
/// the best waiting request (smallest priority value, then first come) takes it. Capacity may
/// follow a ``Roster``: an increase starts waiting requests at once; a decrease never
/// interrupts work — units above the new capacity finish their current request and are then
/// withdrawn.
///
/// The pool does not schedule anything: the model asks it at event times and schedules the
/// completions of the requests it returns.
public struct ResourcePool<Request> {
    /// Units on duty now.
    public private(set) var capacity: Int
    /// Units serving a request now (may exceed ``capacity`` just after a decrease).
    public private(set) var busy: Int
    /// Waiting requests keyed by (priority, arrival sequence); the time field is unused.
    private var line: EventQueue<Request>
    /// Time-weighted busy units.
    public private(set) var busyUnits: TimeWeighted
    /// Time-weighted number of waiting requests.
    public private(set) var queueLength: TimeWeighted
    /// Time-weighted units present: on duty, or still finishing work after going off duty.
    public private(set) var presentUnits: TimeWeighted

    /// Creates a pool of `capacity` free units, observed from `start`.
    public init(capacity: Int, at start: SimTime = .zero) {
        precondition(capacity >= 0, "ResourcePool: negative capacity")
        self.capacity = capacity
        busy = 0
        line = EventQueue()
        busyUnits = TimeWeighted(initialLevel: 0, at: start)
        queueLength = TimeWeighted(initialLevel: 0, at: start)
        presentUnits = TimeWeighted(initialLevel: Double(capacity), at: start)
    }

    /// Number of requests waiting for a unit.
    public var waiting: Int { line.count }

    /// Units on duty and free.
    public var idle: Int { Swift.max(0, capacity - busy) }

    /// Asks for a unit at `time`.
    /// - Returns: `request` if it starts now (a unit was free), else `nil` (it waits).
    /// - Complexity: O(log w) for w waiting requests.
    public mutating func request(_ request: Request, priority: Int32 = 0, at time: SimTime) -> Request? {
        if busy < capacity {
            setBusy(busy + 1, at: time)
            return request
        }
        line.schedule(request, at: .zero, priority: priority)
        queueLength.update(to: Double(line.count), at: time)
        return nil
    }

    /// Frees one busy unit at `time`.
    /// - Returns: the waiting request that takes the unit over and starts now, if any.
    /// - Complexity: O(log w).
    public mutating func release(at time: SimTime) -> Request? {
        precondition(busy > 0, "ResourcePool: release without a busy unit")
        if busy <= capacity, let next = takeNextWaiting(at: time) {
            return next
        }
        setBusy(busy - 1, at: time)
        return nil
    }

    /// Changes the units on duty at `time` (a roster change).
    /// - Returns: waiting requests that start now because units came on duty, best first.
    /// - Complexity: O(k log w) for k started requests.
    public mutating func setCapacity(_ newCapacity: Int, at time: SimTime) -> [Request] {
        precondition(newCapacity >= 0, "ResourcePool: negative capacity")
        capacity = newCapacity
        var started: [Request] = []
        while busy < capacity, let next = takeNextWaiting(at: time) {
            setBusy(busy + 1, at: time)
            started.append(next)
        }
        presentUnits.update(to: Double(Swift.max(capacity, busy)), at: time)
        return started
    }

    /// Fraction of present unit-time spent serving since the last reset, up to `time`.
    /// Units still finishing work after going off duty count as present.
    public func utilisation(at time: SimTime) -> Double {
        let present = presentUnits.area(at: time)
        return present > 0 ? busyUnits.area(at: time) / present : 0
    }

    /// Time-average number of waiting requests since the last reset, up to `time`.
    public func meanQueueLength(at time: SimTime) -> Double {
        queueLength.mean(at: time)
    }

    /// Time-average number of busy units since the last reset, up to `time`.
    public func meanBusy(at time: SimTime) -> Double {
        busyUnits.mean(at: time)
    }

    /// Forgets the statistics before `time` (end of warm-up); the state is kept.
    public mutating func resetStatistics(at time: SimTime) {
        busyUnits.reset(at: time)
        queueLength.reset(at: time)
        presentUnits.reset(at: time)
    }

    /// Removes the best waiting request, if any, recording the shorter line.
    private mutating func takeNextWaiting(at time: SimTime) -> Request? {
        guard let next = line.popFirst() else { return nil }
        queueLength.update(to: Double(line.count), at: time)
        return next.payload
    }

    private mutating func setBusy(_ newBusy: Int, at time: SimTime) {
        busy = newBusy
        busyUnits.update(to: Double(busy), at: time)
        presentUnits.update(to: Double(Swift.max(capacity, busy)), at: time)
    }
}

extension ResourcePool: Sendable where Request: Sendable {}
