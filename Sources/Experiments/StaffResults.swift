import RepairModel
import SimCore

/// Utilisation of one staff group across replications.
public struct StaffLoad: Sendable {
    /// Region name, or `agents`.
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

/// Crews per region and the monitoring centre's agents.
public struct StaffResults: Sendable {
    /// One entry per region, in the scenario's order.
    public var crews: [StaffLoad]
    /// The agents.
    public var agents: StaffLoad

    init(_ staff: [StaffStatistics]) {
        crews = (staff.first?.crews ?? []).indices.map { index in
            StaffLoad(name: staff[0].crews[index].region, staff.map { $0.crews[index].bands })
        }
        agents = StaffLoad(name: "agents", staff.map(\.agents))
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
}

/// Installation commitments across replications.
public struct InstallResults: Sendable {
    /// Orders placed per replication.
    public var ordered: Estimate
    /// Share of orders assigned a crew within the appointment promise (24 h by default).
    public var appointmentMet: Estimate?
    /// Share of orders completed within the completion promise (72 h by default).
    public var completionMet: Estimate?

    init(_ installs: [InstallStatistics]) {
        ordered = Estimate(installs.map { Double($0.ordered) })!
        let placed = installs.filter { $0.ordered > 0 }
        appointmentMet = Estimate(placed.map { Double($0.appointmentMet) / Double($0.ordered) })
        completionMet = Estimate(placed.map { Double($0.completionMet) / Double($0.ordered) })
    }
}
