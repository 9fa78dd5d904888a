import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// Small scenarios written as YAML, so the tests exercise the real scenario reader too.
enum Fixtures {
    /// Parses a scenario or fails the test with the reader's message.
    static func scenario(_ yaml: String) throws -> Scenario {
        do {
            return try Scenario.parse(yaml: yaml, file: "test.yaml")
        } catch {
            Issue.record("scenario did not parse: \(error)")
            throw error
        }
    }

    /// The M/M/c case: Poisson faults on the access segment of three untiered virtual-network
    /// classes whose customer grades give three priority classes (group, localA, localC);
    /// every delay but the exponential repair is 0; `crews` crews always on duty; no protection.
    /// Class k has `circuits[k]` circuits, each with `ratePerCircuitYear` faults a year. The
    /// matrix gives the classes restoration limits of 20 h, 24 h and 48 h, and their grades the
    /// after-sales levels VIP-SL1, VIP-SL2 and VIP-SL3. `escalation` replaces the short form.
    static func queueingYAML(
        circuits: [Int], ratePerCircuitYear: Double, crews: Int, repairMean: Int, days: Int,
        escalationFraction: Double = 1, installsPerDay: Double = 0, dispatch: DispatchPolicy = .tierPriority,
        escalation: String? = nil, onCall: Int = 0
    ) -> String {
        let grades = ["group", "localA", "localC"]
        let rows = circuits.indices.map { index in
            "  class\(index): {product: virtual-network, grade: \(grades[index]), region: r, "
                + "circuits: \(circuits[index]), monthlyFee: 100, networkGrade: N}"
        }
        return """
        name: mmc
        start: 2026-01-05
        horizon: \(days)d
        warmup: 10d
        seed: 11
        inventory:
        \(rows.joined(separator: "\n"))
        faults:
          rates:
            virtual-network: {access: \(ratePerCircuitYear)}
        detection:
          proactive: {delay: 0m}
          customer: {delay: 0m, offHoursDelay: 0m}
          accountManager: {share: 0, delay: 0m}
        monitoringCentre:
          roster: [{shift: always, agents: 2}]
          intake: 0m
          confirm: 0m
        crews:
          r: \(onCall > 0 ? "{roster: [{shift: always, crews: \(crews), onCall: \(onCall)}], callout: 30m}"
                          : "{roster: [{shift: always, crews: \(crews)}]}")
        travel: {r: 0m}
        repair:
          access: "exponential(mean: \(repairMean)m)"
        escalation: \(escalation ?? "{atFractionOfLimit: \(escalationFraction)}")
        dispatch: {policy: \(dispatch.rawValue)}
        installs: {perDay: \(installsPerDay), work: 2h}
        """
    }
}

extension ReplicationOutcome {
    /// Minutes between two wall-clock instants.
    static func minutes(_ from: WallTime, _ to: WallTime) -> Double {
        Double(to.seconds - from.seconds) / 60
    }
}
