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

/// When an open repair ticket escalates (docs/domain.md §3, §4.5). Progress updates to the
/// customer come from the catalogue's after-sales levels.
public struct Escalation: Sendable, Equatable {
    /// Escalate when the ticket's age reaches this fraction (0…1] of its restoration limit.
    public var atFractionOfLimit: Double
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

    /// ``appointmentWithin`` in minutes (kept for callers of the minute-based API).
    public var appointmentWithinMinutes: Double { appointmentWithin.minutes }
    /// ``completeWithin`` in minutes (kept for callers of the minute-based API).
    public var completeWithinMinutes: Double { completeWithin.minutes }
}
