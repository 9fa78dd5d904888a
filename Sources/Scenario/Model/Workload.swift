import SimCore
import SimRandom

/// Repair work for faults on one network segment.
///
/// A share of faults is fixed remotely from the centre (no crew, no travel); the rest need a
/// crew on site: travel, then `onSite` work (typically a mixture of quick fixes and cable cuts).
public struct RepairProfile: Sendable, Equatable {
    /// Share (0…1) of faults fixed remotely.
    public var remoteShare: Double
    /// Remote work, minutes; nil when `remoteShare` is 0.
    public var remote: Distribution?
    /// On-site work, minutes.
    public var onSite: Distribution
}

/// Customer-caused delays on site (no access to the site, the customer not ready): the crew
/// arrives and waits before it can work, and the ticket's SLA clock is suspended meanwhile
/// (docs/repair-model.md "Suspended clock"). Off unless the scenario has `suspension:`.
public struct Suspension: Sendable, Equatable {
    /// Share (0…1) of on-site repairs whose crew finds the site inaccessible on arrival.
    public var share: Double
    /// How long the crew waits on site before it can start, minutes.
    public var duration: Distribution

    /// A suspension model.
    public init(share: Double, duration: Distribution) {
        self.share = share
        self.duration = duration
    }
}

/// When an open repair ticket escalates and what each escalation does (docs/domain.md §3,
/// §4.5; docs/repair-model.md "Escalation"). Progress updates to the customer come from the
/// catalogue's after-sales levels.
public struct Escalation: Sendable, Equatable {
    /// The levels, in file order; none when escalation is off (`escalation: none`).
    public var levels: [EscalationLevel]

    /// Escalation with these levels (none: switched off).
    public init(levels: [EscalationLevel]) {
        self.levels = levels
    }

    /// Escalation switched off.
    public static let none = Escalation(levels: [])

    /// The short form `{atFractionOfLimit: f}`: one level, `escalated`, at that share of every
    /// ticket's limit, raising its priority (the only escalation before levels existed).
    public static func atFractionOfLimit(_ fraction: Double) -> Escalation {
        Escalation(levels: [EscalationLevel(name: "escalated", threshold: .fractionOfLimit(fraction), raisesPriority: true)])
    }

    /// The share of the limit of the first level, when it is given as one (the short form's value).
    public var atFractionOfLimit: Double? {
        guard case .fractionOfLimit(let fraction)? = levels.first?.threshold else { return nil }
        return fraction
    }
}

/// One escalation level: when an unrepaired ticket reaches it, which tickets it concerns, and
/// its effects.
public struct EscalationLevel: Sendable, Equatable {
    /// When a ticket reaches the level, counted from `reported_at`.
    public enum Threshold: Sendable, Equatable {
        /// A share (0…1] of the ticket's restoration limit.
        case fractionOfLimit(Double)
        /// A fixed time.
        case after(SimDuration)
        /// Step n (1-based) of the ticket's after-sales level's `escalateAfter` list in the
        /// catalogue; tickets whose level has fewer steps never reach it.
        case afterSalesStep(Int)
    }

    /// Who is told when a ticket reaches the level, and the work it takes.
    public struct Notice: Sendable, Equatable {
        /// Who is told.
        public var who: Notified
        /// Minutes of work per notice.
        public var work: Distribution

        /// A notice to `who` taking `work`.
        public init(who: Notified, work: Distribution) {
            self.who = who
            self.work = work
        }
    }

    /// Who can be notified.
    public enum Notified: String, Sendable, Equatable, CaseIterable {
        /// A monitoring-centre agent: a task in the agents' line, after intake.
        case agent
        /// The duty manager: time counted, not queued (one manager is always reachable).
        case dutyManager
    }

    /// The level's name in reports, unique within the scenario.
    public var name: String
    /// When a ticket reaches the level.
    public var threshold: Threshold
    /// Tiers whose tickets the level concerns (nil: every tier, untiered circuits included).
    public var tiers: Set<String>?
    /// After-sales levels whose tickets the level concerns (nil: every level).
    public var afterSalesLevels: Set<String>?
    /// A ticket still waiting for a crew moves ahead of every ticket not escalated.
    public var raisesPriority: Bool
    /// A ticket still waiting for a crew calls out a free on-call crew, and on-call crews
    /// answer escalated tickets only (see docs/repair-model.md "Escalation").
    public var callsOut: Bool
    /// Who is notified and the work it takes (nil: nobody).
    public var notify: Notice?
    /// The account manager is informed (counted; account managers are not a modelled pool).
    public var informsAccountManager: Bool

    /// A level with the given effects.
    public init(name: String, threshold: Threshold, tiers: Set<String>? = nil, afterSalesLevels: Set<String>? = nil,
                raisesPriority: Bool = false, callsOut: Bool = false, notify: Notice? = nil,
                informsAccountManager: Bool = false) {
        self.name = name
        self.threshold = threshold
        self.tiers = tiers
        self.afterSalesLevels = afterSalesLevels
        self.raisesPriority = raisesPriority
        self.callsOut = callsOut
        self.notify = notify
        self.informsAccountManager = informsAccountManager
    }
}

/// The order in which waiting work is taken (`dispatch.policy`; docs/repair-model.md, "Dispatch
/// policy"). Escalated tickets still go ahead of the others, and installations behind every
/// repair; the policy orders the tickets within those bands, for crews and for agents.
public enum DispatchPolicy: String, Sendable, Equatable, CaseIterable {
    /// Crews: the ticket's tier (catalogue order), then its customer grade, then first come.
    /// Agents: first come within each kind of task. The order before policies existed.
    case tierPriority = "tier-priority"
    /// First come, first served: crews by the instant the ticket was dispatched, agents by
    /// the instant the task was asked for (within each kind of task).
    case fifo
    /// The ticket whose restoration limit runs out first (`reported_at` + its limit), ties by
    /// arrival, for crews and within each kind of agent task.
    case earliestDeadline = "earliest-deadline"
}

/// Installations and moves (docs/domain.md §6): they compete with repairs for crews, at a
/// lower priority than any repair ticket.
public struct Installs: Sendable, Equatable {
    /// Expected orders per day over the whole inventory (Poisson); spread over regions in
    /// proportion to their circuits. 0 means no installation work.
    public var perDay: Double
    /// Crew work per installation, minutes (travel comes on top).
    public var work: Distribution
    /// Promise: appointment made within this long of the order (source: 24 h).
    public var appointmentWithin: SimDuration
    /// Promise: installed within this long of the order (source: 72 h).
    public var completeWithin: SimDuration

    /// Orders that need construction before a crew can install; nil: none (the default, every
    /// order is ready for a crew at once).
    public var construction: Construction? = nil
    /// Written progress reports on orders open for long (source §4.5); nil: none.
    public var progressReports: InstallProgressReports? = nil

    /// Orders that need a line built or equipment installed first (a provisioning lead time):
    /// with probability `share` an order waits the drawn `time` (calendar time) before it joins
    /// the crews' line. Its appointment and completion are then judged as any order's.
    public struct Construction: Sendable, Equatable {
        /// Share (0…1) of orders that need construction.
        public var share: Double
        /// Calendar minutes from the order to the order being ready for a crew.
        public var time: Distribution

        /// Construction for `share` of the orders, taking `time`.
        public init(share: Double, time: Distribution) {
            self.share = share
            self.time = time
        }
    }

    /// "Written progress reports for provisioning > 15 working days" (source §4.5): an order
    /// still open `afterWorkingDays` working days after it was placed gets a report, then one
    /// every `everyWorkingDays` working days until it is completed (docs/repair-model.md
    /// "Installation progress reports").
    public struct InstallProgressReports: Sendable, Equatable {
        /// Who writes it.
        public var by: Communication.Party
        /// Work per report, minutes.
        public var work: Distribution
        /// Working days (of the calendar's working hours) an order is open before its first report.
        public var afterWorkingDays: Int
        /// Working days between reports.
        public var everyWorkingDays: Int

        /// Reports by `by` taking `work`, after and every so many working days.
        public init(by: Communication.Party, work: Distribution, afterWorkingDays: Int, everyWorkingDays: Int) {
            self.by = by
            self.work = work
            self.afterWorkingDays = afterWorkingDays
            self.everyWorkingDays = everyWorkingDays
        }
    }

    /// ``appointmentWithin`` in minutes (kept for callers of the minute-based API).
    public var appointmentWithinMinutes: Double { appointmentWithin.minutes }
    /// ``completeWithin`` in minutes (kept for callers of the minute-based API).
    public var completeWithinMinutes: Double { completeWithin.minutes }
}
