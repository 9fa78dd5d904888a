import Foundation
import Testing
import TestSupport

/// The edge-case corpus's hand-worked verdicts (corpus/edge-cases/README.md), checked through
/// `faultline evaluate` and independently of its expected.json.
@Suite("rules check: edge-case corpus by hand")
struct EdgeCaseCorpusTests {
    static let corpus = "corpus/edge-cases"

    /// `evaluate` on the corpus (with its rules.yaml unless `withoutHolidays`): tickets by id
    /// and circuit-periods by `circuit period`.
    static func judged(withoutHolidays: Bool = false) throws -> (tickets: [String: [String: Any]], periods: [String: [String: Any]]) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rules = withoutHolidays ? [] : ["--rules", "\(corpus)/rules.yaml"]
        let result = try FaultLineBinary.run(
            ["evaluate", "--inventory", "\(corpus)/circuits.csv", "--tickets", "\(corpus)/tickets.csv", "--json", folder.file("out.json")] + rules,
            in: EvaluateRun.root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let json = try EvaluateRun.readJSON(folder.file("out.json"))
        let tickets = Dictionary(json.objects("tickets").map { ($0["ticket"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let periods = Dictionary(json.objects("circuitPeriods").map { ("\($0["circuit"]!) \($0["period"]!)", $0) },
                                 uniquingKeysWith: { a, _ in a })
        return (tickets, periods)
    }

    @Test func limitsAreMetExactlyAtTheLimitAndMissedOneMinuteOver() throws {
        let (tickets, periods) = try Self.judged()
        for check in ["dispatchMet", "acceptMet", "restorationMet", "confirmationMet"] {
            #expect(tickets["T01-AT-LIMIT"]?[check] as? Bool == true, "T01 \(check)")
            #expect(tickets["T02-ONE-OVER"]?[check] as? Bool == false, "T02 \(check)")
        }
        #expect(tickets["T03-VPN-AT-LIMIT"]?["restorationMet"] as? Bool == true)
        #expect(tickets["T03-VPN-AT-LIMIT"]?["limitSource"] as? String == "tierVPN")
        #expect(periods["E-AA-1 2026-03"]?.number("credit") == 750)
        #expect(periods["E-AA-2 2026-03"]?.number("credit") == 850)
    }

    @Test func theMonthEndOutageCountsInBothMonthsAndAprilIsExactlyAtTheTarget() throws {
        let (_, periods) = try Self.judged()
        #expect(periods["E-A-1 2026-03"]?.number("outageMinutes") == 60)
        #expect(periods["E-A-1 2026-03"]?.number("credit") == 240)
        #expect(periods["E-A-1 2026-04"]?.number("outageMinutes") == 43.2)
        #expect(periods["E-A-1 2026-04"]?["availabilityMet"] as? Bool == true)
    }

    @Test func repeatsAtTheWindowsEdgeOverlapsAndExclusions() throws {
        let (tickets, periods) = try Self.judged()
        #expect(tickets["T07-REPEAT-AT-WINDOW"]?["repeat"] as? Bool == true)
        #expect(tickets["T09-ONE-MINUTE-PAST"]?["repeat"] as? Bool == false)
        #expect(periods["E-A-2 2026-06"]?.number("credit") == 120)
        #expect(periods["E-A-4 2026-07"]?.number("outageMinutes") == 120)
        #expect(abs((periods["E-A-4 2026-07"]?.number("credit") ?? 0) - 360) < 1e-9)
        #expect(tickets["T12-EXCLUDED"]?["restorationMet"] is NSNull && tickets["T12-EXCLUDED"]?["dispatchMet"] is NSNull)
        #expect(tickets["T13-AFTER-EXCLUDED"]?["repeat"] as? Bool == false)
    }

    @Test func workingDaysCrossTheHolidayAndTheMakeUpDays() throws {
        let (tickets, _) = try Self.judged()
        #expect(tickets["T14-MAKEUP-REPORT"]?["faultReportMet"] as? Bool == false)
        #expect(tickets["T15-HOLIDAY-REPORT"]?["faultReportMet"] as? Bool == true)
        #expect(tickets["T16-ICT-MAKEUP"]?["restorationMet"] as? Bool == true)
        #expect(tickets["T16-ICT-MAKEUP"]?.number("restorationMinutes") == 1620)
        #expect(tickets["T17-ICT-ONE-OVER"]?["restorationMet"] as? Bool == false)
        // Without the holiday calendar each of these flips: the rules.yaml is what they test.
        let (plain, _) = try Self.judged(withoutHolidays: true)
        #expect(plain["T14-MAKEUP-REPORT"]?["faultReportMet"] as? Bool == true)
        #expect(plain["T15-HOLIDAY-REPORT"]?["faultReportMet"] as? Bool == false)
        #expect(plain["T16-ICT-MAKEUP"]?["restorationMet"] as? Bool == false)
    }

    @Test func untieredCircuitsCustomerTypesAndICTFeedback() throws {
        let (tickets, periods) = try Self.judged()
        #expect(tickets["T16-ICT-MAKEUP"]?["tier"] as? String == "untiered")
        #expect(tickets["T18-ICT-FEEDBACK-AT-DUE"]?["feedbackMet"] as? Bool == true)
        #expect(tickets["T19-ICT-FEEDBACK-LATE"]?["feedbackMet"] as? Bool == false)
        #expect(tickets["T16-ICT-MAKEUP"]?["feedbackMet"] is NSNull)
        #expect(tickets["T20-VOICE-UNTIERED"]?["tier"] as? String == "untiered")
        #expect(tickets["T20-VOICE-UNTIERED"]?["restorationMet"] as? Bool == true)
        #expect(periods["E-VOICE-1 2026-03"] == nil && periods["E-ICT-1 2026-10"] == nil)
        #expect(tickets["T21-XDSL-QLC"]?["tier"] as? String == "QLC")
        #expect(periods["E-XDSL-1 2026-03"]?["availabilityMet"] as? Bool == true)
        #expect(tickets["T22-800-BRAND"]?["restorationMet"] as? Bool == true)
        #expect(tickets["T22-800-BRAND"]?.number("restorationLimitMinutes") == 1440.0)
        #expect(tickets["T23-800-INDUSTRY"]?["restorationMet"] as? Bool == false)
        #expect(tickets["T24-800-NO-TYPE"]?.number("restorationLimitMinutes") == 720.0)
    }

    @Test func suspendedIntervalsStopTheRestorationClock() throws {
        let (tickets, periods) = try Self.judged()
        #expect(tickets["T25-SUSPENDED-AT-LIMIT"]?.number("restorationMinutes") == 180.0)
        #expect(tickets["T25-SUSPENDED-AT-LIMIT"]?["restorationMet"] as? Bool == true)
        #expect(periods["E-A-6 2026-07"]?.number("outageMinutes") == 210.0)
        #expect(periods["E-A-6 2026-07"]?.number("credit") == 600.0)
        #expect(tickets["T26-SUSPENDED-WEEKEND"]?.number("suspendedMinutes") == 90.0)
        #expect(tickets["T26-SUSPENDED-WEEKEND"]?.number("restorationMinutes") == 1590.0)
        #expect(tickets["T26-SUSPENDED-WEEKEND"]?["restorationMet"] as? Bool == true)
    }
}
