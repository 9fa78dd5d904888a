import Calibration
import Foundation
import Scenario
import Testing

/// The back-test of a fitted scenario against the log it came from.
@Suite("Calibration back-test")
struct BacktestTests {
    /// Each figure at 1 − 0.05 / 21 (Bonferroni over 3 tiers × 7 figures), so that a right model
    /// agrees everywhere in 95 % of logs, not in 0.95²¹ ≈ 34 % of them.
    static let familyLevel = 0.998

    @Test("the fitted scenario agrees with its own log; repair twice as long is caught and blamed on field work")
    func agreesOnItsOwnLogAndCatchesSlowRepair() throws {
        let folder = try RoundTripFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = try RoundTripFixture.log(RoundTripFixture.yaml(days: 365, seed: 21, circuits: 400), folder: folder)
        let base = try Scenario.load(path: folder + "/truth.yaml")
        let calibration = try RoundTripFixture.calibrate(log, base: base)
        let writer = ScenarioWriter(calibration: calibration, base: base, extendsPath: "truth.yaml",
                                    circuits: log.inventory.records, logName: "tickets.csv")
        let text = writer.text()
        let fitted = try Scenario.parse(yaml: text, file: "fitted.yaml", baseDirectory: folder)
        let right = Backtest.run(scenario: fitted, observed: log.evaluation, replications: 30, level: Self.familyLevel,
                                 period: .month, threads: nil)
        #expect(right.figures.contains { $0.agrees != nil })
        #expect(right.disagreements.isEmpty, "disagree: \(right.disagreements.map { "\($0.tier) \($0.name)" })")

        let law = try #require(writer.law(.fieldWork))
        let slow = text.replacingOccurrences(of: "default: \"\(law)\"", with: "default: \"lognormal(mean: 4h, sd: 2h)\"")
        #expect(slow != text)
        let wrong = try Scenario.parse(yaml: slow, file: "slow.yaml", baseDirectory: folder)
        let caught = Backtest.run(scenario: wrong, observed: log.evaluation, replications: 30, level: Self.familyLevel,
                                  period: .month, threads: nil)
        #expect(!caught.disagreements.isEmpty)
        #expect(caught.disagreements.contains { $0.name == .restorationMet })
        #expect(caught.likelyStages.first == BacktestFigure.Name.restorationMet.stage)
    }
}
