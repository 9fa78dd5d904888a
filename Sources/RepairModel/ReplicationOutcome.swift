import ServiceRules
import SimCore

/// What one replication of the repair workflow produced, after the warm-up was discarded.
///
/// `circuits` and `tickets` have exactly the shape of a real inventory and ticket log, so the
/// rule engine judges them as it judges real data (``evaluate(period:)``). Tickets whose fault
/// started before the end of the warm-up are not in `tickets`; tickets still open at the
/// horizon are, as a log read at the horizon shows them (`openAsOf`; see docs/repair-model.md).
public struct ReplicationOutcome: Sendable, Equatable {
    /// The scenario's name.
    public var scenarioName: String
    /// The replication index the streams were derived from.
    public var replication: Int
    /// The simulated inventory: every circuit, with `start`/`end` set to ``window``.
    public var circuits: [Circuit]
    /// The simulated tickets, in order of fault start, without ids: ticket i is known by its
    /// position, its circuit by `circuitPositions[i]`. ``ticketLog`` names them as a file does.
    /// Empty (as are ``details`` and ``circuitPositions``) when the tickets were judged as the
    /// log was read (``RepairSimulation/run(judgedBy:period:into:)``).
    public var tickets: [TicketRecord]
    /// Model-side facts per ticket, parallel to ``tickets`` (same index).
    public var details: [TicketDetail]
    /// Position in ``circuits`` of each ticket's circuit, parallel to ``tickets``: the rule
    /// engine need not look the circuit ids up.
    public var circuitPositions: [Int32]
    /// The observed window: from the end of the warm-up to the horizon, wall-clock time.
    public var window: Range<WallTime>
    /// The rules the tickets are judged by (the scenario's catalogue).
    public var catalogue: RuleCatalogue
    /// Utilisation of crews and agents.
    public var staff: StaffStatistics
    /// Minutes spent in each stage of the workflow, over the closed tickets in ``tickets``.
    public var stages: StageStatistics
    /// The same per inventory class (`Scenario.inventory` order): tickets of one class share
    /// their tier, so this gives the stages per tier (`ReplicationFigures.stagesByTier`).
    public var stagesByClass: [StageStatistics]
    /// Installation orders and their commitments.
    public var installs: InstallStatistics
    /// Counts of faults and tickets.
    public var counts: TicketCounts
    /// Waits per pool of staff: crews per region (`crews.REGION`, scenario order), all the
    /// agents' tasks (`agents`), then each kind of agent task (`agents.TASK`, the agents' line
    /// order), every kind listed even without tasks, then the remote-fix engineers
    /// (`remoteEngineers`) when the scenario has them.
    public var waits: [PoolWaits]

    /// The tickets as a ticket log names them: `T<n>` (``TicketDetail/number``) and the
    /// circuit's id. Built only to write a file; judging and grouping use the positions.
    public var ticketLog: [TicketRecord] {
        tickets.indices.map { index in
            var record = tickets[index]
            record.ticketID = "T\(details[index].number)"
            record.circuitID = circuits[Int(circuitPositions[index])].id
            return record
        }
    }

    /// Judges the tickets with the rule engine over the observed window.
    /// - Parameter rulings: the circuits resolved once for many replications
    ///   (``ExpandedInventory/rulings``); used only when they were resolved by ``catalogue``.
    public func evaluate(period: PeriodKind = .month, rulings: CircuitRulings? = nil) -> Evaluation {
        RuleEngine(catalogue: catalogue).evaluate(
            circuits: circuits, tickets: tickets, circuitPositions: circuitPositions, period: period, span: window,
            rulings: rulings)
    }
}

/// What the model knows about a ticket beyond its record.
public struct TicketDetail: Sendable, Hashable {
    /// The ticket's number, counting every fault of the run from 1 (warm-up included): its id
    /// in a written ticket log is `T<number>`.
    public var number: Int
    /// Index of the circuit's class in `Scenario.inventory`.
    public var inventoryClass: Int
    /// The segment the fault hit.
    public var segment: NetworkSegment
    /// How the fault reached the centre.
    public var channel: DetectionChannel
    /// Which kind of crew repaired it (`.none` for a remote fix).
    public var crew: CrewKind
    /// Whether an escalation level raised its priority before a crew took it.
    public var escalated: Bool
    /// Bit `l` set: the ticket reached escalation level `l` (`Scenario.escalation.levels[l]`)
    /// before it was repaired.
    public var escalationLevels: UInt64 = 0
    /// Minutes a crew was busy with it: from acceptance to `repaired_at` (call-out delay of an
    /// on-call crew, travel, repair); 0 for a remote fix. What `faultline price` costs per tier.
    public var crewMinutes: Double = 0
    /// Minutes of agent work on it: intake, confirmation, progress updates and the fault report (not the waits).
    public var agentMinutes: Double = 0
    /// Minutes a remote-fix engineer was busy with it: from acceptance to `repaired_at` (the
    /// remote work; up to the horizon when still under way); 0 for a crew ticket and for a
    /// remote fix in a scenario without `remoteEngineers:`. What `faultline price` costs per tier.
    public var remoteMinutes: Double = 0
    /// The milliseconds its record's whole-second instants leave out (`--export-tickets`
    /// writes times to the millisecond).
    public var milliseconds = CheckpointMilliseconds()
}

/// Milliseconds past the whole second (0–999) of each of a ticket's instants, which a
/// `TicketRecord` keeps in whole seconds; 0 for an instant the record does not have.
/// Stored inline (no array per ticket): a run holds one per ticket.
public struct CheckpointMilliseconds: Sendable, Hashable {
    public var faultStart: UInt16 = 0, reportedAt: UInt16 = 0, dispatchedAt: UInt16 = 0, acceptedAt: UInt16 = 0
    public var repairedAt: UInt16 = 0, confirmedAt: UInt16 = 0, reportSentAt: UInt16 = 0

    /// All zero.
    public init() {}

    /// In the ticket log's column order: `fault_start`, `reported_at`, `dispatched_at`,
    /// `accepted_at`, `repaired_at`, `confirmed_at`, `report_sent_at`.
    public var values: [Int] {
        [faultStart, reportedAt, dispatchedAt, acceptedAt, repairedAt, confirmedAt, reportSentAt].map(Int.init)
    }
}

/// Utilisation of the staff over the observed window, by hour of the day.
public struct StaffStatistics: Sendable, Hashable, Codable {
    /// Crews per region, in `Scenario.crews` order; on-call crews count as present while called out.
    public var crews: [RegionStaff]
    /// The monitoring centre's agents.
    public var agents: HourBands
    /// The agents' progress updates and fault reports.
    public var agentWork: AgentWorkStatistics
    /// Hours observed (horizon − warm-up).
    public var windowHours: Double
    /// Duty-manager hours of escalation notices (tickets whose fault started in the window).
    public var dutyManagerHours = 0.0
    /// Monthly SLA circuit reports and outage notices.
    public var communication = CommunicationStatistics()
    /// The remote-fix engineers; nil without the pool.
    public var remoteEngineers: HourBands? = nil
}

/// One region's crews.
public struct RegionStaff: Sendable, Hashable, Codable {
    /// The region's name.
    public var region: String
    /// Busy and present crew-hours by hour of the day.
    public var bands: HourBands
    /// Crew-hours of on-call crews while called out (call-out delay, travel and repair).
    public var calloutHours: Double
    /// Of the busy crew-hours in the window, those spent on installation orders.
    public var installHours = 0.0
    /// Of the busy crew-hours in the window, those spent on tickets that are not in the log
    /// (fault before the end of the warm-up). The busy hours are exactly the logged tickets'
    /// `crewMinutes` / 60 (open ones up to the horizon) + ``installHours`` + these.
    public var unloggedTicketHours = 0.0
}

/// Minutes per stage (each a ``Tally`` over the tickets that went through the stage).
public struct StageStatistics: Sendable, Hashable, Codable {
    /// `fault_start → reported_at`.
    public var detection = Tally()
    /// `reported_at → dispatched_at`: waiting for an agent, then intake work.
    public var intake = Tally()
    /// `dispatched_at → accepted_at` for crew tickets: waiting for a free crew.
    public var crewWait = Tally()
    /// Accepted → set off, for on-call crews: the call-out delay.
    public var callout = Tally()
    /// Travel to the site.
    public var travel = Tally()
    /// Repair work, on site or remote (ends at `repaired_at`).
    public var repair = Tally()
    /// `repaired_at → confirmed_at`: waiting for an agent, then confirmation work.
    public var confirmation = Tally()
    /// `reported_at → repaired_at`: the restoration time the rules judge.
    public var restoration = Tally()

    /// Creates empty tallies.
    public init() {}

    /// Adds another set of tickets' stage times (another class of the same tier).
    public mutating func merge(_ other: StageStatistics) {
        detection.merge(other.detection)
        intake.merge(other.intake)
        crewWait.merge(other.crewWait)
        callout.merge(other.callout)
        travel.merge(other.travel)
        repair.merge(other.repair)
        confirmation.merge(other.confirmation)
        restoration.merge(other.restoration)
    }
}

/// Installation orders placed in the observed window.
public struct InstallStatistics: Sendable, Hashable, Codable {
    /// Orders placed.
    public var ordered = 0
    /// Orders that got a crew by the horizon.
    public var assigned = 0
    /// Orders completed by the horizon.
    public var completed = 0
    /// Orders assigned a crew within the appointment promise (24 h in the source).
    public var appointmentMet = 0
    /// Orders completed within the completion promise (72 h in the source).
    public var completionMet = 0
    /// Minutes from order to crew assignment, over assigned orders.
    public var appointmentMinutes = Tally()
    /// Minutes from order to completion, over completed orders.
    public var completionMinutes = Tally()
    /// Orders without a crew at the horizon but still within the appointment promise: not
    /// judged yet (one past its promise is missed).
    public var appointmentPending = 0
    /// Orders not completed at the horizon but still within the completion promise: not judged yet.
    public var completionPending = 0

    /// No orders.
    public init() {}

    /// Share of the judged orders assigned a crew within the promise; nil when none is judged.
    public var appointmentShare: Double? { Self.share(appointmentMet, of: ordered - appointmentPending) }
    /// Share of the judged orders completed within the promise; nil when none is judged.
    public var completionShare: Double? { Self.share(completionMet, of: ordered - completionPending) }

    static func share(_ met: Int, of judged: Int) -> Double? { judged > 0 ? Double(met) / Double(judged) : nil }
}

/// Counts over the observed window.
public struct TicketCounts: Sendable, Hashable, Codable {
    /// Faults that started in the window.
    public var faults = 0
    /// Of those, faults on a protected segment that switched over (no outage).
    public var switchedOver = 0
    /// Faults in the window whose ticket was not closed by the horizon (in the log as open
    /// tickets, judged as of the horizon).
    public var openAtHorizon = 0
    /// Tickets fixed remotely (these four: over every ticket in the log, open ones included).
    public var remoteFixes = 0
    /// Tickets taken by a called-out on-call crew.
    public var callouts = 0
    /// Tickets whose priority an escalation level raised before a crew took them.
    public var escalations = 0
    /// Tickets by detection channel.
    public var byChannel: [DetectionChannel: Int] = [:]

    /// Zero counts.
    public init() {}
}
