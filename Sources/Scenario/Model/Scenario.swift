import ServiceRules
import SimCore
import SimRandom

/// A validated scenario: everything the repair-workflow model needs to simulate one study, with
/// every default applied and every name checked against the rule catalogue.
///
/// Build one with ``Scenario/load(path:)`` or ``Scenario/parse(yaml:file:baseDirectory:)``; the
/// format is described in docs/scenario-format.md. Durations are `SimDuration`s of simulated time
/// (time 0 is 00:00 on ``start``) where typed, minutes of simulated time in the remaining
/// `…Minutes` fields; rates are per circuit-year (365 days).
public struct Scenario: Sendable, Equatable {
    /// A short identifier used in reports, e.g. `city-enterprise-baseline`.
    public var name: String
    /// Free text for the reader of a report; empty by default.
    public var description: String
    /// The calendar date at which simulated time 0 falls (00:00 local time).
    public var start: CivilDate
    /// Simulated length of one replication (including the warm-up).
    public var horizon: SimDuration
    /// The start of each replication that statistics ignore (always shorter than the horizon).
    public var warmup: SimDuration
    /// Independent replications (≥ 1).
    public var replications: Int
    /// Master seed of the named random streams.
    public var seed: UInt64
    /// The business calendar of working hours, holidays and make-up days. It is also the
    /// catalogue's `standard` calendar, so working-day limits use the same days.
    public var calendar: BusinessCalendar
    /// The service mix: classes of identical circuits; the model tracks each circuit individually.
    public var inventory: [InventoryClass]
    /// Fault arrivals: rates per product and segment, time profile, storms.
    public var faults: FaultModel
    /// How a fault becomes known to the monitoring centre.
    public var detection: Detection
    /// The network monitoring centre's agents and their task times.
    public var monitoringCentre: MonitoringCentre
    /// Field crews, one entry per region, in file order.
    public var crews: [CrewRegion]
    /// Travel time to a site, by region (one entry for every region of `crews` and `inventory`).
    public var travel: [String: Distribution]
    /// Repair work by network segment (one entry for every segment).
    public var repair: [NetworkSegment: RepairProfile]
    /// When an open ticket escalates.
    public var escalation: Escalation
    /// The order in which crews and agents take waiting work.
    public var dispatchPolicy: DispatchPolicy
    /// Installations and moves that compete for crews.
    public var installs: Installs
    /// Customer-caused delays on site that suspend the SLA clock; nil: none (the default).
    public var suspension: Suspension? = nil
    /// The `rules:` file as resolved (relative to the scenario file that named it), if any.
    public var rulesFile: String?
    /// The built-in catalogue with the rules file applied and `calendar` as `standard`.
    public var catalogue: RuleCatalogue
    /// Share of credit liabilities customers actually claim, by tier key (every catalogue tier).
    public var claimRates: [String: Double]
    /// Staff costs per hour.
    public var costs: StaffCosts
    /// Named variants of this scenario (a whole study in one file), each fully resolved.
    public var variants: [ScenarioVariant]
    /// Monthly SLA circuit reports and outage notices (the reader's default when the file
    /// has no `communication:`; `.none` for a scenario built otherwise).
    public var communication: Communication = .none
    /// The remote-fix engineers; nil: remote fixes start at dispatch without anyone (the default).
    public var remoteEngineers: RemoteEngineers? = nil

    /// ``horizon`` in minutes (kept for callers of the minute-based API).
    public var horizonMinutes: Double {
        get { horizon.minutes }
        set { horizon = SimDuration(minutes: newValue) }
    }

    /// ``warmup`` in minutes (kept for callers of the minute-based API).
    public var warmupMinutes: Double {
        get { warmup.minutes }
        set { warmup = SimDuration(minutes: newValue) }
    }

    /// The observed length of a replication: the horizon after the warm-up.
    public var observedLength: SimDuration { horizon - warmup }

    /// All circuits of the inventory (Int.max when the sum overflows: such a scenario is refused
    /// before a run, see `RunLimits`).
    public var circuitCount: Int {
        inventory.reduce(0) { total, item in
            let (sum, overflow) = total.addingReportingOverflow(item.circuits)
            return overflow ? Int.max : sum
        }
    }

    /// The regions with crews, in file order.
    public var regions: [String] { crews.map(\.region) }

    /// Minute of the week (Monday 00:00 = 0) at simulated time 0, for `Roster(startMinuteOfWeek:)`;
    /// the rosters in this scenario are already built with it.
    public var startMinuteOfWeek: Int { start.weekday.minuteOfWeek }

    /// The start as SimRandom's calendar instant, for `ThinnedArrivals`.
    public var calendarStart: CalendarStart {
        // `start` was validated as a real date, so this cannot fail.
        try! CalendarStart(year: start.year, month: start.month, day: start.day)
    }

    /// The crews of a region.
    public func crews(in region: String) -> CrewRegion? { crews.first { $0.region == region } }
}

/// One named variant of a scenario: the scenario with the variant's overrides merged in.
public struct ScenarioVariant: Sendable, Equatable {
    /// The variant's name, unique within the file.
    public var name: String
    /// Free text; empty by default.
    public var description: String
    /// The resolved scenario (its own `variants` is empty).
    public var scenario: Scenario
}
