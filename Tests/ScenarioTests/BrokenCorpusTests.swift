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
        "calendar-all-holidays.yaml": [expect("calendar-all-holidays.yaml", 3, 11, "calendar", "no working time between 2026-01-05 and 2026-04-05")],
        "calendar-holiday-year.yaml": [
            expect("calendar-holiday-year.yaml", 3, 22, "calendar.holidays", "the holidays leave no working day for 366 days or more from 2027-01-01"),
        ],
        "calendar-no-hours.yaml": [expect("calendar-no-hours.yaml", 3, 26, "calendar.workingHours", "the calendar needs working hours")],
        "exponential-huge-mean.yaml": [expect("exponential-huge-mean.yaml", 3, 20, "repair.default", "mean must be between 1e-12 and 1e12, got 1e300m")],
        "extends-list.yaml": [expect("extends-list.yaml", 2, 10, "extends", "`_list.yaml` is not a scenario file: expected a mapping of scenario keys (name, start, horizon, …), found a list")],
        "extends-password-file.yaml": [expect("extends-password-file.yaml", 2, 10, "extends", "`_not-a-scenario.txt` is not a scenario file")],
        "horizon-overflow.yaml": [expect("horizon-overflow.yaml", 3, 10, "horizon", "a duration must be at most 1e12m (about 1.9 million years; the simulated clock counts milliseconds in 64 bits), got 1e30d")],
        "horizon-past-9999.yaml": [expect("horizon-past-9999.yaml", 4, 10, "horizon", "the horizon (90d) from 9999-12-01 ends after 9999-12-31", in: "_base.yaml")],
        "horizon-zero.yaml": [expect("horizon-zero.yaml", 3, 10, "horizon", "the horizon must be at least 1d, so that tickets can be opened and closed, found `0d`")],
        "huge-fee.yaml": [expect("huge-fee.yaml", 4, 26, "inventory.east-vpn.monthlyFee", "must be at most 1e12, found 1e308")],
        "lognormal-huge-sigma.yaml": [expect("lognormal-huge-sigma.yaml", 4, 12, "monitoringCentre.intake", "sigma must be at most 10 in lognormal(median:, sigma:)")],
        "mixture-too-deep.yaml": [expect("mixture-too-deep.yaml", 3, 108, "repair.default", "mixtures may be nested at most 8 deep")],
        "negative-draws.yaml": [expect("negative-draws.yaml", 3, 19, "repair.default", "a duration must not be negative, but `uniform(min: -5m, max: 5m)` can draw -5m")],
        "negative-duration-units.yaml": [expect("negative-duration-units.yaml", 3, 9, "warmup", "a duration must not be negative, got -5d")],
        "pareto-tiny-shape.yaml": [expect("pareto-tiny-shape.yaml", 3, 17, "travel.east", "shape must be between 0.1 and 1000 in pareto(shape:, scale:)")],
        "rules-huge-limit.yaml": [
            expect("rules-huge-limit.yaml", 3, 23, "tiers.SLA-AA.restorationLimit", "may be at most 36500 days (100 years), found `99999999999999999999999d`",
                   in: "huge-limit.rules.yaml"),
        ],
        "rules-no-workdays.yaml": [
            expect("rules-no-workdays.yaml", 3, 15, "calendars.standard.workdays", "a calendar needs at least one workday", in: "no-workdays.rules.yaml"),
        ],
        "warmup-leaves-under-a-day.yaml": [expect("warmup-leaves-under-a-day.yaml", 3, 9, "warmup", "the warm-up (2148h) must end at least 1d before the horizon (90d)")],
        "weibull-tiny-shape.yaml": [expect("weibull-tiny-shape.yaml", 3, 20, "repair.default", "shape must be between 0.02 and 1000 in weibull(shape:, scale:)")],
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

    /// `extends:` may name any readable file; what it holds must never reach the output.
    @Test func extendingAPasswordFileNeverEchoesIt() throws {
        do {
            _ = try Scenario.load(path: "\(Self.folder)/extends-password-file.yaml")
            Issue.record("a password file was accepted as a scenario")
        } catch {
            #expect(error.problems.count == 1)
            for secret in ["root", "$6$", "Zq0secretHashValue", "daemon", "19700"] {
                #expect(!"\(error)".contains(secret), "the message echoes `\(secret)`: \(error)")
            }
        }
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
