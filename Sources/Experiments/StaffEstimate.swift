import Foundation
import QueueingTheory
import Scenario
import SimCore
import SimRandom

/// The analytic first guess `faultline staff` starts its search from.
///
/// - **Agents per roster line**: tickets arrive at rate λ (faults per minute over the line's
///   hours, from the inventory, the fault rates and the hour-of-week profile, × the mean month
///   factor and the storms' mean uplift); each costs an agent `intake + confirm` minutes. The
///   centre is taken as M/M/c and a ticket as dispatched when its wait plus its own intake is
///   within the dispatch limit (15 min): c is the least count with
///   P(W_q + S ≤ limit) ≥ p, p the strictest `dispatch` target (0.9 without one).
///   `dispatchProbability` gives that sojourn distribution.
/// - **Crews per region and roster line**: offered load a = λ_crew × (travel + on-site work) of
///   the region's faults that need a crew (1 − remote share), plus installations (travel +
///   work); the start is the least stable count ⌊a⌋ + 1. Crew loads are well below one erlang
///   per line in a city, where every square-root margin rounds up to a whole extra crew on
///   every line; the greedy phase adds margin only where it buys compliance, which finds
///   cheaper plans than trimming a generous start.
public enum StaffEstimate {
    /// The estimated plan for `scenario` with the given targets (the dispatch share comes from them).
    public static func plan(for scenario: Scenario, targets: [StaffTarget]) -> StaffingPlan {
        var plan = StaffingPlan(scenario)
        let dispatchShare = targets.filter {
            if case .group(_, .dispatch) = $0.metric.subject { return $0.comparison == .atLeast } else { return false }
        }.map(\.threshold).max() ?? 0.9
        let limit = Double(scenario.catalogue.checkpointLimits.dispatchSeconds) / 60
        let centre = scenario.monitoringCentre
        for index in plan.agentLines.indices {
            let rate = ticketRate(scenario, over: plan.agentLines[index]) { _ in 1 }
            plan.agentLines[index].capacity = agents(
                arrivalRate: rate, workMean: centre.intake.mean + centre.confirm.mean, intakeMean: centre.intake.mean,
                limitMinutes: limit, share: min(dispatchShare, 0.999))
        }
        for (regionIndex, region) in plan.regions.enumerated() {
            let work = crewWork(scenario, region: region)
            for index in plan.crewLines[regionIndex].indices {
                let rate = ticketRate(scenario, over: plan.crewLines[regionIndex][index]) { $0.region == region ? work.share($0) : 0 }
                let load = rate * work.meanMinutes + installLoad(scenario, region: region)
                plan.crewLines[regionIndex][index].capacity = Int(load.rounded(.down)) + 1
            }
        }
        return plan
    }

    /// P(wait + intake ≤ `limitMinutes`) in an M/M/c queue with arrival rate λ (per minute),
    /// exponential work of mean `workMean` per customer, of which the sojourn counts the first
    /// `intakeMean` (the intake; equal to `workMean` when there is no other work).
    ///
    /// With C the Erlang C wait probability and θ = c/workMean − λ, the wait is 0 with
    /// probability 1 − C and else exponential(θ); the intake S is exponential(μ = 1/intakeMean),
    /// so P(W + S > t) = (1 − C)·e^(−μt) + C·(θe^(−μt) − μe^(−θt))/(θ − μ)
    /// (C·(1 + μt)e^(−μt) when θ = μ).
    public static func dispatchProbability(
        servers: Int, arrivalRate lambda: Double, workMean: Double, intakeMean: Double, limitMinutes t: Double
    ) -> Double {
        let c = Double(servers)
        guard servers >= 1, lambda * workMean < c else { return 0 }
        let wait = Erlang.waitProbability(servers: servers, offeredLoad: lambda * workMean)
        let theta = c / workMean - lambda
        let mu = 1 / intakeMean
        let sum = abs(theta - mu) < 1e-12 * mu
            ? (1 + mu * t) * exp(-mu * t)
            : (theta * exp(-mu * t) - mu * exp(-theta * t)) / (theta - mu)
        return 1 - ((1 - wait) * exp(-mu * t) + wait * sum)
    }

    /// The least agent count meeting `share` within the limit (at least 1). When the intake
    /// alone misses the share (with no wait at all the share is only 1 − e^(−limit/intakeMean)),
    /// no agent count meets it: the estimate is then the least count that brings the share
    /// within 0.1 point of that ceiling, where another agent stops helping; the search reports
    /// the target as out of reach.
    static func agents(arrivalRate: Double, workMean: Double, intakeMean: Double, limitMinutes: Double, share: Double) -> Int {
        guard arrivalRate > 0, workMean > 0, intakeMean > 0 else { return 1 }
        let ceiling = 1 - exp(-limitMinutes / intakeMean)
        let goal = min(share, ceiling - 0.001)
        var servers = max(1, Int((arrivalRate * workMean).rounded(.down)) + 1)
        while dispatchProbability(servers: servers, arrivalRate: arrivalRate, workMean: workMean,
                                  intakeMean: intakeMean, limitMinutes: limitMinutes) < goal {
            servers += 1
        }
        return servers
    }

    /// Mean tickets per minute over the minutes `line` covers, counting each class's faults with
    /// `weight` (1 for every ticket; the crew share for crew work).
    static func ticketRate(_ scenario: Scenario, over line: ShiftLine, weight: (InventoryClass) -> Double) -> Double {
        let perMinute = scenario.inventory.reduce(0.0) { total, item in
            total + Double(item.circuits) * (scenario.faults.rates[item.product]?.total ?? 0) * weight(item)
        } / StormEpisodes.minutesPerYear
        let hours = scenario.faults.profile.hourOfWeek
        var factor = 0.0, minutes = 0
        for shift in line.shifts {
            for offset in stride(from: 0, to: shift.lengthMinutes, by: 15) {
                let minute = (shift.startMinuteOfWeek + offset) % Roster.minutesPerWeek
                factor += hours[minute / 60]
                minutes += 1
            }
        }
        let months = scenario.faults.profile.month
        let monthFactor = months.reduce(0, +) / Double(months.count)
        return perMinute * (minutes == 0 ? 0 : factor / Double(minutes)) * monthFactor * stormUplift(scenario)
    }

    /// The mean rate multiplier of storm episodes over a year.
    static func stormUplift(_ scenario: Scenario) -> Double {
        guard let storms = scenario.faults.storms else { return 1 }
        return 1 + storms.perYear * storms.duration.mean / StormEpisodes.minutesPerYear * (storms.multiplier - 1)
    }

    /// Per class, the share of its faults that need a crew, and the region's mean crew minutes
    /// per such fault (travel + on-site work, weighted by segment).
    static func crewWork(_ scenario: Scenario, region: String) -> (share: (InventoryClass) -> Double, meanMinutes: Double) {
        let travel = scenario.travel[region]?.mean ?? 0
        var weightedWork = 0.0, weight = 0.0
        for item in scenario.inventory where item.region == region {
            for (segment, rate) in scenario.faults.rates[item.product]?.perCircuitYear ?? [:] {
                guard let profile = scenario.repair[segment] else { continue }
                let crewRate = Double(item.circuits) * rate * (1 - profile.remoteShare)
                weightedWork += crewRate * profile.onSite.mean
                weight += crewRate
            }
        }
        let share = { (item: InventoryClass) -> Double in
            let rates = scenario.faults.rates[item.product]?.perCircuitYear ?? [:]
            let total = rates.values.reduce(0, +)
            guard total > 0 else { return 0 }
            return rates.reduce(0.0) { $0 + $1.value * (1 - (scenario.repair[$1.key]?.remoteShare ?? 0)) } / total
        }
        return (share, travel + (weight > 0 ? weightedWork / weight : 0))
    }

    /// Installation crew-erlangs in a region: orders per minute × its share of circuits × (travel + work).
    static func installLoad(_ scenario: Scenario, region: String) -> Double {
        let all = scenario.circuitCount
        guard scenario.installs.perDay > 0, all > 0 else { return 0 }
        let here = scenario.inventory.filter { $0.region == region }.reduce(0) { $0 + $1.circuits }
        let travel = scenario.travel[region]?.mean ?? 0
        return scenario.installs.perDay / 1440 * Double(here) / Double(all) * (travel + scenario.installs.work.mean)
    }
}
