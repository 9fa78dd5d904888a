import SimCore

/// The monitoring centre's customer communication besides intake and confirmation, over the
/// faults that started in the observed window: the after-sales level's progress updates and the
/// fault reports (docs/repair-model.md, "Monitoring centre").
///
/// The rule engine judges the fault report (`report_sent_at`); progress updates have no rule in
/// the engine, so their timeliness here is the model's own measure: an update is **late** when it
/// was not sent before the next one fell due — sent with a delay above the level's interval, or
/// merged into the one still waiting (an agent sends one update, not a backlog of stale ones).
public struct AgentWorkStatistics: Sendable, Hashable, Codable {
    /// Progress updates that fell due while a ticket was open (reported, not yet repaired).
    public var updatesDue = 0
    /// Of those, updates an agent finished by the horizon.
    public var updatesSent = 0
    /// Updates late: sent after more than the level's interval, or still waiting at the
    /// horizon for longer than that.
    public var updatesLate = 0
    /// Updates still waiting at the horizon within the level's interval: not judged yet.
    public var updatesPending = 0
    /// Updates that fell due while the ticket's previous one was still waiting: merged into it
    /// (no extra agent work), and late.
    public var updatesMerged = 0
    /// Minutes from an update falling due to its being sent (waiting for an agent, then the work).
    public var updateDelayMinutes = Tally()
    /// Fault reports sent by the horizon.
    public var reportsSent = 0

    /// Nothing yet.
    public init() {}

    /// Share of the judged updates (due, less those not judged yet) that were late or merged;
    /// nil when none is judged.
    public var lateShare: Double? {
        let judged = updatesDue - updatesPending
        return judged > 0 ? Double(updatesLate + updatesMerged) / Double(judged) : nil
    }
}
