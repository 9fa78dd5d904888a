import Foundation
import TestSupport
import Testing

/// `remoteEngineers:` through the command line: a scenario without the pool gives, byte for
/// byte, what it gave before the pool existed (the golden file was written by the binary of the
/// commit before the pool); one with the pool shows it in the report, the JSON and the staff
/// cost; a pool nobody staffs is refused.
@Suite struct RemoteEngineersCommandTests {
    static let withoutPool = """
        name: no-remote-pool
        description: A small city with remote fixes, escalation, on-call crews and installs, without remote-fix engineers.
        start: 2026-03-02
        horizon: 60d
        warmup: 5d
        replications: 3
        seed: 515
        inventory:
          a-sdh: {product: sdh, tier: SLA-AAA, grade: group, region: east, circuits: 200, monthlyFee: 12000}
          a-vpn: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: east, circuits: 600, monthlyFee: 3500}
          b-lan: {product: lan-dedicated, tier: MQ-II, grade: localB, region: west, circuits: 900, monthlyFee: 1500}
          b-dsl: {product: xdsl, grade: localC, region: west, circuits: 1500, monthlyFee: 300}
        faults:
          rates:
            sdh: {customerPremises: 0.4, access: 1.2, metro: 0.3}
            mpls-vpn: {customerPremises: 0.5, access: 1.5, metro: 0.3}
            lan-dedicated: {customerPremises: 0.6, access: 1.6}
            xdsl: {customerPremises: 1.0, access: 2.0}
        monitoringCentre:
          roster: [{shift: "00:00-08:00", agents: 1}, {shift: "08:00-16:00", agents: 2}, {shift: "16:00-24:00", agents: 1}]
        crews:
          east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 2}, {shift: "17:30-08:30", crews: 1, onCall: 1}], callout: "lognormal(mean: 30m, sd: 10m)"}
          west: {roster: [{shift: "always", crews: 2}]}
        travel: {default: "lognormal(mean: 25m, sd: 10m)"}
        repair:
          default: {remoteShare: 0.6, remote: "lognormal(mean: 20m, sd: 10m)", onSite: "lognormal(mean: 60m, sd: 30m)"}
        escalation: {atFractionOfLimit: 0.5}
        installs: {perDay: 4, work: "lognormal(mean: 2h, sd: 45m)"}
        costs: {crewHour: 180, agentHour: 90, onCallHour: 40}
        """

    static let pool = """

        remoteEngineers:
          roster: [{shift: "08:00-20:00", engineers: 2}, {shift: "20:00-08:00", engineers: 1}]
        """

    @Test func aScenarioWithoutThePoolIsUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.withoutPool, to: "no-pool.yaml")
        let result = try FaultLineBinary.run(["run", "no-pool.yaml", "--omit-timing", "--json", "run.json"], in: folder.path)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: folder.file("run.json"), encoding: .utf8)
        let mismatch = GoldenFile.mismatch(text, named: "run-without-remote-engineers.json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
        #expect(!text.contains("remoteEngineers"))
    }

    @Test func thePoolAppearsInTheReportTheJSONAndTheStaffCost() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = Self.withoutPool.replacingOccurrences(of: "costs: {crewHour: 180, agentHour: 90, onCallHour: 40}",
                                                         with: "costs: {crewHour: 180, agentHour: 90, onCallHour: 40, remoteEngineerHour: 100}")
            + Self.pool
        let scenario = try folder.write(yaml, to: "pool.yaml")
        let result = try FaultLineBinary.run(["run", scenario, "--omit-timing", "--json", folder.file("run.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("remote-engineer utilisation"))
        #expect(result.standardOutput.contains("remote engineers"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("run.json")))) as? [String: Any])
        let staff = try #require(json["staff"] as? [String: Any])
        let engineers = try #require(staff["remoteEngineers"] as? [String: Any])
        let utilisation = try #require((engineers["utilisation"] as? [String: Any])?["mean"] as? Double)
        #expect(utilisation > 0 && utilisation < 1)
        let waits = try #require(json["poolWaits"] as? [[String: Any]])
        let pool = try #require(waits.first { $0["pool"] as? String == "remoteEngineers" })
        #expect((pool["jobs"] as? Int ?? 0) > 0)
        // 2 engineers × 12 h + 1 × 12 h = 36 engineer-hours a day, 365 days, at 100 an hour.
        let cost = try #require(json["staffCost"] as? [String: Any])
        let lines = try #require(cost["lines"] as? [[String: Any]])
        let line = try #require(lines.first { $0["group"] as? String == "remoteEngineers" })
        #expect(abs((line["costPerYear"] as? Double ?? 0) - 36 * 365 * 100) < 1e-6)
    }

    @Test func aPoolNobodyStaffsIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = Self.withoutPool + "\nremoteEngineers:\n  roster: [{shift: always, engineers: 0}]\n"
        let scenario = try folder.write(yaml, to: "empty-pool.yaml")
        let result = try FaultLineBinary.run(["validate", scenario])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("empty-pool.yaml:"), "\(result.standardError)")
        #expect(result.standardError.contains("remoteEngineers.roster: no remote engineers are on duty"), "\(result.standardError)")
    }
}
