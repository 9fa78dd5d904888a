import Calibration
import Foundation
import RepairModel
import Scenario
import ServiceRules
import TicketLog

/// A scenario whose parameters the tests chose, simulated and exported as `run --export-tickets`
/// writes a log, then read back exactly as `evaluate` reads it.
enum RoundTripFixture {
    /// True fault rates per circuit-year (all segments together) by product.
    static let trueRates = ["sdh": 0.8, "mpls-vpn": 1.5]
    /// True mean field work (all on site, no travel, crews never short), minutes.
    static let trueFieldWorkMean = 120.0
    /// True mean detection delay (every channel alike), minutes.
    static let trueDetectionMean = 30.0

    /// The truth: two products, three classes, flat profile, no storms, ample crews.
    static func yaml(days: Int, seed: Int, repair: String = "lognormal(mean: 2h, sd: 1h)", circuits: Int = 1_000) -> String {
        """
        name: truth
        start: 2026-01-05
        horizon: \(days + 10)d
        warmup: 10d
        seed: \(seed)
        inventory:
          east-sdh: {product: sdh, tier: SLA-AA, grade: group, region: east, circuits: \(circuits), monthlyFee: 6000}
          east-vpn: {product: mpls-vpn, tier: SLA-A, grade: localA, region: east, circuits: \(circuits), monthlyFee: 2500}
          west-sdh: {product: sdh, tier: MQ-I, grade: localB, region: west, circuits: \(circuits / 2), monthlyFee: 4000}
        faults:
          rates:
            sdh: {access: 0.6, metro: 0.2}
            mpls-vpn: {customerPremises: 0.5, access: 1.0}
        detection:
          proactive: {delay: "lognormal(mean: 30m, sd: 20m)"}
          customer: {delay: "lognormal(mean: 30m, sd: 20m)", offHoursDelay: "lognormal(mean: 30m, sd: 20m)"}
          accountManager: {delay: "lognormal(mean: 30m, sd: 20m)"}
        monitoringCentre:
          roster: [{shift: always, agents: 6}]
          intake: "exponential(mean: 3m)"
          confirm: "exponential(mean: 5m)"
        crews:
          east: {roster: [{shift: always, crews: 12}]}
          west: {roster: [{shift: always, crews: 6}]}
        travel: {default: 0m}
        repair:
          default: "\(repair)"
        escalation: none
        """
    }

    /// One replication of `yaml`, exported and read back: the accepted circuits and tickets.
    static func log(_ yaml: String, folder: String) throws -> EvaluationOutcome {
        let scenario = try Scenario.parse(yaml: yaml, file: "truth.yaml", baseDirectory: folder)
        let outcome = RepairSimulation(scenario: scenario, replication: 0).run()
        let circuits = folder + "/circuits.csv", tickets = folder + "/tickets.csv"
        try Data(TicketLogWriter.circuitsFile(outcome.circuits)).write(to: URL(fileURLWithPath: circuits))
        try Data(TicketLogWriter.ticketsFile(outcome.ticketLog)).write(to: URL(fileURLWithPath: tickets))
        try yaml.write(toFile: folder + "/truth.yaml", atomically: true, encoding: .utf8)
        return try EvaluationOutcome.judge(inventoryPath: circuits, ticketsPath: tickets, catalogue: scenario.catalogue, period: .month)
    }

    /// The calibration of a log read back, with the scenario it was simulated from as the base.
    static func calibrate(_ log: EvaluationOutcome, base: Scenario, bootstrap: Int = 0) throws -> Calibration {
        var options = CalibrationOptions()
        options.bootstrapSamples = bootstrap
        options.dimensions = [.product, .tier]
        return try Calibration.fit(circuits: log.inventory.records, tickets: log.tickets.records,
                                   base: base, options: options)
    }

    /// A fresh temporary folder.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("faultline-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
