import ServiceRules
import SimCore

/// The customer communication besides fault handling (`Scenario.communication`): monthly SLA
/// circuit reports and outage notices (docs/repair-model.md, "Communication workload").
extension ReplicationRun {
    /// Schedules the next 1st of a month at 00:00 after `time`, if monthly reports are on and
    /// it falls before the horizon (the window is [end of warm-up, horizon)).
    mutating func scheduleMonthBegins(after time: SimTime) {
        guard scenario.communication.monthlyReport != nil, monthlyReportCircuits > 0 else { return }
        let date = clock.wallTime(time).date
        let next = date.month == 12 ? CivilDate(year: date.year + 1, month: 1, day: 1)
                                    : CivilDate(year: date.year, month: date.month + 1, day: 1)
        let at = clock.simTime(WallTime(seconds: Int64(next.dayNumber) * WallTime.secondsPerDay))
        if at < horizon { simulation.schedule(.monthBegins, at: at) }
    }

    /// The month's reports fall due: an account manager's hours are counted now; an agent's
    /// reports are asked for one by one, evenly over the `spread`.
    mutating func monthBegins() {
        guard let plan = scenario.communication.monthlyReport else { return }
        switch plan.by {
        case .accountManager:
            var minutes = 0.0
            for _ in 0..<monthlyReportCircuits { minutes += plan.work.sample(streams.communication) }
            if simulation.now >= warmupEnd {
                communication.monthlyReportsByAccountManagers += monthlyReportCircuits
                communication.accountManagerHours += minutes / 60
            }
        case .agent:
            monthlyReportDue(0)
        }
        scheduleMonthBegins(after: simulation.now)
    }

    /// Report `index` of the month asks for an agent; the next follows one spacing later.
    mutating func monthlyReportDue(_ index: Int) {
        requestAgent(AgentTask(ticket: -1, kind: .monthlyReport))
        guard index + 1 < monthlyReportCircuits, let plan = scenario.communication.monthlyReport else { return }
        let spacing = SimDuration(milliseconds: max(1, plan.spread.milliseconds / Int64(monthlyReportCircuits)))
        simulation.schedule(.monthlyReportDue(index: Int32(index + 1)), after: spacing)
    }

    /// An outage of a notified tier is reported: an agent tells the customer.
    mutating func requestOutageNotice(_ index: Int) {
        tickets[index].noticePending = true
        if tickets[index].faultStart >= warmupEnd { communication.outageNoticesDue += 1 }
        requestAgent(AgentTask(ticket: Int32(index), kind: .outageNotice))
    }

    /// The notice is sent: on time within `outageNotice.within` of `reported_at`.
    mutating func outageNoticeSent(_ index: Int) {
        tickets[index].noticePending = false
        guard tickets[index].faultStart >= warmupEnd, let plan = scenario.communication.outageNotice else { return }
        communication.outageNoticesSent += 1
        if simulation.now - tickets[index].reportedAt <= plan.within { communication.outageNoticesOnTime += 1 }
    }

    /// The counts with the notices still waiting at the horizon judged: late once past the
    /// limit, else not judged yet (`outageNoticesPending`).
    func communicationAtHorizon() -> CommunicationStatistics {
        var counts = communication
        guard let plan = scenario.communication.outageNotice else { return counts }
        for ticket in tickets where ticket.noticePending && ticket.faultStart >= warmupEnd {
            if horizon - ticket.reportedAt <= plan.within { counts.outageNoticesPending += 1 }
        }
        return counts
    }
}

/// Monthly SLA circuit reports and outage notices over the observed window.
public struct CommunicationStatistics: Sendable, Hashable, Codable {
    /// Monthly reports written by agents (asked for in the window and finished by the horizon).
    public var monthlyReportsByAgents = 0
    /// Agent-hours of monthly reports asked for in the window.
    public var monthlyReportAgentHours = 0.0
    /// Monthly reports written by account managers (months beginning in the window).
    public var monthlyReportsByAccountManagers = 0
    /// Account-manager hours of those reports.
    public var accountManagerHours = 0.0
    /// Outage notices due (outages of notified tiers reported, fault in the window).
    public var outageNoticesDue = 0
    /// Of those, notices sent by the horizon.
    public var outageNoticesSent = 0
    /// Of those, sent within the limit of `reported_at`.
    public var outageNoticesOnTime = 0
    /// Notices still waiting at the horizon within the limit: not judged yet.
    public var outageNoticesPending = 0
    /// Installation progress reports due (orders still open when a report fell due in the window).
    public var installReportsDue = 0
    /// Of those, reports written by agents by the horizon.
    public var installReportsByAgents = 0
    /// Agent-hours of installation progress reports asked for in the window.
    public var installReportAgentHours = 0.0
    /// Account-manager hours of installation progress reports due in the window.
    public var installReportAccountManagerHours = 0.0

    /// Nothing yet.
    public init() {}

    /// Share of the judged notices (due less those not judged yet) sent within the limit; nil
    /// when none is judged.
    public var outageNoticeOnTimeShare: Double? {
        let judged = outageNoticesDue - outageNoticesPending
        return judged > 0 ? Double(outageNoticesOnTime) / Double(judged) : nil
    }
}
