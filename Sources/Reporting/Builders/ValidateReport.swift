import HTMLReport
import Scenario
import SimCore
import SimRandom

/// The report of `faultline validate` on a valid scenario: the few figures a planner checks
/// first (size, staffing, run length).
public struct ValidateReport: Sendable {
    /// The scenario file.
    public var file: String
    /// Its validated scenario.
    public var scenario: Scenario

    /// The report's inputs.
    public init(file: String, scenario: Scenario) {
        self.file = file
        self.scenario = scenario
    }

    /// The report.
    public var report: Report {
        var rows: [[Cell]] = [
            [.text("circuits"), .text("\(CellText.text(.count(scenario.circuitCount))) in \(scenario.inventory.count) inventory rows")],
            [.text("regions"), .text(scenario.regions.joined(separator: ", "))],
            [.text("crews"), .text(scenario.crews.map { "\($0.region) \(Self.peak($0.onDuty))+\(Self.peak($0.onCall)) on call" }
                .joined(separator: ", ") + " (most on duty at once)")],
            [.text("agents"), .text("\(Self.peak(scenario.monitoringCentre.roster)) at most on duty")],
        ]
        if let engineers = scenario.remoteEngineers {
            rows.append([.text("remote engineers"), .text("\(Self.peak(engineers.roster)) at most on duty")])
        }
        rows += [
            [.text("horizon"), .text("\(DurationText.text(minutes: scenario.horizonMinutes)) from \(scenario.start), "
                + "warm-up \(DurationText.text(minutes: scenario.warmupMinutes))")],
            [.text("replications"), .text("\(scenario.replications), seed \(scenario.seed)")],
        ]
        if !scenario.variants.isEmpty { rows.append([.text("variants"), .text(scenario.variants.map(\.name).joined(separator: ", "))]) }
        return Report(
            command: "validate", title: "FaultLine validate · \(file)", context: [file],
            sections: [Section(id: "summary", title: "\(file): valid scenario `\(scenario.name)`",
                               blocks: [.table(Table(csvName: "summary", columns: [Column("", csv: "item"), Column("", csv: "value")],
                                                     rows: rows))])])
    }

    /// The most units on duty at once (the peak is always at some shift's start).
    static func peak(_ roster: Roster) -> Int {
        roster.shifts.map(\.startMinuteOfWeek).map { minute in
            roster.shifts.filter { $0.covers(minuteOfWeek: minute) }.reduce(0) { $0 + $1.capacity }
        }.max() ?? 0
    }
}
