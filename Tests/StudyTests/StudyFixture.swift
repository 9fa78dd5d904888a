import Foundation
import Scenario
import Study
import TestSupport

/// A small hand-made base scenario in a temporary folder, and study texts read against it.
struct StudyFixture {
    /// Five rows, 23 circuits: SLA-A 10, SLA-AA 4 + 1, SLA-AAA 5, untiered 3.
    static let base = """
        name: tiny
        start: 2026-03-02
        horizon: 30d
        inventory:
          east-vpn-a: {product: mpls-vpn, tier: SLA-A, grade: localA, region: east, circuits: 10, monthlyFee: 2500}
          east-vpn-aa: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: east, circuits: 4, monthlyFee: 3000}
          west-vpn-aa: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: west, circuits: 1, monthlyFee: 4000}
          west-sdh-aaa: {product: sdh, tier: SLA-AAA, grade: group, region: west, circuits: 5, monthlyFee: 12000}
          west-xdsl: {product: xdsl, grade: localC, region: west, circuits: 3, monthlyFee: 300}
        faults: {rates: {mpls-vpn: {access: 0.4}, sdh: {access: 0.2, metro: 0.1}, xdsl: {access: 1.0}}}
        installs: {perDay: 2}
        monitoringCentre: {roster: [{shift: always, agents: 1}]}
        crews: {east: {roster: [{shift: always, crews: 1}]}, west: {roster: [{shift: always, crews: 1}]}}
        travel: {default: 30m}
        repair: {access: "lognormal(mean: 2h, sd: 1h)", metro: "lognormal(mean: 3h, sd: 1h)"}

        """

    let folder: TemporaryFolder

    init(base: String = Self.base) throws {
        folder = try TemporaryFolder()
        _ = try folder.write(base, to: "base.yaml")
    }

    /// The study `text` (after a `study:` and `base:` header) read against the base.
    func parse(_ body: String, maxMixes: Int = 200) throws(StudyError) -> StudyDefinition {
        try StudyDefinition.parse(yaml: "study: test\nbase: base.yaml\n" + body, file: "study.yaml",
                                  baseDirectory: folder.path, maxMixes: maxMixes)
    }

    /// The problems reading `body` gives, as the command line prints them.
    func problems(_ body: String, maxMixes: Int = 200) -> [String] {
        do {
            _ = try parse(body, maxMixes: maxMixes)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// The one mix of a study whose `mixes:` is `mix: MIX`.
    func mix(_ mix: String) throws -> StudyMix {
        let study = try parse("mixes:\n  m: \(mix)\n")
        return study.mixes[0]
    }

    /// The base scenario as loaded on its own.
    func baseScenario() throws -> Scenario { try Scenario.load(path: folder.file("base.yaml")) }
}

extension Scenario {
    /// Circuits per row id, in inventory order.
    var rows: [String: Int] { Dictionary(uniqueKeysWithValues: inventory.map { ($0.id, $0.circuits) }) }

    /// Circuits of one tier (`none` for untiered rows).
    func circuits(tier: String) -> Int {
        inventory.filter { ($0.tier ?? "none") == tier }.reduce(0) { $0 + $1.circuits }
    }
}

/// The repository's root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
