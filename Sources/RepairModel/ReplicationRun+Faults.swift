import Scenario
import ServiceRules
import SimCore
import SimRandom

/// Fault arrivals, protection and detection.
extension ReplicationRun {
    /// Schedules the next fault of a source, if it falls before the horizon.
    mutating func scheduleNextFault(source: Int) {
        let next = faultSources[source].arrivals.next(after: faultSources[source].lastMinutes,
                                                      faultSources[source].stream)
        guard next < scenario.horizonMinutes else { return }
        faultSources[source].lastMinutes = next
        let time = SimTime(milliseconds: Int64(next * 60_000))
        simulation.schedule(.fault(source: Int32(source)), at: max(time, simulation.now))
    }

    /// A fault begins on a circuit of the source's class: the ticket is created with all its
    /// durations drawn, and its detection is scheduled.
    mutating func faultOccurs(source: Int) {
        let origin = faultSources[source]
        let plan = classes[Int(origin.classIndex)]
        let circuit = plan.firstCircuit + Int32(origin.stream.uniformIndex(below: Int(plan.circuits)))
        let outage = isOutage(circuit: circuit, segment: origin.segment, plan: plan)
        openFaults[Int(circuit) * 4 + Int(origin.segment)] &+= 1
        let ticket = newTicket(circuit: circuit, classIndex: origin.classIndex, segment: origin.segment,
                               outage: outage, plan: plan)
        tickets.append(ticket)
        if simulation.now >= warmupEnd {
            counts.faults += 1
            if !outage { counts.switchedOver += 1 }
        }
        simulation.schedule(.detected(ticket: Int32(tickets.count - 1)), after: ticket.detectionDelay)
        scheduleNextFault(source: source)
    }

    /// Protected segment: the first open fault switches over (no outage); a fault while another
    /// on the same circuit and segment is unrepaired hits the protecting path (outage).
    /// Unprotected segment: always an outage.
    private func isOutage(circuit: Int32, segment: UInt8, plan: ClassPlan) -> Bool {
        guard plan.protected & (1 << segment) != 0 else { return true }
        return openFaults[Int(circuit) * 4 + Int(segment)] > 0
    }

    private func newTicket(circuit: Int32, classIndex: Int32, segment: UInt8, outage: Bool, plan: ClassPlan) -> Ticket {
        let (channel, delay) = detection(outage: outage, segment: segment, plan: plan)
        let profile = repairProfiles[Int(segment)]!
        let remote = streams.repair.uniform() < profile.remoteShare
        let work = (remote ? profile.remote ?? profile.onSite : profile.onSite).sample(streams.repair)
        let centre = scenario.monitoringCentre
        return Ticket(
            circuit: circuit, classIndex: classIndex, segment: segment, outage: outage, channel: channel,
            remote: remote, writesReport: plan.writesReport, faultStart: simulation.now,
            detectionDelay: Self.duration(delay),
            intakeWork: Self.duration(centre.intake.sample(streams.intake)),
            travel: Self.duration(travel[Int(plan.region)].sample(streams.travel)),
            repairWork: Self.duration(work),
            confirmWork: Self.duration(centre.confirm.sample(streams.confirm)),
            reportWork: plan.writesReport ? Self.duration(centre.faultReport.sample(streams.faultReport)) : .zero)
    }

    /// Channel and delay (minutes). Monitored segments and switch-overs (the protection switch
    /// raises an alarm at the centre) are found proactively; otherwise the account manager
    /// (with its share) or the customer reports, slower when the fault starts out of hours.
    ///
    /// Both delays are drawn for every fault, each from its own stream: whether a protected fault
    /// is an outage depends on an earlier repair (so on staffing), and must not shift the numbers
    /// later faults draw (common random numbers).
    private func detection(outage: Bool, segment: UInt8, plan: ClassPlan) -> (DetectionChannel, Double) {
        let rules = scenario.detection
        let proactive = rules.proactiveDelay.sample(streams.proactiveDetection)
        let reported: (DetectionChannel, Double)
        if streams.detection.uniform() < rules.accountManagerShare {
            reported = (.accountManager, rules.accountManagerDelay.sample(streams.detection))
        } else {
            let delay = isWorkingTime(simulation.now) ? rules.customerDelay : rules.customerOffHoursDelay
            reported = (.customer, delay.sample(streams.detection))
        }
        return !outage || plan.monitored & (1 << segment) != 0 ? (.proactive, proactive) : reported
    }

    /// Whether an instant is inside the scenario calendar's working hours (its wall-clock second
    /// is: the spans start and end on whole minutes, so the millisecond decides alike).
    func isWorkingTime(_ time: SimTime) -> Bool {
        workingHours.isWorking(time)
    }

    /// The fault is known: the ticket joins the agents' line for intake, its after-sales
    /// level's progress updates start falling due, and its escalation levels are scheduled.
    mutating func detected(_ index: Int) {
        tickets[index].reportedAt = simulation.now
        tickets[index].stage = .awaitingIntake
        setDeadline(index)
        requestAgent(AgentTask(ticket: Int32(index), kind: .intake))
        scheduleProgressUpdate(index, after: simulation.now)
        scheduleEscalations(index)
    }
}
