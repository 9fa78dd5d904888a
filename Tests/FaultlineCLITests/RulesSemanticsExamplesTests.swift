import Foundation
import Testing
import TestSupport

/// The worked examples of docs/rules-semantics.md: `faultline evaluate` on docs/examples/ must
/// give every figure the page quotes. The expected values are the page's own arithmetic (fee ×
/// band share, started hours × 1/30, minutes ÷ minutes in the month), not pinned output.
@Suite("docs/rules-semantics.md worked examples")
struct RulesSemanticsExamplesTests {
    static let inputs = ["--inventory", "docs/examples/circuits.csv", "--tickets", "docs/examples/tickets.csv"]

    /// Runs evaluate on the examples from the repository root and returns its JSON.
    func evaluate(_ extra: [String] = []) throws -> (CommandResult, [String: Any]) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try FaultLineBinary.run(
            ["evaluate"] + Self.inputs + ["--json", folder.file("out.json")] + extra, in: EvaluateRun.root)
        return (result, try EvaluateRun.readJSON(folder.file("out.json")))
    }

    /// The circuit-period record of `circuit` in `period`.
    func period(_ json: [String: Any], _ circuit: String, _ period: String) -> [String: Any] {
        json.objects("circuitPeriods").first { $0["circuit"] as? String == circuit && $0["period"] as? String == period } ?? [:]
    }

    /// The ticket record with id `ticket`.
    func ticket(_ json: [String: Any], _ ticket: String) -> [String: Any] {
        json.objects("tickets").first { $0["ticket"] as? String == ticket } ?? [:]
    }

    /// Money figures agree to a thousandth of a currency unit (they are sums of fee shares).
    func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-3
    }

    @Test func everyRowIsEvaluatedOverMarchAndApril() throws {
        let (result, json) = try evaluate()
        #expect(result.exitCode == 0)
        #expect(json.object("rows").integer("read") == 24 && json.object("rows").integer("rejectedCount") == 0)
        let periods = json.object("periods")
        #expect(periods["first"] as? String == "2026-03" && periods["last"] as? String == "2026-04")
    }

    @Test func example1AtTheLimitIsMetAndOneMinuteOverIsMissed() throws {
        let (_, json) = try evaluate()
        let edge = ticket(json, "T-EDGE"), over = ticket(json, "T-OVER")
        for check in ["dispatchMet", "acceptMet", "restorationMet", "confirmationMet"] {
            #expect(edge[check] as? Bool == true, "T-EDGE \(check)")
            #expect(over[check] as? Bool == false, "T-OVER \(check)")
        }
        #expect(edge.number("restorationMinutes") == 90 && over.number("restorationMinutes") == 91)
        let edgeMarch = period(json, "AA-EDGE", "2026-03"), overMarch = period(json, "AA-OVER", "2026-03")
        #expect(edgeMarch.number("outageMinutes") == 95 && overMarch.number("outageMinutes") == 96)
        #expect(close(edgeMarch.number("credit"), 0.25 * 3000))
        #expect(close(overMarch.number("credit"), 0.25 * 3000 + 3000.0 / 30))
        let planned = ticket(json, "T-PLANNED")
        #expect(planned["excluded"] as? Bool == true && planned["restorationMet"] is NSNull)
    }

    @Test func example2VPNProductTakesTheTiersVPNLimit() throws {
        let vpn = ticket(try evaluate().1, "T-VPN")
        #expect(vpn.number("restorationLimitMinutes") == 120 && vpn["limitSource"] as? String == "tierVPN")
        #expect(vpn.number("restorationMinutes") == 110 && vpn["restorationMet"] as? Bool == true)
        #expect(close(period(try evaluate().1, "AA-VPN", "2026-03").number("credit"), 0.25 * 3000))
    }

    @Test func example3OutageAcrossTheMonthEndIsSplitAndExactlyTheTargetIsMet() throws {
        let (_, json) = try evaluate()
        let march = period(json, "A-MONTHEND", "2026-03"), april = period(json, "A-MONTHEND", "2026-04")
        #expect(march.number("outageMinutes") == 60 && march["availabilityMet"] as? Bool == false)
        #expect(close(march.number("credit"), 0.10 * 2400))
        #expect(abs((april.number("outageMinutes") ?? 0) - 43.2) < 1e-9)
        #expect(abs((april.number("availability") ?? 0) - 0.999) < 1e-12)
        #expect(april["availabilityMet"] as? Bool == true && close(april.number("credit"), 0))
    }

    @Test func example3PerQuarterTheSameOutageMeetsTheTarget() throws {
        let (_, json) = try evaluate(["--period", "quarter"])
        let first = period(json, "A-MONTHEND", "2026-Q1"), second = period(json, "A-MONTHEND", "2026-Q2")
        #expect(abs((first.number("availability") ?? 0) - (1 - 60.0 / (90 * 1440))) < 1e-12)
        #expect(abs((second.number("availability") ?? 0) - (1 - 43.2 / (91 * 1440))) < 1e-12)
        #expect(first["availabilityMet"] as? Bool == true && second["availabilityMet"] as? Bool == true)
        #expect(close(first.number("credit"), 0) && close(second.number("credit"), 0))
    }

    @Test func example4RepeatExactlyAtTheWindowCountsInTheLaterMonth() throws {
        let (_, json) = try evaluate()
        #expect(ticket(json, "T-AGAIN")["repeat"] as? Bool == true && ticket(json, "T-FIRST")["repeat"] as? Bool == false)
        #expect(period(json, "A-REPEAT", "2026-03").integer("repeatViolations") == 0)
        let april = period(json, "A-REPEAT", "2026-04")
        #expect(april.integer("repeatViolations") == 1 && april["availabilityMet"] as? Bool == true)
        #expect(close(april.number("credit"), 0.05 * 2400))
    }

    @Test func example5TheCapHoldsPerMonthButNotPerQuarter() throws {
        let march = period(try evaluate().1, "AAA-CAP", "2026-03")
        #expect(march.number("outageMinutes") == 600 && close(march.number("credit"), 9000))
        let quarter = period(try evaluate(["--period", "quarter"]).1, "AAA-CAP", "2026-Q1")
        #expect(close(quarter.number("credit"), (0.25 + 9.0 / 30) * 9000))
    }

    @Test func example6FaultReportDueOneWorkingDayLater() throws {
        let (_, json) = try evaluate()
        #expect(ticket(json, "T-FRI")["faultReportMet"] as? Bool == true)
        #expect(ticket(json, "T-SAT")["faultReportMet"] as? Bool == false)
        #expect(close(period(json, "AAA-FRI", "2026-03").number("credit"), 0.10 * 9000))
    }

    @Test func example7ThreeWorkingDaysAcrossAWeekendAndUntieredWithoutAvailability() throws {
        let (_, json) = try evaluate()
        let ict = ticket(json, "T-ICT")
        #expect(ict["restorationClock"] as? String == "working" && ict["limitSource"] as? String == "repairLimitMatrix")
        #expect(ict.number("restorationMinutes") == 27 * 60 && ict.number("restorationLimitMinutes") == 27 * 60)
        #expect(ict["restorationMet"] as? Bool == true && ict["tier"] as? String == "untiered")
        #expect(period(json, "ICT-WD", "2026-03").isEmpty)
        let untiered = json.object("byTier").object("untiered")
        #expect(untiered.integer("tickets") == 1 && untiered.integer("circuitPeriods") == 0)
    }

    @Test func example8PaymentModes() throws {
        let (_, json) = try evaluate()
        let mq = period(json, "MQ-BAND", "2026-03")
        #expect(close(mq.number("credit"), 0.05 * 4000) && close(mq.number("expectedCredit"), 0.05 * 4000 * 0.5))
        let qlc = period(json, "QLC-NONE", "2026-03")
        #expect(qlc["availabilityMet"] as? Bool == false && close(qlc.number("credit"), 0))
        let remote = ticket(json, "T-QLC")
        #expect(remote["limitSource"] as? String == "fallbackTier" && remote["restorationMet"] as? Bool == false)
        #expect(remote["dispatchMet"] is NSNull && remote["acceptMet"] is NSNull)
    }

    @Test func totalsAreTheSumOfTheExamples() throws {
        let totals = try evaluate().1.object("totals")
        #expect(close(totals.number("credits"), 750 + 850 + 750 + 240 + 120 + 9000 + 900 + 900 + 200))
        #expect(close(totals.number("expectedCredits"), 13_710 - 100))
        #expect(totals.integer("circuitPeriods") == 20 && totals.integer("availabilityMet") == 11)
        #expect(totals.integer("repeatViolations") == 1)
    }
}
