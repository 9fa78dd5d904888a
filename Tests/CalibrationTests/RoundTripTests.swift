import Calibration
import Fitting
import Foundation
import Scenario
import Testing

/// A log simulated from known parameters, fitted: the parameters come back.
@Suite("Calibration round trip")
struct RoundTripTests {
    @Test("two years of a known scenario: every product's rate inside its interval, field work lognormal, means close")
    func recoversTheParameters() throws {
        let folder = try RoundTripFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = try RoundTripFixture.log(RoundTripFixture.yaml(days: 730, seed: 11), folder: folder)
        #expect(log.rejected.isEmpty, "the exported log reads back whole: \(log.rejected.prefix(3))")
        let calibration = try RoundTripFixture.calibrate(log, base: try Scenario.load(path: folder + "/truth.yaml"))
        #expect(abs(calibration.window.years - 2) < 0.01)
        for product in calibration.rates.products {
            let truth = try #require(RoundTripFixture.trueRates[product.name])
            #expect(product.lower <= truth && truth <= product.upper, "\(product.name): \(truth) outside [\(product.lower), \(product.upper)]")
            #expect(product.events > 500)
        }
        let fieldWork = try #require(calibration.duration(.fieldWork)?.comparison)
        let family = fieldWork.chosen.family
        #expect(family == .lognormal || fieldWork.nearTies.contains(.lognormal), "field work: \(family) chosen")
        #expect(abs(fieldWork.chosen.mean / RoundTripFixture.trueFieldWorkMean - 1) < 0.05)
        let detection = try #require(calibration.duration(.detection)?.comparison)
        #expect(abs(detection.chosen.mean / RoundTripFixture.trueDetectionMean - 1) < 0.05)
        #expect(calibration.profile.storms == nil, "a Poisson log needs no storms")
    }

    @Test("the written scenario loads through the scenario reader and carries the fitted rates")
    func writtenScenarioLoads() throws {
        let folder = try RoundTripFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = try RoundTripFixture.log(RoundTripFixture.yaml(days: 365, seed: 12, circuits: 400), folder: folder)
        let base = try Scenario.load(path: folder + "/truth.yaml")
        let calibration = try RoundTripFixture.calibrate(log, base: base)
        let writer = ScenarioWriter(calibration: calibration, base: base, extendsPath: "truth.yaml",
                                    circuits: log.inventory.records, logName: "tickets.csv")
        let text = writer.text()
        try text.write(toFile: folder + "/fitted.yaml", atomically: true, encoding: .utf8)
        let fitted = try Scenario.load(path: folder + "/fitted.yaml")
        for product in calibration.rates.products {
            let written = try #require(fitted.faults.rates[product.name]).total
            #expect(abs(written / product.rate - 1) < 1e-3, "\(product.name): \(written) written for \(product.rate)")
        }
        #expect(fitted.circuitCount == base.circuitCount)
        #expect(fitted.observedLength == base.observedLength)
        let repair = try #require(writer.law(.fieldWork))
        #expect(text.contains("default: \"\(repair)\""))
        // Every fitted line carries its audit comment.
        for line in text.split(separator: "\n") where line.contains("lognormal(") || line.contains("exponential(") {
            #expect(line.contains("#") || text.contains("# fault_start → reported_at"), "no comment: \(line)")
        }
    }
}
