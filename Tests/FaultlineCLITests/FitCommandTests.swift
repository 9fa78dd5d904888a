import Foundation
import Testing
import TestSupport

/// `faultline fit` through the binary: exit codes, files written or not.
@Suite("fit: command")
struct FitCommandTests {
    /// The examples: fitted, the scenario and its baseline written, the scenario valid, exit 1
    /// because the examples hold rejected rows (as `evaluate` exits on them).
    @Test func examplesWriteAValidScenario() throws {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        let examples = EvaluateRun.root + "/examples/"
        let result = try FaultLineBinary.run(["fit", "--inventory", examples + "circuits.csv", "--tickets", examples + "tickets.csv",
                                              "--bootstrap", "19", "--write-scenario", "fitted.yaml", "--json", "fit.json"], in: run.folder.path)
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("Rows: 466 read = 455 evaluated + 11 rejected"))
        #expect(run.bytes("fitted.yaml") != nil && run.bytes("baseline.yaml") != nil && run.bytes("fit.json") != nil)
        let validate = try FaultLineBinary.run(["validate", run.folder.file("fitted.yaml")])
        #expect(validate.exitCode == 0, "\(validate.standardOutput)\(validate.standardError)")
    }

    /// A window the tickets do not fall in: one line, exit 2, nothing written.
    @Test func ticketsOutsideTheInventorysDates() throws {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        try run.write([EvaluateRun.inventoryHeader + ",start,end", "C-AT,group,lan-dedicated,SLA-AA,3000,2026-01-01,2026-01-02"], to: "circuits.csv")
        try run.write([EvaluateRun.ticketHeader], to: "tickets.csv")
        let result = try FaultLineBinary.run(["fit", "--inventory", "circuits.csv", "--tickets", "tickets.csv",
                                              "--write-scenario", "fitted.yaml", "--json", "out.json"], in: run.folder.path)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("no ticket's fault_start lies inside the log's window"), "\(result.standardError)")
        #expect(run.bytes("fitted.yaml") == nil && run.bytes("out.json") == nil && run.bytes("baseline.yaml") == nil)
    }

    @Test func unknownClassAttribute() throws {
        let result = try FaultLineBinary.run(["fit", "--inventory", "a.csv", "--tickets", "b.csv", "--by", "product,colour"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--by") && result.standardError.contains("colour"), "\(result.standardError)")
    }
}
