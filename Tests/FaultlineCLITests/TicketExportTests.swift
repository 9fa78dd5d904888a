import Foundation
import TestSupport
import Testing

/// `run --export-tickets --export-replication all`: every replication in one ticket log with a
/// `replication` column and times to the millisecond; one replication's rows, given to
/// `evaluate`, reproduce the figures the run judged for it.
@Suite struct TicketExportTests {
    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyReplicationInOneLogAndEachRoundTripsThroughEvaluate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(TestScenarios.smallYAML(), to: "small.yaml")
        let run = try FaultLineBinary.run([
            "run", scenario, "--replications", "3", "--export-tickets", folder.file("sim"), "--export-replication", "all",
            "--json", folder.file("run.json"),
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Replications 0–2: 330 circuits"))
        let exported = try #require(try Self.json(folder.file("run.json"))["exportedReplications"] as? [[String: Any]])
        #expect(exported.compactMap { $0["replication"] as? Int } == [0, 1, 2])

        let text = try String(contentsOfFile: folder.file("sim/tickets.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0]
        #expect(header.hasPrefix("replication,ticket_id,"))
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let replications = rows.map { $0[0] }
        #expect(replications == replications.sorted() && Set(replications) == ["0", "1", "2"], "in replication order")
        for (index, entry) in exported.enumerated() {
            #expect(replications.filter { $0 == "\(index)" }.count == entry["tickets"] as? Int, "replication \(index)'s rows")
        }
        let times = rows.flatMap { $0[3...8] + [$0[10]] }.filter { !$0.isEmpty }
        #expect(!times.isEmpty && times.allSatisfy { $0.range(of: #"T\d\d:\d\d:\d\d\.\d{3}$"#, options: .regularExpression) != nil })
        #expect(times.contains { !$0.hasSuffix(".000") }, "milliseconds are written, not zeros")

        // Replication 1 alone through evaluate.
        let one = [header] + lines.dropFirst().filter { $0.hasPrefix("1,") }
        try (one.joined(separator: "\n") + "\n").write(toFile: folder.file("one.csv"), atomically: true, encoding: .utf8)
        let evaluate = try FaultLineBinary.run([
            "evaluate", "--inventory", folder.file("sim/circuits.csv"), "--tickets", folder.file("one.csv"),
            "--json", folder.file("eval.json"),
        ])
        #expect(evaluate.exitCode == 0, "every row of one replication is accepted: \(evaluate.standardOutput)")
        let evaluated = try Self.json(folder.file("eval.json"))
        #expect((exported[1]["byTier"] as? NSDictionary) == (evaluated["byTier"] as? NSDictionary))
        #expect((exported[1]["totals"] as? NSDictionary) == (evaluated["totals"] as? NSDictionary))

        // The whole log: the other replications' rows are rejected with the reason.
        let whole = try FaultLineBinary.run([
            "evaluate", "--inventory", folder.file("sim/circuits.csv"), "--tickets", folder.file("sim/tickets.csv"),
        ])
        #expect(whole.exitCode == 1)
        #expect(whole.standardOutput.contains("evaluate judges one replication at a time"))
    }

    @Test func badSelectionGivesOneLineAndExitTwo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(TestScenarios.smallYAML(), to: "small.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--export-tickets", folder.file("x"), "--export-replication", "some"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--export-replication") && result.standardError.contains("`all`"))
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("x")))
    }
}
