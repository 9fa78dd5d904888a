import Foundation
import TestSupport
import Testing

/// `faultline price` as a user runs it: the built binary, its table and files, its refusals.
@Suite struct PriceCommandTests {
    /// The small scenario (330 circuits, 60 observed days) with staff rates and protection.
    static let scenario = TestScenarios.smallYAML()
        + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40, protection: {A: 1000, B: 450, C: 60}}\n"

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func jsonIsByteIdenticalWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.scenario, to: "small.yaml")
        for threads in ["1", "2"] {
            let result = try FaultLineBinary.run([
                "price", scenario, "--replications", "3", "--threads", threads, "--omit-timing",
                "--json", folder.file("t\(threads).json"),
            ])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("t1.json")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("t2.json")))
        #expect(!one.isEmpty && one == two)
        #expect(!String(decoding: one, as: UTF8.self).contains("wallSeconds"))
    }

    @Test func tableJSONAndCSVCarryTheSameTiers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.scenario, to: "small.yaml")
        let result = try FaultLineBinary.run([
            "price", scenario, "--replications", "2", "--seed", "9", "--json", folder.file("p.json"),
            "--csv", folder.file("out"),
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let output = result.standardOutput
        for text in ["break-even", "SLA-AA", "SLA-A", "MQ-I", "crew-hours, in no tier", "Sensitivity to fault rates ± 20 %", "×1.20"] {
            #expect(output.contains(text), "missing «\(text)» in\n\(output)")
        }
        let document = try Self.json(folder.file("p.json"))
        #expect((document["scenario"] as? [String: Any])?["seed"] as? String == "9")
        let base = try #require(document["base"] as? [String: Any])
        let tiers = try #require(base["tiers"] as? [[String: Any]])
        #expect(tiers.compactMap { $0["key"] as? String } == ["SLA-AA", "SLA-A", "MQ-I"])
        let cases = try #require((document["sensitivity"] as? [String: Any])?["cases"] as? [[String: Any]])
        #expect(cases.compactMap { $0["faultFactor"] as? Double } == [0.8, 1.2])
        let csv = try String(contentsOfFile: folder.file("out/price.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.first?.hasPrefix("fault_factor,tier,circuits,fee,") == true)
        #expect(rows.count == 1 + 3 * 4, "3 cases × (3 tiers + all): \(rows.count)")
        #expect(FileManager.default.fileExists(atPath: folder.file("out/staff-cost.csv")))
    }

    @Test func sensitivityZeroRunsTheScenarioOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(Self.scenario, to: "small.yaml")
        let result = try FaultLineBinary.run(["price", scenario, "--replications", "1", "--sensitivity", "0"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("Sensitivity to fault rates"))
        #expect(result.standardOutput.contains("1 replication per case"))
    }

    @Test func aNegativeProtectionCostIsRefusedWithItsLocation() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let broken = Self.scenario.replacingOccurrences(of: "B: 450", with: "B: -450")
        let path = try folder.write(broken, to: "broken.yaml")
        let result = try FaultLineBinary.run(["price", path])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("\(path):25:") && result.standardError.contains("costs.protection.B"),
                "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test(arguments: [
        (["--replications", "0"], "--replications"), (["--threads", "0"], "--threads"),
        (["--sensitivity", "1"], "--sensitivity"), (["--sensitivity", "nan"], "--sensitivity"),
        (["--sensitivity", "lots"], "--sensitivity"),
    ])
    func badOptionsGiveOneLineAndExit2(arguments: [String], option: String) throws {
        let result = try FaultLineBinary.run(["price"] + arguments)
        #expect(result.exitCode == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(option), "\(result.standardError)")
    }
}
