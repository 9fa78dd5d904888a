import RepairModel
import ServiceRules
import SimCore

/// The monitoring centre's agent tasks the log shows, replayed against the base's agent roster
/// to find the confirmations that began while an agent was free.
///
/// Each ticket shows three agent tasks, each from its request to its end, waiting included:
/// intake (`reported_at → dispatched_at`), confirmation (`repaired_at → confirmed_at`) and the
/// fault report (`confirmed_at → report_sent_at`); a task not ended when the log ends lasts to
/// its end. When a confirmation is requested and fewer such tasks are in progress than agents
/// are on duty, no task is waiting and an agent is free: the confirmation starts at once, so its
/// interval is pure service. Service times do not depend on the queue, so these are a sample of
/// the confirmation law itself; the agents' work the log does not show (progress updates,
/// notices) can still have kept such a confirmation waiting, the selection's remaining bias
/// (docs/fit.md, "Service net of waiting").
struct AgentOccupancy {
    /// The agents on duty, as the base scenario's roster gives them.
    let roster: Roster
    /// Maps the log's wall times to the roster's simulated time (time 0 = the base's start).
    let clock: WallClock

    /// Indices into `tickets` of the confirmations requested with an agent free.
    /// - Complexity: O(n log n), one sort of the tasks' starts and one of their ends.
    func confirmationsStartedFree(_ tickets: [TicketRecord], logEnd: WallTime) -> Set<Int> {
        var starts: [(time: WallTime, confirmation: Int)] = [], ends: [WallTime] = []
        func task(from start: WallTime, to end: WallTime, confirmation: Int = -1) {
            starts.append((start, confirmation))
            ends.append(max(start, end))
        }
        for (index, ticket) in tickets.enumerated() {
            task(from: ticket.reportedAt, to: ticket.dispatchedAt ?? ticket.openAsOf ?? logEnd)
            guard ticket.openAsOf == nil else { continue }
            task(from: ticket.repairedAt, to: ticket.confirmedAt ?? logEnd, confirmation: index)
            if let confirmed = ticket.confirmedAt, let sent = ticket.reportSentAt { task(from: confirmed, to: sent) }
        }
        starts.sort { ($0.time, $0.confirmation) < ($1.time, $1.confirmation) }
        ends.sort()
        var free = Set<Int>(), ended = 0
        for (begun, start) in starts.enumerated() {
            // A task ending at this very instant has freed its agent.
            while ended < ends.count, ends[ended] <= start.time { ended += 1 }
            if start.confirmation >= 0, begun - ended < roster.capacity(at: clock.simTime(start.time)) {
                free.insert(start.confirmation)
            }
        }
        return free
    }
}
