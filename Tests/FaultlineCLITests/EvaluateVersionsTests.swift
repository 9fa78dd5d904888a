import Foundation
import Testing
import TestSupport

/// `faultline evaluate --rules` with a versioned rules file says which version judged how many tickets.
@Suite("evaluate: versioned rules")
struct EvaluateVersionsTests {
    @Test func theReportCountsTicketsAndCircuitPeriodsPerVersion() throws {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        try run.write(EvaluateRun.twoCircuits, to: "circuits.csv")
        // T-AT is reported 10 March, T-OVER 12 March: a version from 11 March judges only T-OVER.
        try run.write(EvaluateRun.twoTickets, to: "tickets.csv")
        try run.write(["versions:", "  - name: old", "    effective: 2026-01-01", "  - name: new", "    effective: 2026-03-11",
                       "    tiers: {SLA-AA: {restorationLimit: 100m}}"], to: "rules.yaml")
        let (result, json) = try run.runWithJSON(["--rules", "rules.yaml"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        // March starts before the new version: both March circuit-periods are the old version's.
        #expect(result.standardOutput.contains("old from 2026-01-01 judged 1 ticket and 2 circuit-periods; new from 2026-03-11 judged 1"),
                "\(result.standardOutput)")
        let versions = json.objects("rulesVersions").map { "\($0["name"]!) \($0["tickets"]!) \($0["circuitPeriods"]!)" }
        #expect(versions == ["old 1 2", "new 1 0"])
        // T-OVER (91 min) is judged by the new 100-minute limit: met; T-AT (90) by the old 90: met.
        #expect(json.objects("tickets").map { $0["restorationMet"] as? Bool } == [true, true])
    }
}
