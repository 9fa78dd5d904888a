import Scenario
import ServiceRules
import SimRandom

/// The named random streams of one replication, one per purpose, so that changing one part of
/// the workflow (say, crew numbers) does not shift the numbers another part draws.
///
/// Fault arrivals have their own stream per inventory class and segment (``FaultSource``).
/// Per-ticket durations (detection, intake, travel, repair, confirmation) are drawn when the
/// fault occurs, in fault order, which no staffing change alters, and each stream advances the
/// same way for every fault whatever staffing decides (an outage or a switch-over).
struct WorkflowStreams {
    /// `faults.storms`: the storm episodes of the whole city.
    let storms: RandomStream
    /// `detection`: channel and delay of a reported fault (drawn for every fault).
    let detection: RandomStream
    /// `detection.proactive`: delay of a proactively found fault (drawn for every fault).
    let proactiveDetection: RandomStream
    /// `intake`: intake work.
    let intake: RandomStream
    /// `travel`: travel to site.
    let travel: RandomStream
    /// `repair`: remote or on site, and the work.
    let repair: RandomStream
    /// `confirm`: confirmation work.
    let confirm: RandomStream
    /// `progressUpdates`: work of each progress update (drawn when an agent starts it).
    let progressUpdates: RandomStream
    /// `faultReport`: work of the fault report (drawn at the fault, for tiers that promise one).
    let faultReport: RandomStream
    /// `callout`: call-out delays of on-call crews (drawn at call-out time).
    let callout: RandomStream
    /// `escalation`: work of escalation notices (drawn when the notice is given or started).
    let escalation: RandomStream
    /// `installs.orders`: order times and regions.
    let installOrders: RandomStream
    /// `installs.work`: travel and work of each order.
    let installWork: RandomStream
    /// `installs.construction`: whether an order needs construction, and how long (each order,
    /// only when the scenario has construction).
    let installConstruction: RandomStream
    /// `installs.progressReports`: work of installation progress reports.
    let installReports: RandomStream
    /// Work of monthly SLA circuit reports and outage notices.
    let communication: RandomStream
    /// `suspension`: whether an on-site repair finds the site inaccessible, and for how long
    /// (drawn at the fault, for on-site repairs, only when the scenario has `suspension`).
    let suspension: RandomStream

    init(scenario: Scenario, replication: Int) {
        func stream(_ name: String) -> RandomStream {
            RandomStream(masterSeed: scenario.seed, replication: replication, name: name)
        }
        storms = stream("faults.storms")
        detection = stream("detection")
        proactiveDetection = stream("detection.proactive")
        intake = stream("intake")
        travel = stream("travel")
        repair = stream("repair")
        confirm = stream("confirm")
        progressUpdates = stream("progressUpdates")
        faultReport = stream("faultReport")
        callout = stream("callout")
        escalation = stream("escalation")
        installOrders = stream("installs.orders")
        installWork = stream("installs.work")
        installConstruction = stream("installs.construction")
        installReports = stream("installs.progressReports")
        communication = stream("communication")
        suspension = stream("suspension")
    }

    /// The storm episodes over the horizon, if the scenario has storms.
    func stormSchedule(_ scenario: Scenario) -> StormSchedule? {
        scenario.faults.storms?.schedule(horizon: scenario.horizonMinutes, storms)
    }
}

/// The superposed fault arrivals of one inventory class on one segment: rate = circuits ×
/// rate per circuit-year, the circuit picked uniformly. Its stream `faults.<class>.<segment>`
/// draws both, so scenarios sharing a class share its faults (common random numbers).
struct FaultSource {
    let classIndex: Int32
    let segment: UInt8
    var arrivals: ThinnedArrivals
    let stream: RandomStream
    /// Its segment's repair work (a segment with faults has a repair profile).
    let repair: RepairWork
    /// Time of the last arrival, in minutes (kept unrounded so rounding never accumulates).
    var lastMinutes = 0.0

    /// One source per class and segment with a positive rate, in inventory then segment order.
    static func sources(scenario: Scenario, replication: Int, storms: StormSchedule?) -> [FaultSource] {
        var sources: [FaultSource] = []
        for (index, inventoryClass) in scenario.inventory.enumerated() {
            guard let rates = scenario.faults.rates[inventoryClass.product] else { continue }
            for (segmentIndex, segment) in NetworkSegment.allCases.enumerated() {
                let perYear = rates.rate(on: segment) * Double(inventoryClass.circuits)
                guard perYear > 0 else { continue }
                // The scenario validated rates, profile and start, so this cannot throw.
                let arrivals = try! ThinnedArrivals(
                    ratePerMinute: perYear / StormEpisodes.minutesPerYear, profile: scenario.faults.profile,
                    start: scenario.calendarStart, storms: storms)
                let stream = RandomStream(
                    masterSeed: scenario.seed, replication: replication,
                    name: "faults.\(inventoryClass.id).\(segment.rawValue)")
                sources.append(FaultSource(classIndex: Int32(index), segment: UInt8(segmentIndex),
                                           arrivals: arrivals, stream: stream,
                                           repair: RepairWork(scenario.repair[segment]!)))
            }
        }
        return sources
    }
}

/// A segment's repair work as a new fault draws it: its ``RepairProfile`` without optionals, so
/// a draw reads the distribution in place instead of copying it out of an optional.
struct RepairWork {
    /// Share (0…1) of faults fixed remotely.
    let remoteShare: Double
    let onSite: Distribution
    /// A remote fix's work: the profile's remote work, else its on-site work.
    let remote: Distribution

    init(_ profile: RepairProfile) {
        remoteShare = profile.remoteShare
        onSite = profile.onSite
        remote = profile.remote ?? profile.onSite
    }
}
