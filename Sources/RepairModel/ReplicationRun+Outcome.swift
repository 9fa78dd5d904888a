import Scenario
import ServiceRules
import SimCore
import Synchronization

/// Turns the final state into a ``ReplicationOutcome``: records, statistics and counts of the
/// observed window (from the end of the warm-up to the horizon).
extension ReplicationRun {
    func outcome() -> ReplicationOutcome {
        let window = clock.wallTime(warmupEnd)..<clock.wallTime(horizon)
        var records: [TicketRecord] = []
        var details: [TicketDetail] = []
        var positions: [Int32] = []
        records.reserveCapacity(tickets.count)
        details.reserveCapacity(tickets.count)
        positions.reserveCapacity(tickets.count)
        var stages = StageStatistics()
        var counts = self.counts
        for (index, ticket) in tickets.enumerated() where ticket.faultStart >= warmupEnd {
            if ticket.stage == .closed {
                records.append(record(ticket, number: index + 1))
                stages.record(ticket)
            } else {
                records.append(openRecord(ticket, number: index + 1))
                counts.openAtHorizon += 1
            }
            details.append(detail(ticket))
            positions.append(ticket.circuit)
            count(ticket, in: &counts)
        }
        return ReplicationOutcome(
            scenarioName: scenario.name, replication: replication, circuits: circuits(window: window),
            tickets: records, details: details, circuitPositions: positions, window: window, catalogue: scenario.catalogue,
            staff: staffStatistics(), stages: stages, installs: installStatistics(), counts: counts)
    }

    private func record(_ ticket: Ticket, number: Int) -> TicketRecord {
        TicketRecord(
            ticketID: "T\(number)", circuitID: circuitID(ticket.circuit, classIndex: Int(ticket.classIndex)),
            faultStart: clock.wallTime(ticket.faultStart), reportedAt: clock.wallTime(ticket.reportedAt),
            dispatchedAt: clock.wallTime(ticket.dispatchedAt), acceptedAt: clock.wallTime(ticket.acceptedAt),
            repairedAt: clock.wallTime(ticket.repairedAt), confirmedAt: clock.wallTime(ticket.confirmedAt),
            reportSentAt: ticket.reportSent ? clock.wallTime(ticket.reportSentAt) : nil, outage: ticket.outage)
    }

    /// A ticket still open at the horizon, as a log read at that instant shows it: the
    /// checkpoints reached so far; until the service is restored, `openAsOf` and `repairedAt`
    /// the horizon (the outage lasts at least until then). A fault not yet reported has
    /// `reportedAt` at the horizon too: its restoration clock has not started.
    private func openRecord(_ ticket: Ticket, number: Int) -> TicketRecord {
        let asOf = clock.wallTime(horizon)
        let reached = { (stage: TicketStage) in ticket.stage.rawValue >= stage.rawValue }
        let id = "T\(number)", circuit = circuitID(ticket.circuit, classIndex: Int(ticket.classIndex))
        let reportedAt = reached(.awaitingIntake) ? clock.wallTime(ticket.reportedAt) : asOf
        let dispatchedAt = reached(.awaitingCrew) ? clock.wallTime(ticket.dispatchedAt) : nil
        let acceptedAt = reached(.calledOut) ? clock.wallTime(ticket.acceptedAt) : nil
        guard reached(.awaitingConfirmation) else {
            return TicketRecord(ticketID: id, circuitID: circuit, faultStart: clock.wallTime(ticket.faultStart),
                                reportedAt: reportedAt, dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, openAsOf: asOf,
                                outage: ticket.outage)
        }
        return TicketRecord(
            ticketID: id, circuitID: circuit, faultStart: clock.wallTime(ticket.faultStart), reportedAt: reportedAt,
            dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, repairedAt: clock.wallTime(ticket.repairedAt),
            confirmedAt: nil, outage: ticket.outage)
    }

    /// The ticket's model-side facts; a crew still on an open ticket at the horizon has been
    /// busy with it since acceptance.
    private func detail(_ ticket: Ticket) -> TicketDetail {
        let crewStillOnIt = ticket.crew != .none && ticket.stage.rawValue >= TicketStage.calledOut.rawValue
            && ticket.stage.rawValue < TicketStage.awaitingConfirmation.rawValue
        return TicketDetail(
            inventoryClass: Int(ticket.classIndex), segment: NetworkSegment.allCases[Int(ticket.segment)],
            channel: ticket.channel, crew: ticket.crew, escalated: ticket.escalated,
            crewMinutes: crewStillOnIt ? (horizon - ticket.acceptedAt).minutes : ticket.crewBusy.minutes,
            agentMinutes: ticket.agentBusy.minutes)
    }

    private func count(_ ticket: Ticket, in counts: inout TicketCounts) {
        counts.byChannel[ticket.channel, default: 0] += 1
        if ticket.remote { counts.remoteFixes += 1 }
        if ticket.crew == .onCall { counts.callouts += 1 }
        if ticket.escalated { counts.escalations += 1 }
    }

    private func circuitID(_ circuit: Int32, classIndex: Int) -> String {
        "\(scenario.inventory[classIndex].id)-\(circuit - classes[classIndex].firstCircuit + 1)"
    }

    /// The expanded inventory. Every replication of a scenario has the same circuits, so the
    /// array of the last inventory and window asked for is kept and shared (copy-on-write) by
    /// the replications: at city scale that saves each replication hundreds of thousands of
    /// circuit ids and tens of megabytes of fresh memory.
    private func circuits(window: Range<WallTime>) -> [Circuit] {
        let key = ExpandedInventory.Key(inventory: scenario.inventory, window: window)
        if let shared = ExpandedInventory.last.withLock({ $0?.key == key ? $0?.circuits : nil }) { return shared }
        let circuits = ExpandedInventory.circuits(of: scenario.inventory, window: window)
        ExpandedInventory.last.withLock { $0 = ExpandedInventory(key: key, circuits: circuits) }
        return circuits
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
        for (index, ticket) in tickets.enumerated() where ticket.crew != .none {
            guard ticket.faultStart < warmupEnd else { continue }
            let repaired = ticket.stage.rawValue >= TicketStage.awaitingConfirmation.rawValue
            crews[regionOf(index)].unloggedTicketHours += hoursInWindow(from: ticket.acceptedAt,
                                                                        to: repaired ? ticket.repairedAt : horizon)
        }
        return StaffStatistics(crews: crews, agents: agentBands.closed(at: horizon), agentWork: agentWorkAtHorizon(),
                               windowHours: (horizon - warmupEnd).hours)
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
    private func hoursInWindow(from start: SimTime, to end: SimTime) -> Double {
        let clipped = (max(start, warmupEnd), min(end, horizon))
        return clipped.0 < clipped.1 ? (clipped.1 - clipped.0).hours : 0
    }

    private func installStatistics() -> InstallStatistics {
        var statistics = InstallStatistics()
        let appointment = SimDuration(minutes: scenario.installs.appointmentWithinMinutes)
        let completion = SimDuration(minutes: scenario.installs.completeWithinMinutes)
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

/// A scenario's inventory expanded into circuits over an observed window.
struct ExpandedInventory: Sendable {
    struct Key: Hashable, Sendable {
        var inventory: [InventoryClass]
        var window: Range<WallTime>
    }

    var key: Key
    var circuits: [Circuit]

    /// The last expanded inventory, shared by the replications of a run.
    static let last = Mutex<ExpandedInventory?>(nil)

    /// Each class's circuits are its first circuit (`ClassPlan.circuit`) with the number in the
    /// id changed, so the strings the class's circuits share are stored once.
    static func circuits(of inventory: [InventoryClass], window: Range<WallTime>) -> [Circuit] {
        var circuits: [Circuit] = []
        circuits.reserveCapacity(inventory.reduce(0) { $0 + $1.circuits })
        for inventoryClass in inventory {
            var circuit = ClassPlan.circuit(inventoryClass, number: 1, window: window)
            let prefix = "\(inventoryClass.id)-"
            for number in 1...inventoryClass.circuits {
                circuit.id = prefix + String(number)
                circuits.append(circuit)
            }
        }
        return circuits
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
            repair.record((ticket.repairedAt - ticket.dispatchedAt).minutes)
            return
        }
        crewWait.record((ticket.acceptedAt - ticket.dispatchedAt).minutes)
        if ticket.crew == .onCall { callout.record((ticket.setOffAt - ticket.acceptedAt).minutes) }
        travel.record((ticket.arrivedAt - ticket.setOffAt).minutes)
        repair.record((ticket.repairedAt - ticket.arrivedAt).minutes)
    }
}
