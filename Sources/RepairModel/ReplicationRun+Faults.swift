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
    ///
    /// The source's and the class's fields are read one by one: a copy of either (arrays,
    /// a stream, distributions) costs reference counting on every fault.
    mutating func faultOccurs(source: Int) {
        let classIndex = faultSources[source].classIndex, segment = faultSources[source].segment
        let circuits = Int(classes[Int(classIndex)].circuits)
        let circuit = classes[Int(classIndex)].firstCircuit
            + Int32(faultSources[source].stream.uniformIndex(below: circuits))
        let outage = isOutage(circuit: circuit, segment: segment, protected: classes[Int(classIndex)].protected)
        openFaults[Int(circuit) * 4 + Int(segment)] &+= 1
        let ticket = newTicket(source: source, circuit: circuit, classIndex: classIndex, segment: segment,
                               outage: outage)
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
    @inline(__always) private func isOutage(circuit: Int32, segment: UInt8, protected: UInt8) -> Bool {
        guard protected & (1 << segment) != 0 else { return true }
        return openFaults[Int(circuit) * 4 + Int(segment)] > 0
    }

    /// A new fault's ticket with its durations drawn. `mutating` only so that the run is passed
    /// by reference, not copied (see ``ReplicationRun``): it changes nothing but the streams.
    @inline(__always) private mutating func newTicket(source: Int, circuit: Int32, classIndex: Int32, segment: UInt8,
                                                      outage: Bool) -> Ticket {
        let monitored = classes[Int(classIndex)].monitored & (1 << segment) != 0
        let (channel, delay) = detection(outage: outage, monitored: monitored)
        let remote = streams.repair.uniform() < faultSources[source].repair.remoteShare
        let work = faultSources.withUnsafeBufferPointer { sources in
            remote ? sources[source].repair.remote.sample(streams.repair) : sources[source].repair.onSite.sample(streams.repair)
        }
        let writesReport = classes[Int(classIndex)].writesReport
        var ticket = Ticket(
            circuit: circuit, classIndex: classIndex, segment: segment, outage: outage, channel: channel,
            remote: remote, writesReport: writesReport, faultStart: simulation.now,
            detectionDelay: Self.duration(delay),
            intakeWork: Self.duration(scenario.monitoringCentre.intake.sample(streams.intake)),
            travel: Self.duration(Self.sample(travel, at: Int(classes[Int(classIndex)].region), streams.travel)),
            repairWork: Self.duration(work),
            confirmWork: Self.duration(scenario.monitoringCentre.confirm.sample(streams.confirm)),
            reportWork: writesReport
                ? Self.duration(scenario.monitoringCentre.faultReport.sample(streams.faultReport)) : .zero)
        if !remote, let suspension = scenario.suspension { ticket.suspension = drawSuspension(suspension) }
        return ticket
    }

    /// A draw from `distributions[index]`, read in place: an array's element read by subscript
    /// is copied (its sampler retained and released) before it draws.
    @inline(__always) private static func sample(_ distributions: [Distribution], at index: Int,
                                                 _ stream: RandomStream) -> Double {
        distributions.withUnsafeBufferPointer { $0[index].sample(stream) }
    }

    /// An on-site repair's customer-caused wait: with the model's share, a drawn duration; from
    /// its own stream, both numbers drawn for every on-site repair (common random numbers).
    @inline(__always) private func drawSuspension(_ model: Suspension) -> SimDuration {
        let suspended = streams.suspension.uniform() < model.share
        let duration = Self.duration(model.duration.sample(streams.suspension))
        return suspended ? duration : .zero
    }

    /// Channel and delay (minutes). Monitored segments and switch-overs (the protection switch
    /// raises an alarm at the centre) are found proactively; otherwise the account manager
    /// (with its share) or the customer reports, slower when the fault starts out of hours.
    ///
    /// Both delays are drawn for every fault, each from its own stream: whether a protected fault
    /// is an outage depends on an earlier repair (so on staffing), and must not shift the numbers
    /// later faults draw (common random numbers).
    @inline(__always) private func detection(outage: Bool, monitored: Bool) -> (DetectionChannel, Double) {
        let proactive = scenario.detection.proactiveDelay.sample(streams.proactiveDetection)
        let reported: (DetectionChannel, Double)
        if streams.detection.uniform() < scenario.detection.accountManagerShare {
            reported = (.accountManager, scenario.detection.accountManagerDelay.sample(streams.detection))
        } else if isWorkingTime(simulation.now) {
            reported = (.customer, scenario.detection.customerDelay.sample(streams.detection))
        } else {
            reported = (.customer, scenario.detection.customerOffHoursDelay.sample(streams.detection))
        }
        return !outage || monitored ? (.proactive, proactive) : reported
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
        if tickets[index].outage, classes[Int(tickets[index].classIndex)].notifiesOutage { requestOutageNotice(index) }
        scheduleProgressUpdate(index, after: simulation.now)
        scheduleEscalations(index)
    }
}
