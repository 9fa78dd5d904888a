import Foundation
import Testing
@testable import Scenario

/// One expected problem: where it is and what it says.
struct ExpectedProblem: Sendable, CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    var keyPath: String
    var fragment: String

    var description: String { "\(file):\(line):\(column): \(keyPath): …\(fragment)…" }

    func matches(_ problem: ScenarioProblem) -> Bool {
        (problem.file as NSString).lastPathComponent == file && problem.line == line && problem.column == column
            && problem.keyPath == keyPath && problem.message.contains(fragment)
    }
}

/// The corpus of broken scenarios in `Broken/`: each file holds one mistake (a comment on its
/// first line says which); each must give exactly the located problems listed here, and no crash.
@Suite struct BrokenCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Broken").path

    static func expect(_ file: String, _ line: Int, _ column: Int, _ keyPath: String, _ fragment: String,
                       in problemFile: String? = nil) -> ExpectedProblem {
        ExpectedProblem(file: problemFile ?? file, line: line, column: column, keyPath: keyPath, fragment: fragment)
    }

    static let corpus: [String: [ExpectedProblem]] = [
        "alias-bomb.yaml": [expect("alias-bomb.yaml", 3, 8, "", "aliases (`*name`) are not allowed")],
        "bad-date.yaml": [expect("bad-date.yaml", 3, 8, "start", "expected a real date `YYYY-MM-DD`, found `2026-02-30`")],
        "bad-holiday-range.yaml": [expect("bad-holiday-range.yaml", 4, 14, "calendar.holidays[0]", "found `2026-10-07..2026-10-01`")],
        "bad-shift-days.yaml": [expect("bad-shift-days.yaml", 4, 20, "monitoringCentre.roster[0].shift", "unknown days `Mon-Fir`")],
        "bad-shift.yaml": [expect("bad-shift.yaml", 4, 20, "monitoringCentre.roster[0].shift", "found `08:00-25:00`")],
        "both-hour-profiles.yaml": [
            expect("both-hour-profiles.yaml", 6, 17, "faults.profile.hourOfWeek", "either `hourOfDay` (24 factors) or `hourOfWeek`"),
            expect("both-hour-profiles.yaml", 6, 17, "faults.profile.hourOfWeek", "needs 168 factors, found 1"),
        ],
        "deep-nesting.yaml": [expect("deep-nesting.yaml", 3, 78, "", "more than 64 levels of `[` or `{`")],
        "duration-without-unit.yaml": [expect("duration-without-unit.yaml", 3, 10, "horizon", "a duration needs a unit")],
        "duration-wrong-unit.yaml": [expect("duration-wrong-unit.yaml", 3, 11, "horizon", "unknown unit 'y'")],
        "empty-roster.yaml": [expect("empty-roster.yaml", 4, 11, "monitoringCentre.roster", "the roster is empty")],
        "extends-loop.yaml": [expect("extends-loop.yaml", 2, 10, "extends", "already being extended (a loop)")],
        "extends-missing.yaml": [expect("extends-missing.yaml", 2, 10, "extends", "cannot read file")],
        "missing-callout.yaml": [expect("missing-callout.yaml", 5, 5, "crews.east.callout", "a `callout` delay is needed")],
        "missing-rates.yaml": [expect("missing-rates.yaml", 5, 5, "faults.rates", "no fault rates for product `mpls-vpn`")],
        "missing-repair-segment.yaml": [expect("missing-repair-segment.yaml", 4, 3, "repair", "segment `access` but it has no repair time")],
        "missing-required.yaml": ["start", "horizon", "inventory", "faults", "monitoringCentre", "crews", "travel", "repair"].map {
            expect("missing-required.yaml", 2, 1, $0, "missing required key `\($0)`")
        },
        "mixture-weights.yaml": [expect("mixture-weights.yaml", 4, 12, "repair.access", "the sum of the mixture weights must be 1, got 0.9")],
        "month-profile-wrong-length.yaml": [expect("month-profile-wrong-length.yaml", 5, 12, "faults.profile.month", "needs 12 factors, found 13")],
        "negative-rate.yaml": [expect("negative-rate.yaml", 5, 23, "faults.rates.default.access", "must not be negative, found -0.4")],
        "negative-sd.yaml": [expect("negative-sd.yaml", 4, 12, "monitoringCentre.intake", "sd must be finite and > 0")],
        "no-agents.yaml": [expect("no-agents.yaml", 4, 11, "monitoringCentre.roster", "no agents are on duty at any time")],
        "profile-wrong-length.yaml": [expect("profile-wrong-length.yaml", 5, 16, "faults.profile.hourOfDay", "needs 24 factors, found 23")],
        "region-without-crews.yaml": [
            expect("region-without-crews.yaml", 21, 9, "travel", "no travel time for region `west`", in: "_base.yaml"),
            expect("region-without-crews.yaml", 4, 69, "inventory.west-vpn.region", "region `west` has no crews; did you mean `east`?"),
        ],
        "remote-without-work.yaml": [expect("remote-without-work.yaml", 4, 11, "repair.access.remote", "the `remote` work time is needed")],
        "rules-file-error.yaml": [
            expect("rules-file-error.yaml", 3, 12, "tiers.SLA-AA.restoration", "did you mean `restorationLimit`?",
                   in: "rules-with-typo.rules.yaml"),
        ],
        "share-above-one.yaml": [expect("share-above-one.yaml", 4, 27, "detection.accountManager.share", "write percentages with `%`")],
        "storm-multiplier.yaml": [expect("storm-multiplier.yaml", 4, 36, "faults.storms.multiplier", "must be greater than 0")],
        "syntax-error.yaml": [expect("syntax-error.yaml", 4, 25, "", "not valid YAML")],
        "unknown-claim-tier.yaml": [expect("unknown-claim-tier.yaml", 3, 14, "claimRates.SLA-B", "unknown tier `SLA-B`; did you mean `SLA-A`?")],
        "unknown-distribution.yaml": [expect("unknown-distribution.yaml", 3, 17, "travel.east", "did you mean 'lognormal'?")],
        "unknown-grade.yaml": [expect("unknown-grade.yaml", 4, 21, "inventory.east-sdh.grade", "unknown customer grade `localD`")],
        "unknown-nested-key.yaml": [expect("unknown-nested-key.yaml", 4, 14, "inventory.east-vpn.circuit", "did you mean `circuits`?")],
        "unknown-network-grade.yaml": [expect("unknown-network-grade.yaml", 4, 28, "inventory.east-sdh.networkGrade", "unknown network grade `AA`")],
        "unknown-product.yaml": [expect("unknown-product.yaml", 4, 23, "inventory.east-vpn.product", "did you mean `mpls-vpn`?")],
        "unknown-segment.yaml": [expect("unknown-segment.yaml", 5, 15, "faults.rates.default.acess", "did you mean `access`?")],
        "unknown-tier.yaml": [expect("unknown-tier.yaml", 4, 20, "inventory.east-vpn.tier", "unknown tier `SLA-AAAA`; did you mean `SLA-AAA`?")],
        "unknown-top-key.yaml": [expect("unknown-top-key.yaml", 3, 1, "horizen", "unknown key `horizen`; did you mean `horizon`?")],
        "variant-error.yaml": [expect("variant-error.yaml", 6, 54, "variants[0].crews.east.roster[0].crews", "must be at least 0, found -1")],
        "warmup-too-long.yaml": [expect("warmup-too-long.yaml", 3, 9, "warmup", "must be shorter than the horizon")],
        "wrong-shape.yaml": [expect("wrong-shape.yaml", 3, 8, "costs", "expected a mapping of keys to values, found a list")],
        "zero-circuits.yaml": [expect("zero-circuits.yaml", 4, 24, "inventory.east-sdh.circuits", "must be at least 1, found 0")],
        "zero-replications.yaml": [expect("zero-replications.yaml", 3, 15, "replications", "must be at least 1, found 0")],
    ]

    /// The scenario files of the corpus (`_base.yaml` and `*.rules.yaml` are helpers).
    static var corpusFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("_") && !$0.hasSuffix(".rules.yaml") }.sorted()
    }

    @Test func theCorpusHasAtLeastThirtyFilesAndEachIsInTheTable() {
        #expect(Self.corpusFiles.count >= 30)
        #expect(Set(Self.corpusFiles) == Set(Self.corpus.keys))
    }

    @Test func theBaseOfTheCorpusIsValid() throws {
        _ = try Scenario.load(path: "\(Self.folder)/_base.yaml")
    }

    @Test(arguments: corpusFiles)
    func eachBrokenFileGivesItsLocatedProblems(_ name: String) throws {
        let expected = try #require(Self.corpus[name])
        do {
            _ = try Scenario.load(path: "\(Self.folder)/\(name)")
            Issue.record("\(name) was accepted")
        } catch {
            for item in expected {
                #expect(error.problems.contains(where: item.matches), "missing \(item) in:\n\(error)")
            }
            #expect(error.problems.count == expected.count, "\(error)")
            let firstLine = try String(contentsOfFile: "\(Self.folder)/\(name)", encoding: .utf8).prefix { $0 != "\n" }
            #expect(firstLine.hasPrefix("# "), "the file's first line says what is wrong")
        }
    }
}
