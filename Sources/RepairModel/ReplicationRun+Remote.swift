import SimCore

/// Remote fixes served by the remote-fix engineers (docs/repair-model.md "Remote-fix engineers"):
/// after dispatch the ticket waits for an engineer, whose taking it is its acceptance; the
/// engineer is held for the remote work, then the ticket goes to confirmation. Only scenarios
/// with `remoteEngineers:` come here; without the pool a remote fix starts at dispatch.
extension ReplicationRun {
    /// A remote-fix ticket is dispatched: a free engineer takes it, else it waits in the line.
    mutating func requestEngineer(_ index: Int) {
        if remoteDesk!.hasFreeEngineer {
            remoteDesk!.busy += 1
            startRemoteFix(index)
        } else {
            tickets[index].stage = .awaitingCrew
            enqueue(index, region: regionOf(index))
        }
        remoteDesk!.recordLevels(at: simulation.now)
    }

    /// An engineer takes the ticket (busy count already includes the engineer): accepted now,
    /// restored after the remote work.
    private mutating func startRemoteFix(_ index: Int) {
        tickets[index].acceptedAt = simulation.now
        if tickets[index].dispatchedAt >= warmupEnd { remoteWaits.record(simulation.now - tickets[index].dispatchedAt) }
        tickets[index].stage = .repairing
        simulation.schedule(.repaired(ticket: Int32(index)), after: tickets[index].repairWork)
    }

    /// An engineer finishes: takes the best waiting ticket, if still on duty.
    mutating func releaseEngineer() {
        if remoteDesk!.busy <= remoteDesk!.onDuty, let next = takeNextRemote() {
            startRemoteFix(next)
        } else {
            remoteDesk!.busy -= 1
        }
        remoteDesk!.recordLevels(at: simulation.now)
    }

    /// The best valid waiting ticket; stale entries (re-queued by an escalation, or naming a
    /// ticket already settled and dropped from the store) are dropped.
    private mutating func takeNextRemote() -> Int? {
        while let entry = remoteDesk!.line.popFirst() {
            let index = Int(entry.job.index)
            guard tickets.holds(index) else { continue }
            if tickets[index].stage == .awaitingCrew, tickets[index].queueToken == entry.job.token { return index }
        }
        return nil
    }

    /// The engineers' roster changes; new engineers take waiting tickets.
    mutating func remoteRosterChanges() {
        remoteDesk!.onDuty = remoteDesk!.roster.capacity(at: simulation.now)
        while remoteDesk!.hasFreeEngineer, let next = takeNextRemote() {
            remoteDesk!.busy += 1
            startRemoteFix(next)
        }
        remoteDesk!.recordLevels(at: simulation.now)
        scheduleRemoteRoster()
    }

    /// Schedules the engineers' next roster change, if the scenario has the pool.
    mutating func scheduleRemoteRoster() {
        guard let change = remoteDesk?.roster.nextChange(after: simulation.now) else { return }
        simulation.schedule(.remoteRoster, at: change)
    }
}
