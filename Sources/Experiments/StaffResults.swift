import RepairModel
import SimCore

/// Utilisation of one staff group across replications.
public struct StaffLoad: Sendable {
    /// Region name, `agents`, or `remoteEngineers`.
    public var name: String
    /// Busy / present staff-hours over the window.
    public var utilisation: Estimate
    /// Busy / present staff-hours per hour of the day, pooled over replications; nil for an
    /// hour nobody was present.
    public var byHour: [Double?]
    /// Busy / present staff-hours per hour of the week (168 values, Monday 00:00–01:00 first),
    /// pooled over replications; nil for an hour nobody was present.
    public var byHourOfWeek: [Double?]

    init(name: String, _ bands: [HourBands]) {
        self.name = name
        utilisation = Estimate(bands.map(\.utilisation))!
        var pooled = HourBands()
        for band in bands { pooled.add(band) }
        byHour = pooled.utilisationByHour
        byHourOfWeek = pooled.utilisationByHourOfWeek
    }
}

/// Crews per region, the monitoring centre's agents and the remote-fix engineers.
public struct StaffResults: Sendable {
    /// One entry per region, in the scenario's order.
    public var crews: [StaffLoad]
    /// The agents.
    public var agents: StaffLoad
    /// The remote-fix engineers; nil when the scenario has none.
    public var remoteEngineers: StaffLoad?
    /// Crew-hours per year of on-call crews while called out, per region (scenario order).
    public var calloutHoursPerYear: [(region: String, hours: Estimate)]
    /// Call-out crew-hours per year over all regions (its interval from the per-replication sums).
    public var calloutHoursPerYearTotal: Estimate
    /// The agents' progress updates and fault reports.
    public var communication: CommunicationResults

    init(_ staff: [StaffStatistics]) {
        crews = (staff.first?.crews ?? []).indices.map { index in
            StaffLoad(name: staff[0].crews[index].region, staff.map { $0.crews[index].bands })
        }
        agents = StaffLoad(name: "agents", staff.map(\.agents))
        let engineers = staff.compactMap(\.remoteEngineers)
        remoteEngineers = engineers.isEmpty ? nil : StaffLoad(name: "remoteEngineers", engineers)
        calloutHoursPerYear = (staff.first?.crews ?? []).indices.map { index in
            (staff[0].crews[index].region, Estimate(staff.map { $0.crews[index].calloutHours * Self.yearScale($0) })!)
        }
        calloutHoursPerYearTotal = Estimate(staff.map { statistics in
            statistics.crews.reduce(0) { $0 + $1.calloutHours } * Self.yearScale(statistics)
        })!
        communication = CommunicationResults(staff)
    }

    /// Every group: crews per region, the agents, then the remote engineers if any.
    public var loads: [StaffLoad] { crews + [agents] + (remoteEngineers.map { [$0] } ?? []) }

    /// Hours in a year (365 days) / hours observed.
    static func yearScale(_ statistics: StaffStatistics) -> Double {
        statistics.windowHours > 0 ? 365 * 24 / statistics.windowHours : 0
    }
}

/// Progress updates (VIP-SL intervals) and fault reports sent by the agents, across replications.
public struct CommunicationResults: Sendable {
    /// Progress updates sent per year.
    public var updatesPerYear: Estimate
    /// Share of due updates not sent before the next one fell due (sent later, or merged into
    /// the one still waiting; a model measure, the rule engine has no progress-update rule);
    /// nil when none fell due.
    public var updatesLate: Estimate?
    /// Mean minutes from an update falling due to its being sent; nil when none was sent.
    public var updateDelayMinutes: Estimate?
    /// Fault reports sent per year.
    public var reportsPerYear: Estimate
    /// Monthly SLA circuit reports per year (agents' and account managers').
    public var monthlyReportsPerYear: Estimate
    /// Agent-hours per year of monthly reports (in the agents' utilisation).
    public var monthlyReportAgentHoursPerYear: Estimate
    /// Account-manager hours per year of monthly reports (costed as a measured line).
    public var accountManagerHoursPerYear: Estimate
    /// Outage notices due per year.
    public var outageNoticesPerYear: Estimate
    /// Share of the judged outage notices sent within their limit; nil when none was judged.
    public var outageNoticesOnTime: Estimate?
    /// Installation progress reports due per year; nil when no replication had one (no order
    /// stayed open long enough).
    public var installReportsPerYear: Estimate?
    /// Agent-hours per year of installation progress reports (in the agents' utilisation);
    /// nil as ``installReportsPerYear``.
    public var installReportAgentHoursPerYear: Estimate?
    /// Account-manager hours per year of installation progress reports (costed as a measured
    /// line); nil as ``installReportsPerYear``.
    public var installReportAccountManagerHoursPerYear: Estimate?

    init(_ staff: [StaffStatistics]) {
        let work = staff.map(\.agentWork)
        updatesPerYear = Estimate(staff.map { Double($0.agentWork.updatesSent) * StaffResults.yearScale($0) })!
        updatesLate = Estimate(work.compactMap(\.lateShare))
        updateDelayMinutes = Estimate(work.filter { $0.updatesSent > 0 }.map(\.updateDelayMinutes.mean))
        reportsPerYear = Estimate(staff.map { Double($0.agentWork.reportsSent) * StaffResults.yearScale($0) })!
        let perYear = { (value: (StaffStatistics) -> Double) in Estimate(staff.map { value($0) * StaffResults.yearScale($0) })! }
        monthlyReportsPerYear = perYear {
            Double($0.communication.monthlyReportsByAgents + $0.communication.monthlyReportsByAccountManagers)
        }
        monthlyReportAgentHoursPerYear = perYear { $0.communication.monthlyReportAgentHours }
        accountManagerHoursPerYear = perYear { $0.communication.accountManagerHours }
        outageNoticesPerYear = perYear { Double($0.communication.outageNoticesDue) }
        outageNoticesOnTime = Estimate(staff.compactMap(\.communication.outageNoticeOnTimeShare))
        if staff.contains(where: { $0.communication.installReportsDue > 0 }) {
            installReportsPerYear = perYear { Double($0.communication.installReportsDue) }
            installReportAgentHoursPerYear = perYear { $0.communication.installReportAgentHours }
            installReportAccountManagerHoursPerYear = perYear { $0.communication.installReportAccountManagerHours }
        }
    }
}

/// Mean minutes per workflow stage.
enum StageTimes {
    /// Stage names and their tallies, in workflow order.
    static var stages: [(String, KeyPath<StageStatistics, Tally>)] { [
        ("detection", \.detection), ("intake", \.intake), ("crewWait", \.crewWait), ("callout", \.callout),
        ("travel", \.travel), ("repair", \.repair), ("confirmation", \.confirmation), ("restoration", \.restoration),
    ] }

    /// Per stage, the mean over replications of each replication's mean (replications where the
    /// stage occurred).
    static func estimates(_ statistics: [StageStatistics]) -> [(stage: String, minutes: Estimate?)] {
        stages.map { name, path in
            (name, Estimate(statistics.map { $0[keyPath: path] }.filter { $0.count > 0 }.map(\.mean)))
        }
    }

    /// Per tier with tickets in some replication (in `tierOrder`, then any other tier in the
    /// order met), the stage estimates over the replications where the tier had tickets.
    static func byTier(_ figures: [ReplicationFigures], tierOrder: [String])
        -> [(tier: String, stages: [(stage: String, minutes: Estimate?)])] {
        var tiers = tierOrder.filter { tier in figures.contains { $0.stagesByTier.contains { $0.tier == tier } } }
        for figure in figures {
            for entry in figure.stagesByTier where !tiers.contains(entry.tier) { tiers.append(entry.tier) }
        }
        return tiers.map { tier in
            (tier, estimates(figures.compactMap { $0.stagesByTier.first { $0.tier == tier }?.stages }))
        }
    }
}

/// Installation commitments across replications.
public struct InstallResults: Sendable {
    /// Orders placed per replication.
    public var ordered: Estimate
    /// Share of orders assigned a crew within the appointment promise (24 h by default); an
    /// order open at the horizon past its promise is missed, one within it is not judged.
    public var appointmentMet: Estimate?
    /// Share of orders completed within the completion promise (72 h by default).
    public var completionMet: Estimate?

    init(_ installs: [InstallStatistics]) {
        ordered = Estimate(installs.map { Double($0.ordered) })!
        appointmentMet = Estimate(installs.compactMap(\.appointmentShare))
        completionMet = Estimate(installs.compactMap(\.completionShare))
    }
}
