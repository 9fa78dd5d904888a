import Calibration
import Foundation
import Testing

/// The rate intervals' coverage over many simulated logs.
@Suite("Calibration rate coverage")
struct CoverageTests {
    /// 24 seeds × 2 products = 48 intervals of nominal 95 % (Garwood's is conservative): at
    /// least 42 must hold the true rate. Below that, P < 0.01 for a true coverage of 95 %.
    @Test("the products' 95 % intervals hold the true rate in at least 42 of 48 logs")
    func coverageOverSeeds() throws {
        var held = 0, total = 0
        for seed in 100..<124 {
            let folder = try RoundTripFixture.folder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let log = try RoundTripFixture.log(RoundTripFixture.yaml(days: 365, seed: seed, circuits: 60), folder: folder)
            let window = try ObservationWindow(circuits: log.inventory.records, tickets: log.tickets.records)
            let rates = try FaultRates(circuits: log.inventory.records, tickets: log.tickets.records, window: window,
                                       by: [.product], minimumEvents: 10)
            for product in rates.products {
                let truth = try #require(RoundTripFixture.trueRates[product.name])
                total += 1
                if product.lower <= truth && truth <= product.upper { held += 1 }
            }
        }
        #expect(total == 48)
        #expect(held >= 42, "\(held) of \(total) intervals hold the true rate")
    }
}
