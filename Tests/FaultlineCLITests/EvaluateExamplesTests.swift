import Foundation
import Testing
import TestSupport

/// `faultline evaluate` on the committed examples/ (the README walkthrough).
@Suite("evaluate: examples/")
struct EvaluateExamplesTests {
    static let examples = ["--inventory", "examples/circuits.csv", "--tickets", "examples/tickets.csv"]

    func runOnExamples(_ extra: [String]) throws -> CommandResult {
        try FaultLineBinary.run(["evaluate"] + Self.examples + extra, in: EvaluateRun.root)
    }

    @Test func everyRowIsEvaluatedOrRejectedAndRejectionsGiveExitCodeOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runOnExamples(["--json", folder.file("out.json")])
        #expect(result.exitCode == 1)
        let rows = try EvaluateRun.readJSON(folder.file("out.json")).object("rows")
        let rejected = rows.objects("rejected")
        #expect(rows.integer("read") == 466 && rows.integer("evaluated") == 455 && rejected.count == 11)
        #expect(rows.integer("read") == (rows.integer("evaluated") ?? 0) + rejected.count)
        #expect(rejected.first.map { "\($0["file"]!):\($0["line"]!)" } == "examples/circuits.csv:88")
        #expect(result.standardOutput.contains("examples/tickets.csv:373: accepted_at 2026-12-07T10:10:00 is before dispatched_at 2026-12-07T10:20:00"))
        #expect(result.standardOutput.contains("Rows: 466 read = 455 evaluated + 11 rejected"))
    }

    @Test func summaryOnlyOmitsThePerTicketAndPerCircuitTables() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runOnExamples(["--json", folder.file("full.json")])
        _ = try runOnExamples(["--json", folder.file("summary.json"), "--summary-only"])
        let full = try EvaluateRun.readJSON(folder.file("full.json"))
        let summary = try EvaluateRun.readJSON(folder.file("summary.json"))
        #expect(full.objects("tickets").count == 369 && !full.objects("circuitPeriods").isEmpty)
        #expect(summary["tickets"] == nil && summary["circuitPeriods"] == nil)
        #expect(Set(summary.keys) == ["command", "notes", "inputs", "periods", "rows", "byTier", "totals"])
    }

    @Test func csvFolderIsCreatedWithEveryTable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.file("new/out")
        let result = try runOnExamples(["--csv", target])
        #expect(result.exitCode == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(names == ["by-tier.csv", "circuit-periods.csv", "rejected.csv", "tickets.csv"])
        let rejected = try String(contentsOfFile: target + "/rejected.csv", encoding: .utf8).split(separator: "\n")
        #expect(rejected.count == 12 && rejected.first == "file,line,reason")
        let tickets = try String(contentsOfFile: target + "/tickets.csv", encoding: .utf8).split(separator: "\n")
        #expect(tickets.count == 370)
        let byTier = try String(contentsOfFile: target + "/by-tier.csv", encoding: .utf8)
        #expect(byTier.hasPrefix("tier,tickets,outage_tickets,") && byTier.contains("\nSLA-AAA,36,"))
    }

    @Test func theSameInputGivesByteIdenticalJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runOnExamples(["--json", folder.file("one.json")])
        _ = try runOnExamples(["--json", folder.file("two.json")])
        let one = FileManager.default.contents(atPath: folder.file("one.json"))
        #expect(one != nil && one == FileManager.default.contents(atPath: folder.file("two.json")))
    }

    /// Pinned summary of the walkthrough data; regenerate with FAULTLINE_UPDATE_GOLDEN=1 after an
    /// intended change of the rules or the examples, and review the diff.
    @Test func summaryOfTheExamplesIsPinned() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runOnExamples(["--json", folder.file("summary.json"), "--summary-only"])
        let text = try String(contentsOfFile: folder.file("summary.json"), encoding: .utf8)
        let mismatch = GoldenFile.mismatch(text, named: "evaluate-examples-summary.json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
