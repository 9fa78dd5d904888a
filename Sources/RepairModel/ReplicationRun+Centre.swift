import SimCore

/// The monitoring centre: one pool of agents doing intake and confirmation, confirmation first.
extension ReplicationRun {
    /// Asks for an agent; the task starts now if one is free, else waits by its kind, then FIFO.
    mutating func requestAgent(_ task: AgentTask) {
        if let started = agents.request(task, priority: task.kind.rawValue, at: simulation.now) {
            startAgentTask(started)
        }
        recordAgentLevels()
    }

    /// An agent finishes: the next task starts, and the ticket moves on.
    mutating func agentFinished(_ task: AgentTask) {
        if let next = agents.release(at: simulation.now) { startAgentTask(next) }
        recordAgentLevels()
        let index = Int(task.ticket)
        switch task.kind {
        case .intake: dispatch(index)
        case .confirm:
            tickets[index].confirmedAt = simulation.now
            tickets[index].stage = .closed
        }
    }

    /// The roster changes the number of agents on duty.
    mutating func agentRosterChanges() {
        let roster = scenario.monitoringCentre.roster
        for task in agents.setCapacity(roster.capacity(at: simulation.now), at: simulation.now) {
            startAgentTask(task)
        }
        recordAgentLevels()
        if let change = roster.nextChange(after: simulation.now) { simulation.schedule(.agentRoster, at: change) }
    }

    private mutating func startAgentTask(_ task: AgentTask) {
        let index = Int(task.ticket)
        let work: SimDuration
        switch task.kind {
        case .intake:
            tickets[index].stage = .inIntake
            work = tickets[index].intakeWork
        case .confirm:
            tickets[index].stage = .confirming
            work = tickets[index].confirmWork
        }
        tickets[index].agentBusy += work
        simulation.schedule(.agentFinished(task), after: work)
    }

    private mutating func recordAgentLevels() {
        agentBands.set(busy: agents.busy, present: max(agents.capacity, agents.busy), at: simulation.now)
    }
}
