import Foundation
import TestSupport
import Testing

/// `faultline validate` as a user runs it: exit 0 with a summary, or exit 2 with every problem.
@Suite struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test(arguments: ["baseline.yaml", "twice-aaa.yaml", "storm-season.yaml", "night-crew-cut.yaml", "vpn-a-to-aa.yaml"])
    func theShippedScenariosAreValid(_ name: String) throws {
        let result = try FaultLineBinary.run(["validate", "scenarios/\(name)"], in: Self.root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        for label in ["circuits", "regions", "crews", "agents", "horizon", "replications"] {
            #expect(result.standardOutput.contains("  \(label) "), "summary line \(label)")
        }
    }

    @Test func theBaselineSummaryHasItsFigures() throws {
        let result = try FaultLineBinary.run(["validate", "scenarios/baseline.yaml"], in: Self.root)
        #expect(result.standardOutput.contains("38,280 in 48 inventory rows"))
        #expect(result.standardOutput.contains("east, west, north, south"))
        #expect(result.standardOutput.contains("365d from 2026-01-01, warm-up 30d"))
        #expect(result.standardOutput.contains("replications  20, seed 20261124"))
    }

    @Test(arguments: [
        ("unknown-top-key.yaml", ["Broken/unknown-top-key.yaml:3:1: horizen: unknown key `horizen`; did you mean `horizon`?"]),
        ("alias-bomb.yaml", ["Broken/alias-bomb.yaml:3:8: YAML aliases"]),
        ("region-without-crews.yaml", ["Broken/_base.yaml:21:9: travel: no travel time for region `west`",
                                       "Broken/region-without-crews.yaml:4:69: inventory.west-vpn.region: region `west` has no crews"]),
        ("syntax-error.yaml", ["Broken/syntax-error.yaml:4:25: not valid YAML"]),
    ])
    func brokenScenariosExitWithCodeTwoAndEveryProblemOnItsOwnLine(_ name: String, _ lines: [String]) throws {
        let result = try FaultLineBinary.run(["validate", "Tests/ScenarioTests/Broken/\(name)"], in: Self.root)
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        let printed = result.standardError.split(separator: "\n").map(String.init)
        #expect(printed.count == lines.count, "\(result.standardError)")
        for (line, prefix) in zip(printed, lines) {
            #expect(line.hasPrefix("Tests/ScenarioTests/" + prefix), "\(line)")
        }
    }

    @Test func aMissingFileIsExitCodeTwo() throws {
        let result = try FaultLineBinary.run(["validate", "no-such-scenario.yaml"], in: Self.root)
        #expect(result.exitCode == 2)
        #expect(result.standardError == "no-such-scenario.yaml: cannot read file `no-such-scenario.yaml`\n")
    }
}
