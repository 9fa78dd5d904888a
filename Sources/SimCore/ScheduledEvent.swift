/// An event taken out of an ``EventQueue``: when it was due, its tie-breaking priority and its payload.
public struct ScheduledEvent<Payload> {
    /// The instant the event was scheduled for.
    public var time: SimTime
    /// The priority it was scheduled with (smaller fires first at equal time).
    public var priority: Int32
    /// What the model attached to the event.
    public var payload: Payload

    /// Creates a fired event record.
    @inlinable
    public init(time: SimTime, priority: Int32, payload: Payload) {
        self.time = time
        self.priority = priority
        self.payload = payload
    }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}
extension ScheduledEvent: Equatable where Payload: Equatable {}
