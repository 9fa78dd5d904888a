import SimCore

/// Dispatch to crews, call-out, travel and repair.
extension ReplicationRun {
    /// Intake is done: the ticket is dispatched. A remote fix asks for a remote-fix engineer,
    /// or starts at once without anyone when the scenario has no such pool; otherwise a free
    /// duty crew takes it, else a free on-call crew is called out (for an escalated ticket
    /// only, when on-call crews answer escalations only), else it waits.
    mutating func dispatch(_ index: Int) {
        tickets[index].dispatchedAt = simulation.now
        if tickets[index].remote {
            guard remoteDesk == nil else {
                requestEngineer(index)
                return
            }
            tickets[index].acceptedAt = simulation.now
            tickets[index].stage = .repairing
            simulation.schedule(.repaired(ticket: Int32(index)), after: tickets[index].repairWork)
            return
        }
        let region = regionOf(index)
        if desks[region].hasFreeDutyCrew {
            desks[region].busyOnDuty += 1
            accept(index, by: .onDuty)
        } else if desks[region].hasFreeOnCallCrew, !onCallAnswersEscalationsOnly || tickets[index].escalated {
            desks[region].busyOnCall += 1
            accept(index, by: .onCall)
        } else {
            wait(index, region: region)
        }
        desks[region].recordLevels(at: simulation.now)
    }

    /// The ticket joins its region's line (escalated already, if a level raised it in intake).
    private mutating func wait(_ index: Int, region: Int) {
        tickets[index].stage = .awaitingCrew
        enqueue(index, region: region)
    }

    /// Puts a waiting ticket in its line: the region's crews', or the remote engineers' for a
    /// remote fix (in the same bands and dispatch order).
    mutating func enqueue(_ index: Int, region: Int) {
        let ticket = tickets[index]
        let band = ticket.escalated ? ClassPlan.escalatedBand : ClassPlan.repairBand
        let job = CrewJob(index: Int32(index), token: ticket.queueToken)
        if ticket.remote {
            remoteDesk!.line.push(job, band: band, key: crewKey(index))
        } else {
            desks[region].line.push(job, band: band, key: crewKey(index))
        }
    }

    /// A crew takes the ticket: accepted now. A duty crew sets off at once; an on-call crew
    /// answers now and sets off after its call-out delay.
    mutating func accept(_ index: Int, by crew: CrewKind) {
        tickets[index].acceptedAt = simulation.now
        if tickets[index].dispatchedAt >= warmupEnd {
            crewWaits[regionOf(index)].record(simulation.now - tickets[index].dispatchedAt)
        }
        tickets[index].crew = crew
        guard crew == .onCall, let callout = desks[regionOf(index)].rosters.callout else {
            setOff(index)
            return
        }
        tickets[index].stage = .calledOut
        simulation.schedule(.setOff(ticket: Int32(index)), after: Self.duration(callout.sample(streams.callout)))
    }

    /// The crew leaves for the site.
    mutating func setOff(_ index: Int) {
        tickets[index].setOffAt = simulation.now
        tickets[index].stage = .travelling
        simulation.schedule(.arrived(ticket: Int32(index)), after: tickets[index].travel)
    }

    /// The crew is on site and starts the repair, after waiting out a customer-caused
    /// suspension (the crew stays on site).
    mutating func arrived(_ index: Int) {
        tickets[index].arrivedAt = simulation.now
        tickets[index].stage = .repairing
        simulation.schedule(.repaired(ticket: Int32(index)), after: tickets[index].suspension + tickets[index].repairWork)
    }

    /// Service is restored: the fault is closed on its segment, the crew (or remote engineer)
    /// is freed and the ticket waits for an agent to confirm.
    mutating func repaired(_ index: Int) {
        let ticket = tickets[index]
        tickets[index].repairedAt = simulation.now
        tickets[index].stage = .awaitingConfirmation
        openFaults[Int(ticket.circuit) * 4 + Int(ticket.segment)] &-= 1
        if ticket.crew != .none {
            tickets[index].crewBusy += simulation.now - ticket.acceptedAt
            releaseCrew(regionOf(index), kind: ticket.crew)
        } else if ticket.remote, remoteDesk != nil {
            releaseEngineer()
        }
        requestAgent(AgentTask(ticket: Int32(index), kind: .confirm))
    }

    /// A crew finishes a job: a duty crew takes the best waiting job (repair, or install in
    /// working hours); an on-call crew is called out again for the best waiting repair ticket,
    /// else goes home.
    mutating func releaseCrew(_ region: Int, kind: CrewKind) {
        if kind == .onDuty {
            if desks[region].busyOnDuty <= desks[region].onDuty,
               let job = takeNext(region, repairsOnly: !installsMayStart) {
                start(job, region: region, by: .onDuty)
            } else {
                desks[region].busyOnDuty -= 1
            }
        } else {
            if desks[region].busyOnCall <= desks[region].onCall,
               let job = takeNext(region, repairsOnly: true, escalatedOnly: onCallAnswersEscalationsOnly) {
                start(job, region: region, by: .onCall)
            } else {
                desks[region].busyOnCall -= 1
            }
        }
        desks[region].recordLevels(at: simulation.now)
    }

    /// The best valid waiting job; stale entries (re-queued or already taken) are dropped.
    /// `repairsOnly`: an installation at the head of the line is left waiting (installs are
    /// behind every repair, so no repair waits then); `escalatedOnly`: likewise any job behind
    /// the escalated tickets.
    mutating func takeNext(_ region: Int, repairsOnly: Bool, escalatedOnly: Bool = false) -> Int32? {
        while let entry = desks[region].line.first {
            let top = entry.job
            if escalatedOnly && entry.band != ClassPlan.escalatedBand { return nil }
            if top.index >= 0 {
                guard tickets.holds(Int(top.index)), tickets[Int(top.index)].stage == .awaitingCrew,
                      tickets[Int(top.index)].queueToken == top.token else {
                    _ = desks[region].line.popFirst()
                    continue
                }
            } else if repairsOnly {
                return nil
            }
            return desks[region].line.popFirst()!.job.index
        }
        return nil
    }

    /// Starts a job taken from the line (busy counts already include the crew).
    mutating func start(_ job: Int32, region: Int, by crew: CrewKind) {
        if job >= 0 {
            accept(Int(job), by: crew)
        } else {
            assignInstall(Int(-job - 1))
        }
    }

    /// The on-duty roster changes; new crews take waiting jobs (installs in working hours only).
    mutating func dutyRosterChanges(region: Int) {
        let roster = desks[region].rosters.onDuty
        desks[region].onDuty = roster.capacity(at: simulation.now)
        let installs = installsMayStart
        while desks[region].hasFreeDutyCrew, let job = takeNext(region, repairsOnly: !installs) {
            desks[region].busyOnDuty += 1
            start(job, region: region, by: .onDuty)
        }
        desks[region].recordLevels(at: simulation.now)
        if let change = roster.nextChange(after: simulation.now) {
            simulation.schedule(.dutyRoster(region: Int32(region)), at: change)
        }
    }

    /// The on-call roster changes; new on-call crews are called out for waiting repairs.
    mutating func onCallRosterChanges(region: Int) {
        let roster = desks[region].rosters.onCall
        desks[region].onCall = roster.capacity(at: simulation.now)
        while desks[region].hasFreeOnCallCrew,
              let job = takeNext(region, repairsOnly: true, escalatedOnly: onCallAnswersEscalationsOnly) {
            desks[region].busyOnCall += 1
            start(job, region: region, by: .onCall)
        }
        desks[region].recordLevels(at: simulation.now)
        if let change = roster.nextChange(after: simulation.now) {
            simulation.schedule(.onCallRoster(region: Int32(region)), at: change)
        }
    }

    /// Schedules the first roster changes of a region.
    mutating func startRosters(region: Int) {
        if let change = desks[region].rosters.onDuty.nextChange(after: .zero) {
            simulation.schedule(.dutyRoster(region: Int32(region)), at: change)
        }
        if let change = desks[region].rosters.onCall.nextChange(after: .zero) {
            simulation.schedule(.onCallRoster(region: Int32(region)), at: change)
        }
    }

    @inline(__always) func regionOf(_ index: Int) -> Int { Int(classes[Int(tickets[index].classIndex)].region) }
}
