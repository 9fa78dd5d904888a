import Foundation
import RepairModel
import Scenario
import ServiceRules
import Testing

/// Calibration aid, off unless `FAULTLINE_CALIBRATE` names scenario files (comma-separated):
/// one replication of each, with a per-tier table, crew utilisation by region (day / evening /
/// night hours) and stage means. The table is for a person; the test checks what the table
/// relies on: every simulated ticket judged, and every circuit and region accounted for.
/// Use an optimised build:
/// `FAULTLINE_CALIBRATE=scenarios/baseline.yaml swift test -c release -Xswiftc -enable-testing --filter CalibrationTests`
@Suite struct CalibrationTests {
    static let paths = ProcessInfo.processInfo.environment["FAULTLINE_CALIBRATE"]?
        .split(separator: ",").map(String.init) ?? []

    @Test(.enabled(if: !paths.isEmpty, "set FAULTLINE_CALIBRATE to scenario files"))
    func oneReplicationPerScenario() throws {
        for path in Self.paths {
            let scenario = try Scenario.load(path: path)
            let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
            let evaluation = outcome.evaluate(period: .month)
            print(Self.table(path, outcome, evaluation))
            #expect(evaluation.skipped.isEmpty, "\(path): every simulated ticket is judged")
            #expect(evaluation.totals.tickets == outcome.tickets.count, "\(path)")
            #expect(outcome.circuits.count == scenario.circuitCount, "\(path)")
            #expect(outcome.staff.crews.map(\.region) == scenario.crews.map(\.region), "\(path): one row per region")
        }
    }

    static func table(_ path: String, _ outcome: ReplicationOutcome, _ evaluation: Evaluation) -> String {
        let f = BaselineTests.f
        var lines = ["== \(path): \(outcome.tickets.count) tickets, \(outcome.counts.faults) faults, open at horizon \(outcome.counts.openAtHorizon)",
                     "   tier      tickets outage dispatch accept restoration availMet credits expected"]
        for tier in evaluation.byTier {
            lines.append("   " + [tier.tier.padding(toLength: 9, withPad: " ", startingAt: 0), "\(tier.tickets)", "\(tier.outageTickets)",
                                  f(tier.dispatch.fraction), f(tier.accept.fraction),
                                  "\(f(tier.restoration.fraction)) (\(tier.restoration.met)/\(tier.restoration.applicable))",
                                  "\(tier.availabilityMet)/\(tier.circuitPeriods)",
                                  String(format: "%.0f", tier.credits), String(format: "%.0f", tier.expectedCredits)].joined(separator: " "))
        }
        lines.append("   totals: credits \(String(format: "%.0f", evaluation.totals.credits)) expected \(String(format: "%.0f", evaluation.totals.expectedCredits))")
        func band(_ bands: HourBands, _ hours: [Int]) -> String {
            let busy = hours.reduce(0.0) { $0 + bands.busyHours[$1] }
            let present = hours.reduce(0.0) { $0 + bands.presentHours[$1] }
            return present > 0 ? f(busy / present) : "-"
        }
        let day = Array(9...16), evening = Array(18...21), night = [23, 0, 1, 2, 3, 4, 5, 6, 7]
        for region in outcome.staff.crews {
            lines.append("   crews \(region.region): all \(f(region.bands.utilisation)) day \(band(region.bands, day)) "
                + "evening \(band(region.bands, evening)) night \(band(region.bands, night))")
        }
        lines.append("   agents: all \(f(outcome.staff.agents.utilisation)) day \(band(outcome.staff.agents, day)) night \(band(outcome.staff.agents, night))")
        let s = outcome.stages
        lines.append("   stages (min): detection \(f(s.detection.mean)) intake \(f(s.intake.mean)) crewWait \(f(s.crewWait.mean)) "
            + "callout \(f(s.callout.mean)) (n \(s.callout.count)) travel \(f(s.travel.mean)) repair \(f(s.repair.mean)) "
            + "confirmation \(f(s.confirmation.mean)) restoration \(f(s.restoration.mean))")
        let i = outcome.installs
        lines.append("   installs: ordered \(i.ordered) completed \(i.completed) appointment met \(i.appointmentMet) completion met \(i.completionMet)")
        lines.append("   counts: \(outcome.counts)")
        // Missed restorations of the strict tiers: by segment, crew kind and time of day of the report.
        for key in ["SLA-AA", "SLA-A"] {
            var missed: [String: Int] = [:]
            for judged in evaluation.tickets where judged.tier == key && judged.restoration == .missed {
                let detail = outcome.details[judged.index]
                let hour = Int((outcome.tickets[judged.index].reportedAt.seconds % 86_400) / 3600)
                let band = (9..<17).contains(hour) ? "day" : (17..<22).contains(hour) ? "evening" : "night"
                missed["\(detail.segment)/\(detail.crew.rawValue)/\(band)", default: 0] += 1
            }
            let top = missed.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key) \($0.value)" }
            lines.append("   \(key) missed: " + top.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
