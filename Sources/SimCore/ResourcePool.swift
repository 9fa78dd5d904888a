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
    @inlinable public var capacity: Int { unitsOnDuty }
    /// Units serving a request now (may exceed ``capacity`` just after a decrease).
    @inlinable public var busy: Int { unitsBusy }
    /// Time-weighted busy units.
    @inlinable public var busyUnits: TimeWeighted { busyLevel }
    /// Time-weighted number of waiting requests.
    @inlinable public var queueLength: TimeWeighted { lineLevel }
    /// Time-weighted units present: on duty, or still finishing work after going off duty.
    @inlinable public var presentUnits: TimeWeighted { presentLevel }

    /// Storage for ``capacity``.
    @usableFromInline internal var unitsOnDuty: Int
    /// Storage for ``busy``.
    @usableFromInline internal var unitsBusy: Int
    /// Waiting requests: priority first, then first come first served.
    @usableFromInline internal var line: WaitingLine<Request>
    /// Storage for ``busyUnits``.
    @usableFromInline internal var busyLevel: TimeWeighted
    /// Storage for ``queueLength``.
    @usableFromInline internal var lineLevel: TimeWeighted
    /// Storage for ``presentUnits``.
    @usableFromInline internal var presentLevel: TimeWeighted

    /// Creates a pool of `capacity` free units, observed from `start`.
    public init(capacity: Int, at start: SimTime = .zero) {
        precondition(capacity >= 0, "ResourcePool: negative capacity")
        unitsOnDuty = capacity
        unitsBusy = 0
        line = WaitingLine()
        busyLevel = TimeWeighted(initialLevel: 0, at: start)
        lineLevel = TimeWeighted(initialLevel: 0, at: start)
        presentLevel = TimeWeighted(initialLevel: Double(capacity), at: start)
    }

    /// Number of requests waiting for a unit.
    @inlinable
    public var waiting: Int { line.count }

    /// Units on duty and free.
    @inlinable
    public var idle: Int { Swift.max(0, capacity - busy) }

    /// Asks for a unit at `time`.
    /// - Returns: `request` if it starts now (a unit was free), else `nil` (it waits).
    /// - Complexity: O(L) for L distinct priorities waiting or waited with (usually a handful).
    @inlinable
    @inline(__always)
    public mutating func request(_ request: Request, priority: Int32 = 0, at time: SimTime) -> Request? {
        if unitsBusy < unitsOnDuty {
            setBusy(unitsBusy + 1, at: time)
            return request
        }
        line.append(request, priority: priority)
        lineLevel.update(to: Double(line.count), at: time)
        return nil
    }

    /// Frees one busy unit at `time`.
    /// - Returns: the waiting request that takes the unit over and starts now, if any.
    /// - Complexity: O(L) for L distinct priorities.
    @inlinable
    @inline(__always)
    public mutating func release(at time: SimTime) -> Request? {
        precondition(unitsBusy > 0, "ResourcePool: release without a busy unit")
        if unitsBusy <= unitsOnDuty, let next = takeNextWaiting(at: time) {
            return next
        }
        setBusy(unitsBusy - 1, at: time)
        return nil
    }

    /// Changes the units on duty at `time` (a roster change).
    /// - Returns: waiting requests that start now because units came on duty, best first.
    /// - Complexity: O(k·L) for k started requests and L distinct priorities.
    public mutating func setCapacity(_ newCapacity: Int, at time: SimTime) -> [Request] {
        precondition(newCapacity >= 0, "ResourcePool: negative capacity")
        unitsOnDuty = newCapacity
        var started: [Request] = []
        while unitsBusy < unitsOnDuty, let next = takeNextWaiting(at: time) {
            setBusy(unitsBusy + 1, at: time)
            started.append(next)
        }
        presentLevel.update(to: Double(Swift.max(unitsOnDuty, unitsBusy)), at: time)
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
        busyLevel.reset(at: time)
        lineLevel.reset(at: time)
        presentLevel.reset(at: time)
    }

    /// Removes the best waiting request, if any, recording the shorter line.
    @inlinable
    @inline(__always)
    internal mutating func takeNextWaiting(at time: SimTime) -> Request? {
        guard let next = line.popFirst() else { return nil }
        lineLevel.update(to: Double(line.count), at: time)
        return next
    }

    /// Sets the busy units; the present units change only when the pool is over capacity.
    @inlinable
    @inline(__always)
    internal mutating func setBusy(_ newBusy: Int, at time: SimTime) {
        unitsBusy = newBusy
        busyLevel.update(to: Double(newBusy), at: time)
        let present = Double(Swift.max(unitsOnDuty, newBusy))
        if present != presentLevel.level { presentLevel.update(to: present, at: time) }
    }
}

extension ResourcePool: Sendable where Request: Sendable {}
