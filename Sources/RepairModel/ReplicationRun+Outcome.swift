import Scenario
import ServiceRules
import SimCore

/// Turns the final state into a ``ReplicationOutcome``: records, statistics and counts of the
/// observed window (from the end of the warm-up to the horizon).
///
/// The tickets are read in index order (the order their faults occurred), each once: all at
/// the horizon, or — when the run judges as it goes (``ReplicationRun/logReader``) — each
/// settled head of the log during the run and the rest at the horizon. Every statistic is
/// gathered in that one order, so both ways give the same bits.
extension ReplicationRun {
    /// The outcome over `inventory`, the scenario's circuits expanded over the observed window,
    /// with every logged ticket's record and detail (what `--export-tickets` and the batch
    /// rule engine take).
    mutating func outcome(inventory: ExpandedInventory) -> ReplicationOutcome {
        var records: [TicketRecord] = []
        var details: [TicketDetail] = []
        var positions: [Int32] = []
        records.reserveCapacity(tickets.count - log.read)
        details.reserveCapacity(tickets.count - log.read)
        positions.reserveCapacity(tickets.count - log.read)
        readRemainingTickets { record, detail, position in
            records.append(record)
            details.append(detail)
            positions.append(position)
        }
        var outcome = summary(inventory: inventory)
        outcome.tickets = records
        outcome.details = details
        outcome.circuitPositions = positions
        return outcome
    }

    /// The outcome without ticket arrays: the tickets not read yet go to ``logReader`` too.
    mutating func judgedOutcome(inventory: ExpandedInventory) -> ReplicationOutcome {
        guard let reader = logReader else { preconditionFailure("ReplicationRun: no log reader") }
        readRemainingTickets(reader)
        return summary(inventory: inventory)
    }

    /// Reads the settled tickets at the head of the log and drops them; tries again after a
    /// few more faults when the head is not settled yet.
    mutating func readSettledTickets() {
        guard let reader = logReader else { return }
        var index = log.read, record = Self.blankRecord
        while index < tickets.count, tickets[index].isSettled {
            read(index, into: &record, reader)
            index += 1
        }
        tickets.drop(below: index)
        log.nextRead = tickets.count + LogReading.retryAfter
    }

    /// Reads every ticket not read yet, at the horizon; they stay for the horizon's counts.
    private mutating func readRemainingTickets(_ visit: (TicketRecord, TicketDetail, Int32) -> Void) {
        var record = Self.blankRecord
        for index in log.read..<tickets.count { read(index, into: &record, visit) }
    }

    /// Reads ticket `index` (the next one): a ticket of the window goes to `visit` as its
    /// record, detail and circuit position and into the stage statistics and counts; a warm-up
    /// ticket a crew worked on adds its crew-hours in the window to its region's unlogged hours.
    /// A closed ticket's record is written over `record` (one record for the tickets read in a
    /// row: building, copying and destroying one per ticket cost ≈ 4 % of a run).
    private mutating func read(_ index: Int, into record: inout TicketRecord,
                               _ visit: (TicketRecord, TicketDetail, Int32) -> Void) {
        precondition(index == log.read, "ReplicationRun: tickets are read in order")
        log.read += 1
        let ticket = tickets[index]
        guard ticket.faultStart >= warmupEnd else {
            guard ticket.crew != .none else { return }
            let repaired = ticket.stage.rawValue >= TicketStage.awaitingConfirmation.rawValue
            if log.unloggedTicketHours.isEmpty { log.unloggedTicketHours = Array(repeating: 0, count: desks.count) }
            log.unloggedTicketHours[regionOf(index)] += hoursInWindow(from: ticket.acceptedAt,
                                                                      to: repaired ? ticket.repairedAt : horizon)
            return
        }
        if ticket.stage == .closed {
            Self.fill(&record, with: ticket, clock: clock)
            visit(record, detail(ticket, number: index + 1), ticket.circuit)
            log.stages.record(ticket)
            if log.stagesByClass.isEmpty { log.stagesByClass = Array(repeating: StageStatistics(), count: classes.count) }
            log.stagesByClass[Int(ticket.classIndex)].record(ticket)
        } else {
            visit(openRecord(ticket), detail(ticket, number: index + 1), ticket.circuit)
            log.counts.openAtHorizon += 1
        }
        count(ticket, in: &log.counts)
        log.byChannel.count(ticket.channel)
    }

    /// The outcome of every ticket read, with empty ticket arrays.
    private func summary(inventory: ExpandedInventory) -> ReplicationOutcome {
        var counts = self.counts
        counts.openAtHorizon += log.counts.openAtHorizon
        counts.remoteFixes += log.counts.remoteFixes
        counts.callouts += log.counts.callouts
        counts.escalations += log.counts.escalations
        log.byChannel.add(to: &counts)
        let stagesByClass = log.stagesByClass.isEmpty ? Array(repeating: StageStatistics(), count: classes.count) : log.stagesByClass
        return ReplicationOutcome(
            scenarioName: scenario.name, replication: replication, circuits: inventory.circuits,
            tickets: [], details: [], circuitPositions: [], window: inventory.window, catalogue: scenario.catalogue,
            staff: staffStatistics(), stages: log.stages, stagesByClass: stagesByClass,
            installs: installStatistics(), counts: counts, waits: poolWaits())
    }

    /// A closed ticket's record without ids, before ``fill(_:with:clock:)``: the ticket is known by
    /// its position and its circuit by `circuitPositions`; ids are given only when the log is
    /// written (`ReplicationOutcome.ticketLog`).
    private static var blankRecord: TicketRecord {
        TicketRecord(ticketID: "", circuitID: "", faultStart: WallTime(seconds: 0), reportedAt: WallTime(seconds: 0),
                     dispatchedAt: nil, acceptedAt: nil, repairedAt: WallTime(seconds: 0), confirmedAt: nil,
                     outage: false)
    }

    /// Writes a closed ticket's checkpoints, outage and suspended interval over `record`, a record
    /// from ``blankRecord`` (its ids, exclusion, feedback and `openAsOf` stay empty).
    @inline(__always) private static func fill(_ record: inout TicketRecord, with ticket: Ticket, clock: WallClock) {
        record.faultStart = clock.wallTime(ticket.faultStart)
        record.reportedAt = clock.wallTime(ticket.reportedAt)
        record.dispatchedAt = clock.wallTime(ticket.dispatchedAt)
        record.acceptedAt = clock.wallTime(ticket.acceptedAt)
        record.repairedAt = clock.wallTime(ticket.repairedAt)
        record.confirmedAt = clock.wallTime(ticket.confirmedAt)
        record.reportSentAt = ticket.reportSent ? clock.wallTime(ticket.reportSentAt) : nil
        record.outage = ticket.outage
        let suspended = suspended(ticket, until: ticket.repairedAt, clock: clock)
        if !(suspended.isEmpty && record.suspended.isEmpty) { record.suspended = suspended }
    }

    /// The ticket's wait on site as a suspended interval, cut at `until`; none when there was
    /// none, the crew has not arrived, or it is shorter than the log's second.
    @inline(__always) private static func suspended(_ ticket: Ticket, until: SimTime, clock: WallClock) -> [Range<WallTime>] {
        guard ticket.suspension > .zero, ticket.stage.rawValue >= TicketStage.repairing.rawValue else { return [] }
        let start = clock.wallTime(ticket.arrivedAt), end = clock.wallTime(min(ticket.arrivedAt + ticket.suspension, until))
        return start < end ? [start..<end] : []
    }

    /// A ticket still open at the horizon, as a log read at that instant shows it: the
    /// checkpoints reached so far; until the service is restored, `openAsOf` and `repairedAt`
    /// the horizon (the outage lasts at least until then). A fault not yet reported has
    /// `reportedAt` at the horizon too: its restoration clock has not started.
    @inline(__always) private func openRecord(_ ticket: Ticket) -> TicketRecord {
        let asOf = clock.wallTime(horizon)
        let reached = { (stage: TicketStage) in ticket.stage.rawValue >= stage.rawValue }
        let (id, circuit) = ("", "")   // named when the log is written, as a closed ticket's (``blankRecord``)
        let reportedAt = reached(.awaitingIntake) ? clock.wallTime(ticket.reportedAt) : asOf
        let dispatchedAt = reached(.awaitingCrew) ? clock.wallTime(ticket.dispatchedAt) : nil
        let acceptedAt = reached(.calledOut) ? clock.wallTime(ticket.acceptedAt) : nil
        guard reached(.awaitingConfirmation) else {
            return TicketRecord(ticketID: id, circuitID: circuit, faultStart: clock.wallTime(ticket.faultStart),
                                reportedAt: reportedAt, dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, openAsOf: asOf,
                                outage: ticket.outage, suspended: Self.suspended(ticket, until: horizon, clock: clock))
        }
        return TicketRecord(
            ticketID: id, circuitID: circuit, faultStart: clock.wallTime(ticket.faultStart), reportedAt: reportedAt,
            dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, repairedAt: clock.wallTime(ticket.repairedAt),
            confirmedAt: nil, outage: ticket.outage, suspended: Self.suspended(ticket, until: ticket.repairedAt, clock: clock))
    }

    /// The ticket's model-side facts; a crew still on an open ticket at the horizon has been
    /// busy with it since acceptance.
    @inline(__always) private func detail(_ ticket: Ticket, number: Int) -> TicketDetail {
        let crewStillOnIt = ticket.crew != .none && ticket.stage.rawValue >= TicketStage.calledOut.rawValue
            && ticket.stage.rawValue < TicketStage.awaitingConfirmation.rawValue
        return TicketDetail(
            number: number, inventoryClass: Int(ticket.classIndex), segment: Self.segments[Int(ticket.segment)],
            channel: ticket.channel, crew: ticket.crew, escalated: ticket.escalated, escalationLevels: ticket.levelsReached,
            crewMinutes: crewStillOnIt ? (horizon - ticket.acceptedAt).minutes : ticket.crewBusy.minutes,
            agentMinutes: ticket.agentBusy.minutes, remoteMinutes: engineerBusy(ticket).minutes,
            milliseconds: milliseconds(ticket))
    }

    /// The time a remote-fix engineer spent on the ticket: acceptance (the engineer taking it)
    /// to `repaired_at`, or to the horizon while the fix is under way; zero without the pool or
    /// before an engineer took it. Exactly the time the engineer counts as busy.
    private func engineerBusy(_ ticket: Ticket) -> SimDuration {
        guard ticket.remote, remoteDesk != nil, ticket.stage.rawValue >= TicketStage.repairing.rawValue else { return .zero }
        let repaired = ticket.stage.rawValue >= TicketStage.awaitingConfirmation.rawValue
        return (repaired ? ticket.repairedAt : horizon) - ticket.acceptedAt
    }

    /// The segments by a ticket's segment index, built once (`allCases` builds an array per call).
    private static let segments = NetworkSegment.allCases

    /// The sub-second part of each instant the ticket's record holds (as ``fill(_:with:clock:)`` and
    /// ``openRecord(_:)`` give them; an instant not reached is 0, one shown as the horizon too).
    @inline(__always) private func milliseconds(_ ticket: Ticket) -> CheckpointMilliseconds {
        let reached = { (stage: TicketStage) in ticket.stage.rawValue >= stage.rawValue }
        let part = { (time: SimTime) in UInt16(time.milliseconds % SimDuration.millisecondsPerSecond) }
        var parts = CheckpointMilliseconds()
        parts.faultStart = part(ticket.faultStart)
        parts.reportedAt = part(reached(.awaitingIntake) ? ticket.reportedAt : horizon)
        parts.dispatchedAt = reached(.awaitingCrew) ? part(ticket.dispatchedAt) : 0
        parts.acceptedAt = reached(.calledOut) ? part(ticket.acceptedAt) : 0
        parts.repairedAt = reached(.awaitingConfirmation) ? part(ticket.repairedAt) : 0
        parts.confirmedAt = reached(.closed) ? part(ticket.confirmedAt) : 0
        parts.reportSentAt = ticket.reportSent ? part(ticket.reportSentAt) : 0
        return parts
    }

    private func count(_ ticket: Ticket, in counts: inout TicketCounts) {
        if ticket.remote { counts.remoteFixes += 1 }
        if ticket.crew == .onCall { counts.callouts += 1 }
        if ticket.escalated { counts.escalations += 1 }
    }

    private func staffStatistics() -> StaffStatistics {
        var crews = desks.map {
            RegionStaff(region: $0.rosters.region, bands: $0.bands.closed(at: horizon),
                        calloutHours: $0.callouts.closed(at: horizon))
        }
        for order in installOrders where order.assigned {
            let end = order.completed ? order.completedAt : horizon
            crews[Int(order.region)].installHours += hoursInWindow(from: order.assignedAt, to: end)
        }
        for (region, hours) in log.unloggedTicketHours.enumerated() { crews[region].unloggedTicketHours = hours }
        return StaffStatistics(crews: crews, agents: agentBands.closed(at: horizon), agentWork: agentWorkAtHorizon(),
                               windowHours: (horizon - warmupEnd).hours, dutyManagerHours: dutyManagerMinutes / 60,
                               communication: communicationAtHorizon(),
                               remoteEngineers: remoteDesk?.bands.closed(at: horizon))
    }

    /// Crews per region, all agents' tasks, each kind of task, then the remote engineers if any
    /// (``ReplicationOutcome/waits``).
    private func poolWaits() -> [PoolWaits] {
        var agents = PoolWaits(pool: "agents")
        for kind in agentWaits { agents.merge(kind) }
        return crewWaits + [agents] + agentWaits + (remoteDesk == nil ? [] : [remoteWaits])
    }

    /// The agents' work with the progress updates still waiting at the horizon judged: late once
    /// waiting longer than the level's interval, else not judged yet (`updatesPending`).
    private func agentWorkAtHorizon() -> AgentWorkStatistics {
        var work = agentWork
        for ticket in tickets where ticket.updatePending && ticket.faultStart >= warmupEnd {
            let interval = classes[Int(ticket.classIndex)].updateInterval
            if horizon - ticket.updateDue > interval { work.updatesLate += 1 } else { work.updatesPending += 1 }
        }
        return work
    }

    /// Hours of `from..<to` inside the observed window.
    @inline(__always) private func hoursInWindow(from start: SimTime, to end: SimTime) -> Double {
        let clipped = (max(start, warmupEnd), min(end, horizon))
        return clipped.0 < clipped.1 ? (clipped.1 - clipped.0).hours : 0
    }

    private func installStatistics() -> InstallStatistics {
        var statistics = InstallStatistics()
        let appointment = scenario.installs.appointmentWithin
        let completion = scenario.installs.completeWithin
        for order in installOrders where order.orderedAt >= warmupEnd {
            statistics.ordered += 1
            if order.assigned {
                statistics.assigned += 1
                let wait = order.assignedAt - order.orderedAt
                statistics.appointmentMinutes.record(wait.minutes)
                if wait <= appointment { statistics.appointmentMet += 1 }
            } else if horizon - order.orderedAt <= appointment {
                statistics.appointmentPending += 1
            }
            if order.completed {
                statistics.completed += 1
                let lead = order.completedAt - order.orderedAt
                statistics.completionMinutes.record(lead.minutes)
                if lead <= completion { statistics.completionMet += 1 }
            } else if horizon - order.orderedAt <= completion {
                statistics.completionPending += 1
            }
        }
        return statistics
    }
}

extension StageStatistics {
    /// Adds a closed ticket's stage durations.
    mutating func record(_ ticket: Ticket) {
        detection.record((ticket.reportedAt - ticket.faultStart).minutes)
        intake.record((ticket.dispatchedAt - ticket.reportedAt).minutes)
        confirmation.record((ticket.confirmedAt - ticket.repairedAt).minutes)
        restoration.record((ticket.repairedAt - ticket.reportedAt).minutes)
        if ticket.crew == .none {
            repair.record((ticket.repairedAt - ticket.acceptedAt).minutes)   // an engineer's wait left out
            return
        }
        crewWait.record((ticket.acceptedAt - ticket.dispatchedAt).minutes)
        if ticket.crew == .onCall { callout.record((ticket.setOffAt - ticket.acceptedAt).minutes) }
        travel.record((ticket.arrivedAt - ticket.setOffAt).minutes)
        repair.record((ticket.repairedAt - ticket.arrivedAt).minutes)
    }
}

/// What reading the tickets in order (``ReplicationRun/read(_:_:)``) has gathered so far.
struct LogReading {
    /// Tickets read: `0 ..< read`.
    var read = 0
    /// The ticket count at which a run that judges as it goes next looks for settled tickets
    /// (never for a run that keeps its tickets).
    var nextRead = Int.max
    /// Stage minutes of the closed tickets of the window, in all and per inventory class
    /// (empty until the first is read).
    var stages = StageStatistics()
    var stagesByClass: [StageStatistics] = []
    /// Open tickets, remote fixes, call-outs and escalations of the window (the other counts
    /// are the run's).
    var counts = TicketCounts()
    var byChannel = ChannelCounts()
    /// Per region: crew-hours in the window on warm-up tickets (empty until the first).
    var unloggedTicketHours: [Double] = []

    /// Faults between two looks for settled tickets when the head of the log was not settled.
    static let retryAfter = 256
}

/// Tickets per detection channel counted in plain integers (no hashing per ticket), then added
/// to a ``TicketCounts``' dictionary, which holds only the channels that occurred.
struct ChannelCounts {
    private var proactive = 0, customer = 0, accountManager = 0

    mutating func count(_ channel: DetectionChannel) {
        switch channel {
        case .proactive: proactive += 1
        case .customer: customer += 1
        case .accountManager: accountManager += 1
        }
    }

    func add(to ticketCounts: inout TicketCounts) {
        for (channel, count) in [(DetectionChannel.proactive, proactive), (.customer, customer),
                                 (.accountManager, accountManager)] where count > 0 {
            ticketCounts.byChannel[channel, default: 0] += count
        }
    }
}
