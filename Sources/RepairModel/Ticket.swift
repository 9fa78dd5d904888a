import SimCore

/// Where a ticket is in the workflow: the state machine the event handlers advance.
///
/// `awaitingDetection → awaitingIntake → inIntake → (awaitingCrew → calledOut? → travelling →)
/// repairing → awaitingConfirmation → confirming → closed`; a remote fix skips the crew states.
enum TicketStage: UInt8, Sendable {
    case awaitingDetection, awaitingIntake, inIntake
    case awaitingCrew, calledOut, travelling, repairing
    case awaitingConfirmation, confirming, closed
}

/// How the monitoring centre learnt of a fault.
public enum DetectionChannel: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    /// The centre's own monitoring (or the protection switch's alarm).
    case proactive
    /// The customer's call to the hotline.
    case customer
    /// The account manager, on the customer's behalf.
    case accountManager
}

/// Which kind of crew worked a ticket.
public enum CrewKind: String, Sendable, Hashable {
    /// No crew: fixed remotely from the centre.
    case none
    /// A crew on duty.
    case onDuty
    /// An on-call crew, called out from home.
    case onCall
}

/// One fault ticket while it is simulated: plain values, stored in one array and addressed by
/// index, so events carry an `Int32` and no ticket is allocated on its own.
///
/// Every random duration of the ticket is drawn when its fault occurs, from streams that only
/// fault arrivals advance, so two scenario variants give the same ticket the same work.
struct Ticket {
    var circuit: Int32
    var classIndex: Int32
    var segment: UInt8
    var outage: Bool
    var channel: DetectionChannel
    var remote: Bool
    var stage: TicketStage = .awaitingDetection
    var crew: CrewKind = .none
    /// Whether an escalation raised the ticket ahead of the others in the crews' line.
    var escalated = false
    /// Bit `l` set: the ticket reached escalation level `l` unrepaired.
    var levelsReached: UInt64 = 0
    /// Whether a fault report is written after confirmation (the tier promises one).
    var writesReport = false
    /// Whether the fault report was sent (`reportSentAt` is set).
    var reportSent = false
    /// Whether a progress update is waiting for (or with) an agent.
    var updatePending = false
    /// Whether the outage notice is asked for and not yet sent.
    var noticePending = false
    /// Bumped whenever the ticket is re-queued, so stale entries of the dispatch line are skipped.
    var queueToken: UInt32 = 0
    /// Escalation notices of the ticket asked of an agent and not finished (waiting or under way).
    var noticesToAgents: UInt8 = 0

    var faultStart: SimTime
    var reportedAt = SimTime.zero
    var dispatchedAt = SimTime.zero
    var acceptedAt = SimTime.zero
    var setOffAt = SimTime.zero
    var arrivedAt = SimTime.zero
    var repairedAt = SimTime.zero
    var confirmedAt = SimTime.zero
    var reportSentAt = SimTime.zero
    /// When the waiting progress update fell due (meaningful while `updatePending`).
    var updateDue = SimTime.zero
    /// When the restoration limit runs out (set at detection under the earliest-deadline policy).
    var deadline = SimTime.zero

    var detectionDelay: SimDuration
    var intakeWork: SimDuration
    var travel: SimDuration
    var repairWork: SimDuration
    /// Wait on site before the repair can start (customer-caused; the SLA clock is suspended).
    var suspension = SimDuration.zero
    var confirmWork: SimDuration
    /// Crew time spent on the ticket so far (acceptance to repair), for costing.
    var crewBusy = SimDuration.zero
    /// Agent work done on the ticket so far (intake, confirmation), for costing.
    var agentBusy = SimDuration.zero
    /// Work of the fault report (zero when none is written).
    var reportWork: SimDuration

    /// Nothing more can happen to the ticket: closed, and no agent task of it waiting or under
    /// way (escalation notice, outage notice, progress update, fault report not yet sent).
    var isSettled: Bool {
        stage == .closed && noticesToAgents == 0 && !noticePending && !updatePending && (!writesReport || reportSent)
    }
}

/// An installation or move order (docs/domain.md §6) while it is simulated.
struct InstallOrder {
    var region: Int32
    var orderedAt: SimTime
    var assignedAt = SimTime.zero
    var completedAt = SimTime.zero
    var assigned = false
    var completed = false
    var work: SimDuration
    var travel: SimDuration
}

/// Work a monitoring-centre agent does for a ticket.
struct AgentTask {
    /// What the task is; `band` orders the agents' line.
    enum Kind: Int32 {
        case confirm = 0, intake = 1, escalationNotice = 2, progressUpdate = 3, faultReport = 4
        case outageNotice = 5, monthlyReport = 6, installReport = 7

        /// The agents' line, smaller first: confirmation, intake, outage notice, escalation
        /// notice, progress update, fault report (working days of slack), monthly report and
        /// installation progress report (days).
        var band: Int32 {
            switch self {
            case .confirm: 0
            case .intake: 1
            case .outageNotice: 2
            case .escalationNotice: 3
            case .progressUpdate: 4
            case .faultReport: 5
            case .monthlyReport, .installReport: 6
            }
        }
    }
    /// The ticket's index; −1 for a task of no ticket (a monthly report, an installation's progress report).
    var ticket: Int32
    var kind: Kind
    /// The escalation level of a notice (zero for other tasks).
    var level: UInt8 = 0
    /// When a progress update fell due (zero for other tasks).
    var due = SimTime.zero
    /// When the task asked for an agent (set by `requestAgent`): its wait starts here.
    var requestedAt = SimTime.zero
}

/// The events of the repair workflow. Payloads are indices into the model's arrays.
enum RepairEvent {
    /// The next fault of fault source `source` (one per inventory class × segment).
    case fault(source: Int32)
    /// The fault of a ticket becomes known to the centre.
    case detected(ticket: Int32)
    /// An agent finishes a task.
    case agentFinished(AgentTask)
    /// A progress update of an open ticket falls due (every after-sales interval after `reported_at`).
    case progressUpdateDue(ticket: Int32)
    /// An open ticket reaches the threshold of escalation level `level` (index in `Scenario.escalation.levels`).
    case escalation(ticket: Int32, level: Int32)
    /// An on-call crew, called out, sets off.
    case setOff(ticket: Int32)
    /// A crew reaches the site.
    case arrived(ticket: Int32)
    /// Service restored.
    case repaired(ticket: Int32)
    /// A calendar month begins: its monthly SLA circuit reports fall due.
    case monthBegins
    /// An agent is asked for monthly report `index` of the month (reports are spread out).
    case monthlyReportDue(index: Int32)
    /// A new installation order.
    case installOrdered
    /// A crew finishes an installation (travel and work).
    case installDone(order: Int32)
    /// An order's construction is done: it is ready for a crew.
    case installReady(order: Int32)
    /// An open order's next written progress report falls due.
    case installReportDue(order: Int32)
    /// A working-hours span of the calendar begins: crews may start installations.
    case workingHoursBegin
    /// The agents' roster changes.
    case agentRoster
    /// The remote-fix engineers' roster changes.
    case remoteRoster
    /// A region's on-duty roster changes.
    case dutyRoster(region: Int32)
    /// A region's on-call roster changes.
    case onCallRoster(region: Int32)
    /// The warm-up ends: statistics restart.
    case endOfWarmup
}
