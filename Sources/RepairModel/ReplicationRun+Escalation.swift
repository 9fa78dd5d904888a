import Scenario
import SimCore

/// Escalation levels (docs/repair-model.md "Escalation"): when a ticket is reported, each level
/// of its class is scheduled at `reported_at` + the level's delay; a ticket still unrepaired
/// then reaches the level, and the level's effects apply.
extension ReplicationRun {
    /// Schedules the ticket's escalation levels that fall before the horizon.
    ///
    /// The levels are read by index: iterating the array while the loop schedules would retain
    /// and release it for every ticket.
    mutating func scheduleEscalations(_ index: Int) {
        let reportedAt = tickets[index].reportedAt, classIndex = Int(tickets[index].classIndex)
        for position in classes[classIndex].escalations.indices {
            let escalation = classes[classIndex].escalations[position]
            let due = reportedAt + escalation.delay
            guard due <= horizon else { continue }
            simulation.schedule(.escalation(ticket: Int32(index), level: escalation.level), at: max(due, simulation.now))
        }
    }

    /// The ticket reaches a level: unless it is repaired already, the level is recorded and its
    /// effects apply (priority and call-out first, so a notice never delays the crew).
    mutating func escalationReached(_ index: Int, level: Int) {
        guard tickets.holds(index), tickets[index].stage.rawValue < TicketStage.awaitingConfirmation.rawValue else { return }
        tickets[index].levelsReached |= 1 << UInt64(level)
        let effects = scenario.escalation.levels[level]
        if effects.raisesPriority || effects.callsOut { raisePriority(index) }
        if effects.callsOut { callOut(index) }
        if let notice = effects.notify { notify(index, level: level, notice) }
    }

    /// A ticket not yet accepted moves ahead of every ticket not escalated: at once if it
    /// waits in the line, else when it joins it. A remote fix has a line only when the scenario
    /// has remote-fix engineers.
    private mutating func raisePriority(_ index: Int) {
        let ticket = tickets[index]
        guard !ticket.remote || remoteDesk != nil, !ticket.escalated,
              ticket.stage.rawValue <= TicketStage.awaitingCrew.rawValue else { return }
        tickets[index].escalated = true
        guard ticket.stage == .awaitingCrew else { return }
        tickets[index].queueToken &+= 1
        enqueue(index, region: regionOf(index))
    }

    /// A ticket waiting for a crew calls out a free on-call crew (its line entry goes stale);
    /// a remote fix waiting for an engineer calls nobody out.
    private mutating func callOut(_ index: Int) {
        let region = regionOf(index)
        guard tickets[index].stage == .awaitingCrew, !tickets[index].remote, desks[region].hasFreeOnCallCrew else { return }
        tickets[index].queueToken &+= 1
        desks[region].busyOnCall += 1
        accept(index, by: .onCall)
        desks[region].recordLevels(at: simulation.now)
    }

    /// An agent's notice joins the agents' line; the duty manager's time is counted.
    private mutating func notify(_ index: Int, level: Int, _ notice: EscalationLevel.Notice) {
        switch notice.who {
        case .agent:
            tickets[index].noticesToAgents += 1
            requestAgent(AgentTask(ticket: Int32(index), kind: .escalationNotice, level: UInt8(level)))
        case .dutyManager:
            let work = Self.duration(notice.work.sample(streams.escalation))
            if tickets[index].faultStart >= warmupEnd { dutyManagerMinutes += work.minutes }
        }
    }

    /// Work of an agent's escalation notice, drawn when the agent starts it.
    func noticeWork(_ task: AgentTask) -> SimDuration {
        let work = scenario.escalation.levels[Int(task.level)].notify?.work
        return Self.duration(work?.sample(streams.escalation) ?? 0)
    }
}
