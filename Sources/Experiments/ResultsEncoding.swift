import Scenario
import SimCore

// JSON shapes of the results types. Keys are written by name and sorted by the encoder
// (Reporting's JSONRenderer), so the same results give the same bytes.

/// A CodingKey from any string (breakdown, stage and tier names as object keys).
public struct NameKey: CodingKey {
    /// The name.
    public var stringValue: String
    /// Never an integer key.
    public var intValue: Int? { nil }
    /// The key `name`.
    public init(_ name: String) { stringValue = name }
    /// The key `stringValue`.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// Integer keys are not used.
    public init?(intValue: Int) { nil }
}

extension ExposureEstimate: Encodable {
    /// `{mean, halfWidth, replications, p95, p99, max}`.
    public func encode(to encoder: any Encoder) throws {
        try estimate.encode(to: encoder)
        var container = encoder.container(keyedBy: NameKey.self)
        try container.encode(p95, forKey: NameKey("p95"))
        try container.encode(p99, forKey: NameKey("p99"))
        try container.encode(max, forKey: NameKey("max"))
    }
}

extension GroupResult: Encodable {
    private enum Key: String, CodingKey {
        case key, tickets, outageTickets, dispatchMet, acceptMet, restorationMet, confirmationMet, faultReportMet
        case restorationMinutes, availabilityMet, repeatViolationsPerYear, creditsPerYear
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(key, forKey: .key)
        try container.encode(tickets, forKey: .tickets)
        try container.encode(outageTickets, forKey: .outageTickets)
        try container.encode(dispatch, forKey: .dispatchMet)
        try container.encode(accept, forKey: .acceptMet)
        try container.encode(restoration, forKey: .restorationMet)
        try container.encode(confirmation, forKey: .confirmationMet)
        try container.encode(faultReport, forKey: .faultReportMet)
        try container.encode(["p50": restorationP50, "p90": restorationP90, "p99": restorationP99], forKey: .restorationMinutes)
        try container.encode(availabilityMet, forKey: .availabilityMet)
        try container.encode(repeatViolationsPerYear, forKey: .repeatViolationsPerYear)
        try container.encode(["liability": creditsPerYear, "expected": expectedCreditsPerYear, "claimed": claimedCreditsPerYear],
                             forKey: .creditsPerYear)
    }
}

extension StaffLoad: Encodable {
    private enum Key: String, CodingKey { case name, utilisation, utilisationByHour }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: .name)
        try container.encode(utilisation, forKey: .utilisation)
        try container.encode(byHour, forKey: .utilisationByHour)
    }
}

extension CommunicationResults: Encodable {
    private enum Key: String, CodingKey {
        case progressUpdatesPerYear, progressUpdatesLate, progressUpdateDelayMinutes, faultReportsPerYear
        case monthlyReportsPerYear, monthlyReportAgentHoursPerYear, accountManagerHoursPerYear, outageNoticesPerYear
        case outageNoticesOnTime, installReportsPerYear, installReportAgentHoursPerYear
        case installReportAccountManagerHoursPerYear
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(updatesPerYear, forKey: .progressUpdatesPerYear)
        try container.encode(updatesLate, forKey: .progressUpdatesLate)
        try container.encode(updateDelayMinutes, forKey: .progressUpdateDelayMinutes)
        try container.encode(reportsPerYear, forKey: .faultReportsPerYear)
        try container.encode(monthlyReportsPerYear, forKey: .monthlyReportsPerYear)
        try container.encode(monthlyReportAgentHoursPerYear, forKey: .monthlyReportAgentHoursPerYear)
        try container.encode(accountManagerHoursPerYear, forKey: .accountManagerHoursPerYear)
        try container.encode(outageNoticesPerYear, forKey: .outageNoticesPerYear)
        try container.encode(outageNoticesOnTime, forKey: .outageNoticesOnTime)
        try container.encodeIfPresent(installReportsPerYear, forKey: .installReportsPerYear)
        try container.encodeIfPresent(installReportAgentHoursPerYear, forKey: .installReportAgentHoursPerYear)
        try container.encodeIfPresent(installReportAccountManagerHoursPerYear, forKey: .installReportAccountManagerHoursPerYear)
    }
}

extension StaffResults: Encodable {
    private enum Key: String, CodingKey { case crews, agents, remoteEngineers, agentCommunication, calloutHoursPerYear }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(crews, forKey: .crews)
        try container.encode(agents, forKey: .agents)
        try container.encodeIfPresent(remoteEngineers, forKey: .remoteEngineers)
        try container.encode(communication, forKey: .agentCommunication)
        var callouts = container.nestedContainer(keyedBy: NameKey.self, forKey: .calloutHoursPerYear)
        for (region, hours) in calloutHoursPerYear { try callouts.encode(hours, forKey: NameKey(region)) }
    }
}

extension InstallResults: Encodable {
    private enum Key: String, CodingKey { case ordered, appointmentMet, completionMet }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(ordered, forKey: .ordered)
        try container.encode(appointmentMet, forKey: .appointmentMet)
        try container.encode(completionMet, forKey: .completionMet)
    }
}

extension PoolWaitResult: Encodable {
    private enum Key: String, CodingKey { case pool, jobs, waitShare, meanWaitMinutes, waitMinutes }

    /// `pool`, `jobs` (all replications), `waitShare` (P(wait)), `meanWaitMinutes` and
    /// `waitMinutes` {p50, p90, p99} from the merged histogram.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(pool, forKey: .pool)
        try container.encode(jobs, forKey: .jobs)
        try container.encode(waitShare, forKey: .waitShare)
        try container.encode(meanWaitMinutes, forKey: .meanWaitMinutes)
        try container.encode(["p50": p50, "p90": p90, "p99": p99], forKey: .waitMinutes)
    }
}

extension ExperimentResults: Encodable {
    private enum Key: String, CodingKey {
        case overall, breakdowns, staff, stageMinutes, stageMinutesByTier, installs, openAtHorizon, pendingRestorations
        case escalations, dutyManagerHoursPerYear, poolWaits
    }

    /// `overall`, `breakdowns` (groups per breakdown name), `staff`, `stageMinutes` (per
    /// stage), `stageMinutesByTier` (per tier, per stage), `installs`, `openAtHorizon`,
    /// `pendingRestorations`, `escalations` (rows per level and tier),
    /// `dutyManagerHoursPerYear` and `poolWaits` (per pool of staff).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(overall, forKey: .overall)
        var groups = container.nestedContainer(keyedBy: NameKey.self, forKey: .breakdowns)
        for (breakdown, results) in breakdowns { try groups.encode(results, forKey: NameKey(breakdown.rawValue)) }
        try container.encode(staff, forKey: .staff)
        var stageMinutes = container.nestedContainer(keyedBy: NameKey.self, forKey: .stageMinutes)
        for (stage, minutes) in stages { try stageMinutes.encode(minutes, forKey: NameKey(stage)) }
        var byTier = container.nestedContainer(keyedBy: NameKey.self, forKey: .stageMinutesByTier)
        for (tier, tierStages) in stagesByTier {
            var perStage = byTier.nestedContainer(keyedBy: NameKey.self, forKey: NameKey(tier))
            for (stage, minutes) in tierStages { try perStage.encode(minutes, forKey: NameKey(stage)) }
        }
        try container.encode(installs, forKey: .installs)
        try container.encode(openAtHorizon, forKey: .openAtHorizon)
        try container.encode(pendingRestorations, forKey: .pendingRestorations)
        try container.encode(escalations, forKey: .escalations)
        try container.encode(dutyManagerHoursPerYear, forKey: .dutyManagerHoursPerYear)
        try container.encode(waits, forKey: .poolWaits)
    }
}

extension StaffCost: Encodable {
    private enum Key: String, CodingKey { case lines, callouts, rosterPerYear, totalPerYear }
    private enum LineKey: String, CodingKey { case group, hoursPerYear, ratePerHour, costPerYear }

    /// `lines` (rosters), `callouts` (measured), `rosterPerYear`, `totalPerYear`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var lines = container.nestedUnkeyedContainer(forKey: .lines)
        for line in roster.lines {
            var item = lines.nestedContainer(keyedBy: LineKey.self)
            try item.encode(line.group, forKey: .group)
            try item.encode(line.hoursPerYear, forKey: .hoursPerYear)
            try item.encode(line.ratePerHour, forKey: .ratePerHour)
            try item.encode(line.costPerYear, forKey: .costPerYear)
        }
        var callouts = container.nestedUnkeyedContainer(forKey: .callouts)
        for callout in self.callouts {
            var item = callouts.nestedContainer(keyedBy: LineKey.self)
            try item.encode(callout.group, forKey: .group)
            try item.encode(callout.hoursPerYear, forKey: .hoursPerYear)
            try item.encode(callout.ratePerHour, forKey: .ratePerHour)
            try item.encode(callout.costPerYear, forKey: .costPerYear)
        }
        try container.encode(roster.totalPerYear, forKey: .rosterPerYear)
        try container.encode(totalPerYear, forKey: .totalPerYear)
    }
}
