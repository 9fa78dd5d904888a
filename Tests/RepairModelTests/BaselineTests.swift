import Foundation
import RepairModel
import Scenario
import ServiceRules
import Testing

/// One replication of the built-in baseline is plausible. (Its speed is measured by the
/// Workflow benchmark, not here.)
@Suite struct BaselineTests {
    #if DEBUG
    static let optimised = false
    #else
    static let optimised = true
    #endif

    @Test(.enabled(if: optimised, "a year of ~38k circuits is for optimised builds (make test)"))
    func oneBaselineReplicationIsPlausible() {
        let scenario = Scenario.builtInBaseline
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let evaluation = outcome.evaluate(period: .month)
        print(Self.summary(outcome, evaluation))
        #expect(outcome.circuits.count == scenario.circuitCount)
        #expect(outcome.tickets.count > 10_000)
        #expect(evaluation.skipped.isEmpty)
        for region in outcome.staff.crews {
            #expect(region.bands.utilisation > 0.05 && region.bands.utilisation < 0.9, "\(region.region)")
        }
        let restoration = evaluation.byTier.reduce(into: (met: 0, applicable: 0)) {
            $0.met += $1.restoration.met
            $0.applicable += $1.restoration.applicable
        }
        let compliance = Double(restoration.met) / Double(restoration.applicable)
        #expect(compliance > 0.5 && compliance < 1, "restoration compliance \(compliance)")
    }

    static func summary(_ outcome: ReplicationOutcome, _ evaluation: Evaluation) -> String {
        var lines = ["baseline replication 0: \(outcome.tickets.count) tickets, "
                     + "\(outcome.counts.faults) faults, \(outcome.counts.openAtHorizon) open at horizon, "
                     + "counts \(outcome.counts)"]
        for tier in evaluation.byTier {
            lines.append("  \(tier.tier): tickets \(tier.tickets) outage \(tier.outageTickets) "
                + "dispatch \(f(tier.dispatch.fraction)) accept \(f(tier.accept.fraction)) "
                + "restoration \(f(tier.restoration.fraction)) (\(tier.restoration.met)/\(tier.restoration.applicable)) "
                + "confirm \(f(tier.confirmation.fraction)) availability met \(tier.availabilityMet)/\(tier.circuitPeriods)")
        }
        for region in outcome.staff.crews {
            let hours = region.bands.utilisationByHour.map { f($0) }.joined(separator: " ")
            lines.append("  crews \(region.region): utilisation \(f(region.bands.utilisation)); by hour \(hours)")
        }
        lines.append("  agents: utilisation \(f(outcome.staff.agents.utilisation))")
        let s = outcome.stages
        lines.append("  stage means (min): detection \(f(s.detection.mean)) intake \(f(s.intake.mean)) "
            + "crewWait \(f(s.crewWait.mean)) callout \(f(s.callout.mean)) (n \(s.callout.count)) travel \(f(s.travel.mean)) "
            + "repair \(f(s.repair.mean)) confirmation \(f(s.confirmation.mean)) restoration \(f(s.restoration.mean))")
        let i = outcome.installs
        lines.append("  installs: ordered \(i.ordered) assigned \(i.assigned) completed \(i.completed) "
            + "appointment met \(i.appointmentMet) completion met \(i.completionMet) mean wait \(f(i.appointmentMinutes.mean)) min")
        return lines.joined(separator: "\n")
    }

    static func f(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.3f", value)
    }
}
