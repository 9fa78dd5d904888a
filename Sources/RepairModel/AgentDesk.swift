/// The monitoring centre's agents: identical units following the roster, and the line of tasks
/// waiting for them.
///
/// Behaves as SimCore's `ResourcePool` does (a task starts at once when an agent is free; a
/// decrease of the roster never interrupts work: agents above the new capacity finish their
/// task and are then withdrawn), with a ``DispatchLine`` so that the dispatch policy can order
/// the tasks of one kind.
struct AgentDesk {
    /// Agents on duty now.
    private(set) var capacity: Int
    /// Agents working now (may exceed ``capacity`` just after a decrease).
    private(set) var busy = 0
    private var line = DispatchLine<AgentTask>()

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Asks for an agent: returns `task` if it starts now, else nil (it waits behind the tasks
    /// of a more urgent kind, then by `key`, then first come).
    mutating func request(_ task: AgentTask, key: Int64) -> AgentTask? {
        if busy < capacity {
            busy += 1
            return task
        }
        line.push(task, band: task.kind.band, key: key)
        return nil
    }

    /// An agent finishes: returns the waiting task it takes next, if it stays on duty.
    mutating func release() -> AgentTask? {
        if busy <= capacity, let next = line.popFirst() { return next.job }
        busy -= 1
        return nil
    }

    /// The roster changes: returns the waiting tasks that start now, best first.
    mutating func setCapacity(_ newCapacity: Int) -> [AgentTask] {
        capacity = newCapacity
        var started: [AgentTask] = []
        while busy < capacity, let next = line.popFirst() {
            busy += 1
            started.append(next.job)
        }
        return started
    }
}
