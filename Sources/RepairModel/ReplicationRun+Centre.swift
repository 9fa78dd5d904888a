import SimCore

/// The monitoring centre: one pool of agents doing, in this order of priority, confirmation,
/// intake, the after-sales level's progress updates and the fault reports.
extension ReplicationRun {
    /// Asks for an agent; the task starts now if one is free, else waits by its kind, then in
    /// the dispatch policy's order.
    mutating func requestAgent(_ task: AgentTask) {
        var task = task
        task.requestedAt = simulation.now
        if let started = agents.request(task, key: agentKey(task)) {
            startAgentTask(started)
        }
        recordAgentLevels()
    }

    /// An agent finishes: the next task starts, and the ticket moves on.
    mutating func agentFinished(_ task: AgentTask) {
        if let next = agents.release() { startAgentTask(next) }
        recordAgentLevels()
        let index = Int(task.ticket)
        switch task.kind {
        case .intake: dispatch(index)
        case .confirm:
            tickets[index].confirmedAt = simulation.now
            tickets[index].stage = .closed
            if tickets[index].writesReport { requestAgent(AgentTask(ticket: task.ticket, kind: .faultReport)) }
        case .progressUpdate: updateSent(task)
        case .escalationNotice: tickets[index].noticesToAgents -= 1
        case .outageNotice: outageNoticeSent(index)
        case .monthlyReport: if task.requestedAt >= warmupEnd { communication.monthlyReportsByAgents += 1 }
        case .installReport: if task.requestedAt >= warmupEnd { communication.installReportsByAgents += 1 }
        case .faultReport:
            tickets[index].reportSentAt = simulation.now
            tickets[index].reportSent = true
            if inWindow(index) { agentWork.reportsSent += 1 }
        }
    }

    /// A progress update falls due: while the ticket is unrepaired an agent sends it (merged
    /// into the previous one if that is still waiting), and the next one falls due one interval
    /// later (the schedule runs from `reported_at`, whatever the agents' delays).
    mutating func progressUpdateDue(_ index: Int) {
        guard tickets.holds(index), tickets[index].stage.rawValue < TicketStage.awaitingConfirmation.rawValue else { return }
        if inWindow(index) { agentWork.updatesDue += 1 }
        if tickets[index].updatePending {
            if inWindow(index) { agentWork.updatesMerged += 1 }
        } else {
            tickets[index].updatePending = true
            tickets[index].updateDue = simulation.now
            requestAgent(AgentTask(ticket: Int32(index), kind: .progressUpdate, due: simulation.now))
        }
        scheduleProgressUpdate(index, after: simulation.now)
    }

    /// Schedules the ticket's next progress update one interval after `time`, if its level has
    /// an interval and the update falls by the horizon.
    mutating func scheduleProgressUpdate(_ index: Int, after time: SimTime) {
        let interval = classes[Int(tickets[index].classIndex)].updateInterval
        guard interval > .zero, time + interval <= horizon else { return }
        simulation.schedule(.progressUpdateDue(ticket: Int32(index)), at: time + interval)
    }

    private mutating func updateSent(_ task: AgentTask) {
        let index = Int(task.ticket)
        tickets[index].updatePending = false
        guard inWindow(index) else { return }
        let delay = simulation.now - task.due
        agentWork.updatesSent += 1
        agentWork.updateDelayMinutes.record(delay.minutes)
        if delay > classes[Int(tickets[index].classIndex)].updateInterval { agentWork.updatesLate += 1 }
    }

    /// Whether the ticket's fault started in the observed window.
    private func inWindow(_ index: Int) -> Bool { tickets[index].faultStart >= warmupEnd }

    /// The roster changes the number of agents on duty.
    mutating func agentRosterChanges() {
        let roster = scenario.monitoringCentre.roster
        for task in agents.setCapacity(roster.capacity(at: simulation.now)) {
            startAgentTask(task)
        }
        recordAgentLevels()
        if let change = roster.nextChange(after: simulation.now) { simulation.schedule(.agentRoster, at: change) }
    }

    private mutating func startAgentTask(_ task: AgentTask) {
        let index = Int(task.ticket)
        if task.requestedAt >= warmupEnd {
            agentWaits[Int(task.kind.rawValue)].record(simulation.now - task.requestedAt)
        }
        let work: SimDuration
        switch task.kind {
        case .intake:
            tickets[index].stage = .inIntake
            work = tickets[index].intakeWork
        case .confirm:
            tickets[index].stage = .confirming
            work = tickets[index].confirmWork
        case .progressUpdate:
            work = Self.duration(scenario.monitoringCentre.progressUpdate.sample(streams.progressUpdates))
        case .escalationNotice:
            work = noticeWork(task)
        case .faultReport:
            work = tickets[index].reportWork
        case .outageNotice:
            work = Self.duration(scenario.communication.outageNotice!.work.sample(streams.communication))
        case .monthlyReport:
            work = Self.duration(scenario.communication.monthlyReport!.work.sample(streams.communication))
            if task.requestedAt >= warmupEnd { communication.monthlyReportAgentHours += work.hours }
            simulation.schedule(.agentFinished(task), after: work)
            return
        case .installReport:
            work = installReportWork()
            if task.requestedAt >= warmupEnd { communication.installReportAgentHours += work.hours }
            simulation.schedule(.agentFinished(task), after: work)
            return
        }
        tickets[index].agentBusy += work
        simulation.schedule(.agentFinished(task), after: work)
    }

    private mutating func recordAgentLevels() {
        agentBands.set(busy: agents.busy, present: max(agents.capacity, agents.busy), at: simulation.now)
    }
}
