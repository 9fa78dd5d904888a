import Foundation
import TestSupport
import Testing

/// `faultline validate` as a user runs it: exit 0 with a summary, or exit 2 with every problem.
@Suite struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test(arguments: ["baseline.yaml", "twice-aaa.yaml", "storm-season.yaml", "night-crew-cut.yaml", "vpn-a-to-aa.yaml",
                      "dispatch-fifo.yaml", "dispatch-earliest-deadline.yaml", "escalation-off.yaml",
                      "remote-engineers.yaml", "long-installations.yaml"])
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

    /// Inputs that aborted inside GSL (134), overflowed the parser's stack (139), trapped on the
    /// clock's Int64 or echoed a password file: now one located line each and exit code 2.
    @Test(arguments: [
        ("weibull-tiny-shape.yaml", "Broken/weibull-tiny-shape.yaml:3:20: repair.default: shape must be between 0.02 and 1000"),
        ("mixture-too-deep.yaml", "Broken/mixture-too-deep.yaml:3:108: repair.default: mixtures may be nested at most 8 deep"),
        ("horizon-overflow.yaml", "Broken/horizon-overflow.yaml:3:10: horizon: a duration must be at most 1e12m"),
        ("extends-password-file.yaml", "Broken/extends-password-file.yaml:2:10: extends: `_not-a-scenario.txt` is not a scenario file"),
        ("calendar-all-holidays.yaml", "Broken/calendar-all-holidays.yaml:3:11: calendar: the business calendar has no working time"),
    ])
    func inputsThatCrashedOrLeakedAreOneLineAndExitCodeTwo(_ name: String, _ prefix: String) throws {
        let result = try FaultLineBinary.run(["validate", "Tests/ScenarioTests/Broken/\(name)"], in: Self.root)
        #expect(result.exitCode == 2)
        let printed = result.standardError.split(separator: "\n").map(String.init)
        #expect(printed.count == 1, "\(result.standardError)")
        #expect(printed.first?.hasPrefix("Tests/ScenarioTests/" + prefix) == true, "\(result.standardError)")
        #expect(!result.standardError.contains("Zq0secretHashValue"))
    }

    @Test func aMissingFileIsExitCodeTwo() throws {
        let result = try FaultLineBinary.run(["validate", "no-such-scenario.yaml"], in: Self.root)
        #expect(result.exitCode == 2)
        #expect(result.standardError == "no-such-scenario.yaml: cannot read file `no-such-scenario.yaml`\n")
    }
}
