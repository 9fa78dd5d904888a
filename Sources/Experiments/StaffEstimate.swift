import Foundation
import QueueingTheory
import RepairModel
import Scenario
import SimCore
import SimRandom

/// The analytic first guess `faultline staff` starts its search from, on the work
/// ``OfferedLoad`` estimates (the same estimate the overload check uses).
///
/// - **Agents per roster line**: tickets arrive at rate λ (per minute, over the line's hours);
///   each costs an agent the offered agent minutes per ticket (intake, confirmation, report,
///   updates). The centre is taken as M/M/c and a ticket as dispatched when its wait plus its
///   own intake is within the dispatch limit (15 min): c is the least count with
///   P(W_q + S ≤ limit) ≥ p, p the strictest `dispatch` target (0.9 without one).
///   `dispatchProbability` gives that sojourn distribution.
/// - **Crews per region and roster line**: the offered crew-erlangs a over the line's hours
///   (repairs that need a crew, plus installations); the start is the least stable count
///   ⌊a⌋ + 1. Crew loads are well below one erlang per line in a city, where every square-root
///   margin rounds up to a whole extra crew on every line; the greedy phase adds margin only
///   where it buys compliance, which finds cheaper plans than trimming a generous start.
/// - **Remote-fix engineers per roster line** (scenarios with the pool): as crews, the least
///   stable count ⌊a⌋ + 1 for the remote work's offered erlangs a over the line's hours.
public enum StaffEstimate {
    /// The estimated plan for `scenario` with the given targets (the dispatch share comes from them).
    public static func plan(for scenario: Scenario, targets: [StaffTarget]) -> StaffingPlan {
        var plan = StaffingPlan(scenario)
        let dispatchShare = targets.filter {
            if case .group(_, .dispatch) = $0.metric.subject { return $0.comparison == .atLeast } else { return false }
        }.map(\.threshold).max() ?? 0.9
        let limit = Double(scenario.catalogue.checkpointLimits.dispatchSeconds) / 60
        let load = OfferedLoad(scenario)
        for index in plan.agentLines.indices {
            let shifts = plan.agentLines[index].shifts
            let rate = load.ticketsPerMinute(over: shifts) { _, _ in 1 }
            plan.agentLines[index].capacity = agents(
                arrivalRate: rate, workMean: rate > 0 ? load.agentErlangs(over: shifts) / rate : 0,
                intakeMean: scenario.monitoringCentre.intake.mean, limitMinutes: limit, share: min(dispatchShare, 0.999))
        }
        for (regionIndex, region) in plan.regions.enumerated() {
            for index in plan.crewLines[regionIndex].indices {
                let erlangs = load.crewErlangs(region: region, over: plan.crewLines[regionIndex][index].shifts)
                plan.crewLines[regionIndex][index].capacity = Int(erlangs.rounded(.down)) + 1
            }
        }
        for index in plan.remoteLines.indices {
            plan.remoteLines[index].capacity = Int(load.remoteErlangs(over: plan.remoteLines[index].shifts).rounded(.down)) + 1
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
}
