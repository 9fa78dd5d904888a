import Scenario
import SimCore

/// The dispatch policy: the order of waiting work within a band of a line (docs/repair-model.md,
/// "Dispatch policy"). Smaller keys go first; equal keys first come, first served.
extension ReplicationRun {
    /// A waiting repair ticket's key in its region's crew line.
    @inline(__always) func crewKey(_ index: Int) -> Int64 {
        switch scenario.dispatchPolicy {
        case .tierPriority: Int64(classes[Int(tickets[index].classIndex)].rank)
        case .fifo: tickets[index].dispatchedAt.milliseconds   // kept when escalation re-queues it
        case .earliestDeadline: tickets[index].deadline.milliseconds
        }
    }

    /// A waiting agent task's key within its kind: first come, except under earliest-deadline.
    @inline(__always) func agentKey(_ task: AgentTask) -> Int64 {
        scenario.dispatchPolicy == .earliestDeadline && task.ticket >= 0 ? tickets[Int(task.ticket)].deadline.milliseconds : 0
    }

    /// Sets the ticket's restoration deadline, just reported, when the policy orders by it.
    mutating func setDeadline(_ index: Int) {
        guard scenario.dispatchPolicy == .earliestDeadline else { return }
        let plan = classes[Int(tickets[index].classIndex)]
        tickets[index].deadline = plan.restorationDeadline.deadline(reportedAt: tickets[index].reportedAt, clock: clock)
    }
}
