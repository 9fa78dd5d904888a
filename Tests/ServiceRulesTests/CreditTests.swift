import ServiceRules
import Testing

@Suite struct CreditTests {
    @Test func availabilityBandAndRestorationOverrun() throws {
        // 100 min down in March: availability 1 − 100/44640 = 0.99776 → band below 99.8 % → 25 %;
        // restoration 100 − 90 = 10 min over → 1 started hour × 1/30.
        let march = try #require(evaluate([circuit()], [outage("T1", start: "2026-03-02T09:00", minutes: 100)])
            .period("C1", "2026-03"))
        #expect(isClose(march.credit, 250 + 1000.0 / 30))
        #expect(isClose(march.expectedCredit, march.credit))
    }

    @Test func availabilityExactlyAtABandEdgeIsInTheHigherBand() throws {
        // April has 43 200 min; 43.2 min down is exactly 99.9 %: SLA-A's target is met, no band.
        let line = circuit(tier: "SLA-A")
        let edge = try #require(evaluate([line], [outage("T1", start: "2026-04-02T09:00", seconds: 2592)])
            .period("C1", "2026-04"))
        #expect(edge.availabilityMet)
        #expect(edge.credit == 0)
        let below = try #require(evaluate([line], [outage("T1", start: "2026-04-02T09:00", seconds: 2593)])
            .period("C1", "2026-04"))
        #expect(!below.availabilityMet)
        #expect(isClose(below.credit, 100))
    }

    @Test func repeatFaultCredit() throws {
        // Two 10-minute outages in April on SLA-A: availability 0.99954 ≥ 99.9 %, one repeat → 5 %.
        let tickets = [outage("T1", start: "2026-04-02T09:00", minutes: 10),
                       outage("T2", start: "2026-04-12T09:00", minutes: 10)]
        let april = try #require(evaluate([circuit(tier: "SLA-A", fee: 2000)], tickets).period("C1", "2026-04"))
        #expect(april.repeatViolations == 1)
        #expect(isClose(april.credit, 100))
    }

    func customCatalogue(_ terms: [CreditTerm], cap: Double = 1) -> RuleCatalogue {
        var catalogue = RuleCatalogue.builtIn
        catalogue.tiers.append(ServiceTier(
            key: "CUSTOM", family: .slaCommitment, availabilityTarget: 0.5, networkGrade: "N",
            restorationLimit: .minutes(600), payment: .strict,
            credits: CreditSchedule(terms: terms, capShare: cap)))
        return catalogue
    }

    @Test func outageDurationBandsAndPerStartedHour() throws {
        let bands = [DurationBand(fromSeconds: 0, belowSeconds: 3600, share: 0.02),
                     DurationBand(fromSeconds: 3600, belowSeconds: 14_400, share: 0.05),
                     DurationBand(fromSeconds: 14_400, belowSeconds: nil, share: 0.10)]
        let catalogue = customCatalogue([.outageDurationBands(bands), .perStartedHour(share: 0.01)])
        // 30 min → 2 %, 61 min → 5 %; 91 min cumulative → 2 started hours → 2 %: 9 % of 1000.
        let tickets = [outage("T1", start: "2026-03-02T09:00", minutes: 30),
                       outage("T2", start: "2026-03-03T09:00", minutes: 61)]
        let march = try #require(evaluate([circuit(tier: "CUSTOM")], tickets, catalogue: catalogue)
            .period("C1", "2026-03"))
        #expect(isClose(march.credit, 90))
        // Exactly 60 min lies in the second band: 5 % + 1 started hour 1 %.
        let edge = try #require(evaluate([circuit(tier: "CUSTOM")], [outage("T1", start: "2026-03-02T09:00", minutes: 60)],
                                         catalogue: catalogue).period("C1", "2026-03"))
        #expect(isClose(edge.credit, 60))
        // A 5-hour outage: 10 % + 5 hours.
        let long = try #require(evaluate([circuit(tier: "CUSTOM")], [outage("T1", start: "2026-03-02T09:00", minutes: 300)],
                                         catalogue: catalogue).period("C1", "2026-03"))
        #expect(isClose(long.credit, 150))
    }

    @Test func perTicketTermsCountInThePeriodOfFaultStart() throws {
        let catalogue = customCatalogue([.restorationOverrun(sharePerStartedHour: 0.1)])
        // 11 h outage from Mar 31 20:00: limit 10 h, 1 h over → 10 %, all in March.
        let result = evaluate([circuit(tier: "CUSTOM")], [outage("T1", start: "2026-03-31T20:00", minutes: 660)],
                              catalogue: catalogue)
        #expect(isClose(try #require(result.period("C1", "2026-03")).credit, 100))
        #expect(try #require(result.period("C1", "2026-04")).credit == 0)
    }

    @Test func creditIsCappedAtTheMonthlyFee() throws {
        let march = try #require(evaluate([circuit()], [outage("T1", start: "2026-03-02T09:00", minutes: 5 * 1440)])
            .period("C1", "2026-03"))
        #expect(march.credit == 1000)
        let halfCap = customCatalogue([.perStartedHour(share: 0.5)], cap: 0.6)
        let capped = try #require(evaluate([circuit(tier: "CUSTOM")], [outage("T1", start: "2026-03-02T09:00", minutes: 180)],
                                           catalogue: halfCap).period("C1", "2026-03"))
        #expect(isClose(capped.credit, 600))
    }

    @Test func negotiableTiersExpectHalfTheLiability() throws {
        // MQ-II: AA bands halved; 100 min in March → 12.5 % of 1000; expected × 0.5.
        let result = evaluate([circuit(tier: "MQ-II")], [outage("T1", start: "2026-03-02T09:00", minutes: 100)])
        let march = try #require(result.period("C1", "2026-03"))
        #expect(isClose(march.credit, 125))
        #expect(isClose(march.expectedCredit, 62.5))
        #expect(isClose(result.summary("MQ-II").credits, 125))
        #expect(isClose(result.totals.expectedCredits, 62.5))
    }

    @Test func qlcPaysNothing() throws {
        let march = try #require(evaluate([circuit(tier: "QLC")], [outage("T1", start: "2026-03-02T09:00", minutes: 5 * 1440)])
            .period("C1", "2026-03"))
        #expect(!march.availabilityMet)
        #expect(march.credit == 0 && march.expectedCredit == 0)
    }
}
