import Foundation
import Scenario
import ServiceRules
import SimCore
import SimRandom

/// The work a scenario offers each staff pool, estimated from its inputs without simulating:
/// the one estimate behind the overload check of `run`, `compare`, `staff` and `price` and the
/// analytic start of the staffing search.
///
/// - **Tickets** per minute: circuits × fault rate per circuit-year ÷ 525,600, × the mean month
///   factor, × the storms' mean uplift, × the hour-of-week factor averaged over the minutes
///   asked about (the whole week, or a roster line's hours).
/// - **A crew** per ticket that needs one (1 − the segment's remote share): travel + on-site
///   work (means); per installation order (`perDay` per working day of the calendar): travel +
///   the install's work.
/// - **A remote-fix engineer** (scenarios with `remoteEngineers:`) per ticket fixed remotely
///   (the segment's remote share): the remote work (mean).
/// - **An agent** per ticket: intake + confirmation, the fault report where the tier promises
///   one, and the progress updates while the ticket is unrepaired: with the time from
///   `reported_at` to repair taken as exponential of mean m (intake, then remote work, or
///   travel and on-site work; waits left out), an interval I gives E⌊T/I⌋ = 1/(e^(I/m) − 1)
///   updates.
///
/// Waits, call-out delays and escalations are left out: the estimate is the work itself, which
/// is what the simulated busy hours measure when the pool keeps up.
public struct OfferedLoad: Sendable {
    /// One pool's weekly work against its weekly hours on the rosters.
    public struct Pool: Sendable, Equatable {
        /// `crews.REGION`, `agents` or `remoteEngineers`.
        public var name: String
        /// Staff-hours of work offered per week (mean over the year).
        public var offeredHoursPerWeek: Double
        /// Staff-hours on the rosters per week (crews: on duty plus on call).
        public var rosterHoursPerWeek: Double

        /// ρ = offered ÷ roster hours; infinite when work meets a roster with no hours.
        public var utilisation: Double {
            rosterHoursPerWeek > 0 ? offeredHoursPerWeek / rosterHoursPerWeek : (offeredHoursPerWeek > 0 ? .infinity : 0)
        }
    }

    /// The scenario estimated.
    public let scenario: Scenario
    /// Per inventory class: what one of its tickets costs each pool.
    let classes: [ClassWork]

    /// What one ticket of a class costs each pool.
    struct ClassWork {
        /// Share of the class's faults that need a crew.
        var crewShare: Double
        /// Mean crew minutes (travel + on-site) per ticket that needs a crew.
        var crewMinutes: Double
        /// Mean agent minutes per ticket (intake, confirmation, report, updates).
        var agentMinutes: Double
        /// Mean remote-work minutes per ticket (over all the class's tickets, remote or not).
        var remoteMinutes: Double
    }

    /// Installation orders per minute of calendar time: `perDay` per working day of the
    /// calendar, × the share of working days over the horizon (its first four years at most).
    public let installsPerMinute: Double

    /// Prepares the estimate of `scenario` (validated).
    public init(_ scenario: Scenario) {
        self.scenario = scenario
        classes = scenario.inventory.map { Self.work(of: $0, scenario: scenario) }
        installsPerMinute = Self.installsPerMinute(scenario)
    }

    /// One shift covering the whole week, for rates over the week.
    public static let wholeWeek = [Roster.Shift(startMinuteOfWeek: 0, endMinuteOfWeek: Roster.minutesPerWeek, capacity: 1)]

    /// Every pool: each region's crews in the scenario's order, then the agents, then the
    /// remote-fix engineers when the scenario has them.
    public var pools: [Pool] {
        let week = Self.wholeWeek
        var pools = scenario.crews.map { crews in
            Pool(name: "crews.\(crews.region)",
                 offeredHoursPerWeek: crewErlangs(region: crews.region, over: week) * Double(Roster.minutesPerWeek) / 60,
                 rosterHoursPerWeek: crews.onDuty.staffHoursPerWeek + crews.onCall.staffHoursPerWeek)
        }
        pools.append(Pool(name: "agents", offeredHoursPerWeek: agentErlangs(over: week) * Double(Roster.minutesPerWeek) / 60,
                          rosterHoursPerWeek: scenario.monitoringCentre.roster.staffHoursPerWeek))
        if let engineers = scenario.remoteEngineers {
            pools.append(Pool(name: "remoteEngineers",
                              offeredHoursPerWeek: remoteErlangs(over: week) * Double(Roster.minutesPerWeek) / 60,
                              rosterHoursPerWeek: engineers.roster.staffHoursPerWeek))
        }
        return pools
    }

    /// Mean busy crews of `region` over the minutes `shifts` cover: repair work plus installs.
    public func crewErlangs(region: String, over shifts: [Roster.Shift]) -> Double {
        let repairs = ticketsPerMinute(over: shifts) { index, item in
            item.region == region ? classes[index].crewShare * classes[index].crewMinutes : 0
        }
        return repairs + installErlangs(region: region)
    }

    /// Mean busy agents over the minutes `shifts` cover.
    public func agentErlangs(over shifts: [Roster.Shift]) -> Double {
        ticketsPerMinute(over: shifts) { index, _ in classes[index].agentMinutes }
    }

    /// Mean busy remote-fix engineers over the minutes `shifts` cover (the remote work offered,
    /// whether or not the scenario has the pool).
    public func remoteErlangs(over shifts: [Roster.Shift]) -> Double {
        ticketsPerMinute(over: shifts) { index, _ in classes[index].remoteMinutes }
    }

    /// Tickets per minute over the minutes `shifts` cover, each class's weighted by `weight`
    /// (1 for tickets; minutes of work for erlangs).
    public func ticketsPerMinute(over shifts: [Roster.Shift], weight: (Int, InventoryClass) -> Double) -> Double {
        let perMinute = scenario.inventory.enumerated().reduce(0.0) { total, entry in
            total + Double(entry.element.circuits) * (scenario.faults.rates[entry.element.product]?.total ?? 0)
                * weight(entry.offset, entry.element)
        } / StormEpisodes.minutesPerYear
        guard perMinute > 0 else { return 0 }
        return perMinute * hourFactor(over: shifts) * monthFactor * stormUplift
    }

    /// Installation crew-erlangs in a region: orders per minute × its share of circuits × (travel + work).
    public func installErlangs(region: String) -> Double {
        let all = scenario.inventory.reduce(0.0) { $0 + Double($1.circuits) }
        guard scenario.installs.perDay > 0, all > 0 else { return 0 }
        let here = scenario.inventory.filter { $0.region == region }.reduce(0.0) { $0 + Double($1.circuits) }
        let travel = scenario.travel[region]?.mean ?? 0
        return installsPerMinute * here / all * (travel + scenario.installs.work.mean)
    }

    static func installsPerMinute(_ scenario: Scenario) -> Double {
        guard scenario.installs.perDay > 0 else { return 0 }
        let horizonDays = (scenario.horizonMinutes / 1440).rounded(.up)
        let days = horizonDays >= 1 ? Int(Swift.min(1461, horizonDays)) : 1
        let first = scenario.start.dayNumber
        let working = (0..<days).filter { scenario.calendar.isWorkingDay(CivilDate(dayNumber: first + $0)) }.count
        return scenario.installs.perDay * Double(working) / Double(days) / 1440
    }

    /// The hour-of-week factor averaged over the quarter hours `shifts` cover (0 when none).
    func hourFactor(over shifts: [Roster.Shift]) -> Double {
        let hours = scenario.faults.profile.hourOfWeek
        var factor = 0.0, quarters = 0
        for shift in shifts {
            for offset in stride(from: 0, to: shift.lengthMinutes, by: 15) {
                factor += hours[(shift.startMinuteOfWeek + offset) % Roster.minutesPerWeek / 60]
                quarters += 1
            }
        }
        return quarters == 0 ? 0 : factor / Double(quarters)
    }

    /// The month factors' mean.
    var monthFactor: Double {
        let months = scenario.faults.profile.month
        return months.isEmpty ? 1 : months.reduce(0, +) / Double(months.count)
    }

    /// The mean rate multiplier of storm episodes over a year.
    var stormUplift: Double {
        guard let storms = scenario.faults.storms else { return 1 }
        return 1 + storms.perYear * storms.duration.mean / StormEpisodes.minutesPerYear * (storms.multiplier - 1)
    }

    /// One class's work per ticket, its segments weighted by their fault rates.
    static func work(of item: InventoryClass, scenario: Scenario) -> ClassWork {
        let rates = scenario.faults.rates[item.product]?.perCircuitYear ?? [:]
        let total = rates.values.reduce(0, +)
        let travel = scenario.travel[item.region]?.mean ?? 0
        var crewRate = 0.0, crewMinutes = 0.0, unrepairedMinutes = 0.0, remoteMinutes = 0.0
        for (segment, rate) in rates {
            guard let profile = scenario.repair[segment] else { continue }
            let crew = rate * (1 - profile.remoteShare)
            crewRate += crew
            crewMinutes += crew * (travel + profile.onSite.mean)
            let remote = rate * profile.remoteShare * (profile.remote?.mean ?? 0)
            remoteMinutes += remote
            unrepairedMinutes += crew * (travel + profile.onSite.mean) + remote
        }
        let centre = scenario.monitoringCentre
        let meanUnrepaired = centre.intake.mean + (total > 0 ? unrepairedMinutes / total : 0)
        let interval = ClassPlan.updateInterval(item, catalogue: scenario.catalogue).minutes
        let updates = interval > 0 && meanUnrepaired > 0 ? 1 / expm1(interval / meanUnrepaired) : 0
        let report = ClassPlan.writesReport(item, catalogue: scenario.catalogue) ? centre.faultReport.mean : 0
        let agentMinutes = centre.intake.mean + centre.confirm.mean + report + updates * centre.progressUpdate.mean
        return ClassWork(crewShare: total > 0 ? crewRate / total : 0, crewMinutes: crewRate > 0 ? crewMinutes / crewRate : 0,
                         agentMinutes: agentMinutes, remoteMinutes: total > 0 ? remoteMinutes / total : 0)
    }
}
