import Foundation
import TestSupport
import Testing

/// `faultline staff` as a user runs it: bad targets, the files it writes, determinism, and the
/// scenario it writes for `faultline run`.
@Suite struct StaffCommandTests {
    /// A monitoring-centre queue (0.5 tickets a minute, 5-minute intakes, every repair remote),
    /// three observed days so debug builds stay quick.
    static let centre = TestScenarios.centreOnlyYAML(days: 3, seed: 3)

    @Test(arguments: [
        (["--target", "dispatch = 0.9"], "--target «dispatch = 0.9»: expected METRIC"),
        (["--target", "SLA-AA.restore >= 0.9"], "--target «SLA-AA.restore >= 0.9»: «SLA-AA.restore»: unknown measure"),
        (["--target", "dispatch >= lots"], "--target «dispatch >= lots»: expected a number"),
        ([], "--target: give at least one target"),
        (["--target", "dispatch >= 0.9", "--confidence", "1.5"], "--confidence must be between"),
        (["--target", "dispatch >= 0.9", "--replications", "0"], "The value '0' is invalid for '--replications <count>': must be a whole number ≥ 1"),
    ])
    func badOptionsGiveOneLineAndExitTwo(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.centre, to: "centre.yaml")
        let result = try FaultLineBinary.run(["staff", scenario] + arguments)
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("faultline: error: \(message)"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardOutput.isEmpty)
    }

    @Test func writesReportsDeterministicallyAndAScenarioRunCanRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.centre, to: "centre.yaml")
        for threads in ["1", "2"] {
            let result = try FaultLineBinary.run([
                "staff", scenario, "--target", "dispatch >= 0.9", "--replications", "3", "--verify-replications", "4",
                "--threads", threads, "--omit-timing", "--json", folder.file("t\(threads).json"), "--csv", folder.file("csv"),
                "--write-scenario", folder.file("staffed.yaml"),
            ])
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("Compliance against staff cost"))
            #expect(result.standardOutput.contains("every target holds on 4 fresh replications"))
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("t1.json")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("t2.json")))
        #expect(!one.isEmpty && one == two)
        let document = try #require(try JSONSerialization.jsonObject(with: one) as? [String: Any])
        let staffing = try #require(document["staffing"] as? [[String: Any]])
        let agents = try #require(staffing.first { $0["group"] as? String == "agents" })
        let recommended = try #require(agents["recommended"] as? Int)
        #expect((3...5).contains(recommended), "Erlang C says 4 agents; got \(recommended)")
        #expect((document["curve"] as? [Any])?.isEmpty == false)
        for name in ["staffing.csv", "costs.csv", "targets.csv", "curve.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.file("csv/\(name)")), "\(name)")
        }
        let staffed = try String(contentsOfFile: folder.file("staffed.yaml"), encoding: .utf8)
        #expect(staffed.contains("extends: \"centre.yaml\""))
        #expect(staffed.contains("{shift: \"always\", agents: \(recommended)}"))
        let run = try FaultLineBinary.run(["run", folder.file("staffed.yaml"), "--replications", "2"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("centre-only-staffed"))
    }
}
