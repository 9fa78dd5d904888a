import SimCore
import SimRandom

/// The network monitoring centre: agents on a weekly roster do intake (ticket creation and
/// dispatch), restoration confirmation, the after-sales level's progress updates while a ticket
/// is open, and the fault report for tiers that promise one.
public struct MonitoringCentre: Sendable, Equatable {
    /// Agents on duty through the week.
    public var roster: Roster
    /// Work of one intake (look up the circuit, create and dispatch the ticket), minutes.
    public var intake: Distribution
    /// Work of one restoration confirmation with the customer, minutes.
    public var confirm: Distribution
    /// Work of one progress update to the customer (VIP-SL interval from the catalogue), minutes.
    public var progressUpdate: Distribution
    /// Work of one written fault report (tiers with `faultReportWorkingDays`), minutes.
    public var faultReport: Distribution
}

/// The field crews of one region.
public struct CrewRegion: Sendable, Equatable {
    /// The region's name, as used by inventory rows and `travel`.
    public var region: String
    /// Crews on duty (working on site or waiting at the depot) through the week.
    public var onDuty: Roster
    /// Crews on call (at home, reachable) through the week; all zero when none.
    public var onCall: Roster
    /// Delay between calling out an on-call crew and its setting off; nil when nobody is on call.
    public var callout: Distribution?
}

/// The technical-support staff who fix faults remotely from the centre (the source's remote
/// fixes; `remoteEngineers:`): identical engineers on a weekly roster take a remote-fix ticket
/// after dispatch and are held for its remote work (the segment's `repair.*.remote`), in the
/// scenario's dispatch order. A scenario without the pool starts remote fixes at once, as
/// before the pool existed (docs/repair-model.md "Remote-fix engineers").
public struct RemoteEngineers: Sendable, Equatable {
    /// Engineers on duty through the week.
    public var roster: Roster

    /// A pool with this roster.
    public init(roster: Roster) {
        self.roster = roster
    }
}

/// Staff costs per hour on duty, in the currency of the inventory's fees.
public struct StaffCosts: Sendable, Equatable {
    /// Per crew-hour on duty.
    public var crewHour: Double
    /// Per agent-hour on duty.
    public var agentHour: Double
    /// Per crew-hour on call (the standby allowance; call-outs are then paid as crew hours).
    public var onCallHour: Double
    /// Cost of protection per circuit-month by network grade key (the standby path, spare
    /// ports and switching a grade's protected segments need); a grade not listed costs 0.
    public var protectionPerCircuitMonth: [String: Double] = [:]
    /// Hours one full-time person is productive in a year (`costs.productiveHoursPerYear`):
    /// what turns a roster's yearly staff-hours into headcount. See ``fullTimeEquivalents(hoursPerYear:)``.
    public var productiveHoursPerYear: Double = StaffCosts.defaultProductiveHoursPerYear
    /// Per account-manager hour of communication work (monthly reports by account managers);
    /// nil: the agent-hour rate.
    public var accountManagerHour: Double? = nil
    /// Per remote-engineer hour on duty (`remoteEngineers:`); nil: the agent-hour rate.
    public var remoteEngineerHour: Double? = nil

    /// 52 weeks × 40 h = 2,080 h, less 25 days of leave, 11 public holidays and 14 days of
    /// training and sickness (50 days × 8 h = 400 h): 1,680 h (docs/scenario-format.md).
    public static let defaultProductiveHoursPerYear = 1680.0

    /// The rate an account-manager hour is paid at: `accountManagerHour`, else the agent rate.
    public var accountManagerRate: Double { accountManagerHour ?? agentHour }

    /// The rate a remote engineer's hour on duty is paid at: `remoteEngineerHour`, else the agent rate.
    public var remoteEngineerRate: Double { remoteEngineerHour ?? agentHour }

    /// The protection cost of one circuit-month of `networkGrade` (0 when not listed).
    public func protection(networkGrade: String) -> Double { protectionPerCircuitMonth[networkGrade] ?? 0 }

    /// Full-time equivalents needed to staff `hoursPerYear` staff-hours (a roster line's yearly
    /// hours): the hours ÷ ``productiveHoursPerYear``.
    public func fullTimeEquivalents(hoursPerYear: Double) -> Double { hoursPerYear / productiveHoursPerYear }
}
