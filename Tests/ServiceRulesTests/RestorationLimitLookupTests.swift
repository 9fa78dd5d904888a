import ServiceRules
import Testing

/// `RuleCatalogue.restorationLimit(for:)`: the public face of the engine's own limit lookup.
@Suite struct RestorationLimitLookupTests {
    let catalogue = RuleCatalogue.builtIn

    @Test(arguments: [("SLA-AAA", "sdh", 60), ("SLA-AAA", "mpls-vpn", 60), ("SLA-AA", "sdh", 90),
                      ("SLA-AA", "mpls-vpn", 120), ("SLA-A", "lan-dedicated", 180), ("SLA-A", "mpls-vpn", 240),
                      ("QLC", "sdh", 360)])
    func tiersWithTheirVPNVariant(tier: String, product: String, minutes: Int64) {
        #expect(catalogue.restorationLimit(for: circuit(tier: tier, product: product)) == .minutes(minutes))
    }

    @Test func theCircuitsOwnVPNFlagOverridesTheProduct() {
        #expect(catalogue.restorationLimit(for: circuit(tier: "SLA-AA", product: "sdh", vpn: true)) == .minutes(120))
        #expect(catalogue.restorationLimit(for: circuit(tier: "SLA-AA", product: "mpls-vpn", vpn: false)) == .minutes(90))
    }

    @Test func untieredCircuitsUseTheMatrixThenTheFallbackTier() {
        let voice = circuit(tier: nil, product: "virtual-network", grade: .localB)
        #expect(catalogue.restorationLimit(for: voice) == .hours(48))
        #expect(catalogue.restorationLimit(for: circuit(tier: nil, product: "it-services")) == .workingDays(3))
        #expect(catalogue.restorationLimit(for: circuit(tier: nil, product: "sdh")) == .minutes(360))
    }

    /// The lookup is the engine's: every case agrees with the limit a judged ticket reports.
    @Test(arguments: [("SLA-AA", "mpls-vpn"), ("SLA-A", "sdh"), (nil, "virtual-network"), (nil, "it-services"),
                      (nil, "xdsl"), ("MQ-II", "lan-dedicated")] as [(String?, String)])
    func agreesWithTheEngine(tier: String?, product: String) {
        let line = circuit(tier: tier, product: product, grade: .localB)
        let judged = evaluate([line], [outage("T1", start: "2026-03-02T09:00", minutes: 1)]).tickets[0]
        let engine = RuleEngine(catalogue: catalogue)
        let workingDay = Double(engine.catalogue.calendars.first?.workingDayLength ?? 0) / 60
        switch catalogue.restorationLimit(for: line) {
        case .calendar(let seconds):
            #expect(judged.restorationClock == .calendar)
            #expect(judged.restorationLimitMinutes == Double(seconds) / 60)
        case .workingDays(let days):
            #expect(judged.restorationClock == .working)
            #expect(judged.restorationLimitMinutes == Double(days) * workingDay)
        }
    }
}
