import Calibration
import Fitting
import Foundation
import Scenario
import Testing

/// A log from a monitoring centre with one busy agent: the confirmations wait long, and the
/// fitted confirmation must be the agents' service, not service plus wait.
@Suite("Calibration service net of waiting")
struct ServiceNetOfWaitingTests {
    /// True confirmation work (lognormal, mean 8 min, sd 4 min).
    static let trueConfirmMean = 8.0

    /// One agent for about 21,000 tickets a year (intake, confirmation and fault reports, about
    /// 0.8 of an agent): a confirmation waits about 6 minutes on average. Progress updates take
    /// no work here (`0m`): the log does not show them, so their agents' time is the selection's
    /// remaining bias (docs/fit.md), kept out of this test.
    static let yaml = """
        name: busy-centre
        start: 2026-01-05
        horizon: 130d
        warmup: 10d
        seed: 31
        inventory:
          east-sdh: {product: sdh, tier: SLA-AA, grade: group, region: east, circuits: 8000, monthlyFee: 6000}
          east-vpn: {product: mpls-vpn, tier: SLA-A, grade: localA, region: east, circuits: 8000, monthlyFee: 2500}
          west-sdh: {product: sdh, tier: MQ-I, grade: localB, region: west, circuits: 4000, monthlyFee: 4000}
        faults:
          rates:
            sdh: {access: 0.6, metro: 0.2}
            mpls-vpn: {customerPremises: 0.5, access: 1.0}
        detection:
          proactive: {delay: "lognormal(mean: 30m, sd: 20m)"}
          customer: {delay: "lognormal(mean: 30m, sd: 20m)", offHoursDelay: "lognormal(mean: 30m, sd: 20m)"}
          accountManager: {delay: "lognormal(mean: 30m, sd: 20m)"}
        monitoringCentre:
          roster: [{shift: always, agents: 1}]
          intake: "exponential(mean: 3m)"
          confirm: "lognormal(mean: 8m, sd: 4m)"
          progressUpdate: 0m
        crews:
          east: {roster: [{shift: always, crews: 12}]}
          west: {roster: [{shift: always, crews: 6}]}
        travel: {default: 0m}
        repair:
          default: "lognormal(mean: 2h, sd: 1h)"
        escalation: none
        """

    @Test("the fitted confirmation's mean is the service mean within its 95 % interval, not service plus wait; the back-test agrees on dispatch")
    func confirmationNetOfTheAgentsWait() throws {
        let folder = try RoundTripFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = try RoundTripFixture.log(Self.yaml, folder: folder)
        let base = try Scenario.load(path: folder + "/truth.yaml")
        let calibration = try RoundTripFixture.calibrate(log, base: base)

        // The log's confirmation intervals, waits included: far above the service.
        let intervals = log.tickets.records.compactMap { ticket in
            ticket.confirmedAt.map { Double($0.seconds - ticket.repairedAt.seconds) / 60 }
        }
        let withWait = intervals.reduce(0, +) / Double(intervals.count)
        #expect(withWait > Self.trueConfirmMean * 1.5, "the agent is busy enough: mean interval \(withWait) min")

        let confirmation = try #require(calibration.duration(.confirmation))
        let fit = try #require(confirmation.written)
        #expect(confirmation.exact > 1_000 && confirmation.exact < intervals.count, "\(confirmation.exact) of \(intervals.count) begun with the agent free")
        let halfWidth = 1.96 * fit.sd / Double(confirmation.exact).squareRoot()
        #expect(abs(fit.mean - Self.trueConfirmMean) <= halfWidth,
                "fitted mean \(fit.mean) min, true service mean \(Self.trueConfirmMean) ± \(halfWidth); with the wait \(withWait)")

        let writer = ScenarioWriter(calibration: calibration, base: base, extendsPath: "truth.yaml",
                                    circuits: log.inventory.records, logName: "tickets.csv")
        let fitted = try Scenario.parse(yaml: writer.text(), file: "fitted.yaml", baseDirectory: folder)
        let backtest = Backtest.run(scenario: fitted, observed: log.evaluation, replications: 30, level: BacktestTests.familyLevel,
                                    period: .month, threads: nil)
        let dispatch = backtest.figures.filter { $0.name == .dispatchMet && $0.agrees != nil }
        #expect(dispatch.count == 3)
        #expect(dispatch.allSatisfy { $0.agrees == true },
                "dispatch: \(dispatch.map { "\($0.tier) \($0.observed ?? -1) in [\($0.lower ?? -1), \($0.upper ?? -1)]" })")
    }
}
