import Experiments
import Foundation
import Scenario
import Study
import Synchronization
import TestSupport
import Testing

/// A study of the small test scenario (330 circuits in three tiers, 60 observed days), with
/// staff costs so the search has something to minimise.
struct SmallStudy {
    static let base = TestScenarios.smallYAML(seed: 3) + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40}\n"
    static let header = """
        study: small-run
        base: base.yaml
        targets: ["accept >= 0.85"]
        replications: 4
        searchReplications: 4
        verifyReplications: 8

        """

    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        _ = try folder.write(Self.base, to: "base.yaml")
    }

    /// The study whose mixes (and grid) are `body`.
    func definition(_ body: String) throws -> StudyDefinition {
        try StudyDefinition.parse(yaml: Self.header + body, file: "study.yaml", baseDirectory: folder.path)
    }

    /// `definition(body)` as run, version `0.0-test`.
    func run(_ body: String, seed: UInt64? = nil) throws -> StudyRun {
        StudyRun(definition: try definition(body), seed: seed, version: "0.0-test")
    }
}

@Suite struct StudyRunTests {
    @Test func aMixIdenticalToTheBaseReproducesTheBaseExactly() throws {
        let study = try SmallStudy()
        let results = try study.run("mixes:\n  today: {}\n  more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}\n")
            .run(store: nil, threads: 2)
        let (base, today, more) = (results.records[0], results.records[1], results.records[2])
        #expect(today.current == base.current)
        #expect(today.recommended == base.recommended)
        #expect(today.staffing.lines == base.staffing.lines)
        #expect(today.circuitsByTier == base.circuitsByTier)
        #expect(more.current != base.current, "twice the SLA-AA circuits must change the figures")
        for comparison in results.differences(of: today) {
            #expect(comparison.differences.allSatisfy { $0 == 0 }, "\(comparison.metric): the base against itself")
        }
    }

    @Test func aResumedStudyReadsTheStoredMixesAndGivesTheSameRecords() throws {
        let study = try SmallStudy()
        let run = try study.run("mixes:\n  more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}\n  fewer-mq: {scale: {select: {tier: MQ-I}, by: 0.5}}\n")
        let store = StudyStore(folder: study.folder.file("results"))
        let fresh = try run.run(store: store, threads: 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: store.folder).sorted()
        #expect(files.count == 3, "one record per plan: \(files)")
        // One record lost, one damaged (a record cut short is not a record): both computed again.
        try FileManager.default.removeItem(atPath: store.folder + "/" + files[0])
        try Data("{\"digest\":".utf8).write(to: URL(fileURLWithPath: store.folder + "/" + files[1]))
        let stages = Mutex<[String: String]>([:])
        let resumed = try run.run(store: store, threads: 1) { progress in
            stages.withLock { seen in if seen[progress.mix] != "computed" { seen[progress.mix] = progress.stage == "stored" ? "stored" : "computed" } }
        }
        #expect(resumed.records == fresh.records)
        #expect(stages.withLock { $0.values.filter { $0 == "stored" }.count } == 1)
        #expect(stages.withLock { $0.values.filter { $0 == "computed" }.count } == 2)
    }

    /// Two mixes that simulate alike (both the base itself) keep records of their own names.
    @Test func mixesThatSimulateAlikeKeepTheirOwnRecords() throws {
        let study = try SmallStudy()
        let run = try study.run("mixes:\n  today: {}\ngrid:\n  aa: {scale: {select: {tier: SLA-AA}}, values: [1]}\n")
        #expect(Set(run.digests).count == 3)
        let store = StudyStore(folder: study.folder.file("results"))
        _ = try run.run(store: store, threads: 2)
        let resumed = try run.run(store: store, threads: 2)
        #expect(resumed.records.map(\.name) == ["base", "today", "aa=1"])
    }

    @Test func theDigestNamesEverythingThatDecidesTheFigures() throws {
        let study = try SmallStudy()
        let body = "mixes:\n  more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}\n"
        let run = try study.run(body)
        #expect(run.digests == (try study.run(body)).digests, "the same study, the same digests")
        var other = run
        other.seed += 1
        #expect(Set(other.digests).isDisjoint(with: run.digests))
        other = run
        other.replications += 1
        #expect(Set(other.digests).isDisjoint(with: run.digests))
        other = run
        other.version = "0.0-other"
        #expect(Set(other.digests).isDisjoint(with: run.digests))
        let grown = try study.run("mixes:\n  more-aa: {scale: {select: {tier: SLA-AA}, by: 3}}\n")
        #expect(grown.digests[0] == run.digests[0], "the same base")
        #expect(grown.digests[1] != run.digests[1], "another mix")
    }

    @Test func aRecordReadsBackExactly() throws {
        let study = try SmallStudy()
        let results = try study.run("mixes:\n  more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}\n").run(store: nil, threads: 2)
        for record in results.records { #expect(try StudyStore.roundTrip(record) == record) }
    }

    /// Headcount by hand: the small scenario's one agent always on duty is 24 × 365 = 8,760
    /// hours a year, ÷ 1,680 productive hours = 5.214 full-time equivalents.
    @Test func headcountIsRosteredHoursOverProductiveHours() throws {
        let study = try SmallStudy()
        let results = try study.run("mixes:\n  same: {}\n").run(store: nil, threads: 2)
        let agents = try #require(results.base.staffing.lines.first { $0.group == "agents" })
        #expect(agents.today == 1)
        #expect(abs(agents.todayFTE - 8760.0 / 1680) < 1e-9)
        #expect(abs(agents.recommendedFTE - Double(agents.recommended) * 8760 / 1680) < 1e-9)
    }

    /// More SLA-AA circuits or more circuits overall never make the staffing needed cheaper,
    /// beyond the search's tolerance: one head on the dearest roster line (the greedy search and
    /// its trim stop at a local optimum, so neighbouring answers may differ by a unit).
    @Test func staffCostDoesNotFallWhenLoadRises() throws {
        let study = try SmallStudy()
        let run = try study.run("""
            grid:
              aa: {scale: {select: {tier: SLA-AA}}, values: [1, 2]}
              growth: {scale: {select: {}}, values: [1, 1.5]}

            """)
        let results = try run.run(store: nil, threads: 2)
        let base = run.definition.base
        let dearest = StaffSearch(scenario: base, targets: run.definition.targets, confidence: 0.95, searchReplications: 1,
                                  searchSeed: 1, verifyReplications: 1, verifySeed: 2)
            .units(of: StaffingPlan(base)).map(\.costPerYear).max() ?? 0
        func cost(_ aa: Double, _ growth: Double) throws -> Double {
            try #require(results.records.first { $0.gridPoint == [aa, growth] }).staffing.rosterCostPerYear
        }
        for (lower, higher) in [((1.0, 1.0), (2.0, 1.0)), ((1, 1.5), (2, 1.5)), ((1, 1), (1, 1.5)), ((2, 1), (2, 1.5))] {
            let (low, high) = (try cost(lower.0, lower.1), try cost(higher.0, higher.1))
            #expect(high >= low - dearest - 1e-6, "\(lower) → \(higher): \(low) → \(high), tolerance \(dearest)")
        }

        #expect(try cost(2, 1.5) > cost(1, 1), "twice the SLA-AA circuits and half as many again must cost more")
    }

    /// A mix written as a scenario file reads back as the mix with its recommended rosters.
    @Test func aMixWrittenAsAScenarioReadsBackAsTheMixAtItsStaffing() throws {
        let study = try SmallStudy()
        let run = try study.run("""
            mixes:
              changed:
                move: {select: {tier: SLA-A}, to: {tier: SLA-AA}, share: 0.5}
                scale: {select: {tier: MQ-I}, by: 0.004}
                faults: {by: 1.25}
                installs: {by: 2}

            """)
        let results = try run.run(store: nil, threads: 2)
        let plan = run.plans[1]
        let ids = Set(plan.scenario.inventory.map(\.id))
        #expect(ids.contains("a@SLA-AA") && !ids.contains("mq"), "the move adds a row, the scale drops one: \(ids)")
        let staffing = try #require(run.recommendedPlan(results.records[1], for: plan.scenario))
        let text = MixScenarioFile.yaml(mix: plan.scenario, base: run.definition.base, extending: "base.yaml", name: "small/changed",
                                        staffing: staffing)
        let loaded = try Scenario.load(path: try study.folder.write(text, to: "changed.yaml"))
        let expected = staffing.applied(to: plan.scenario)
        #expect(Set(loaded.inventory) == Set(expected.inventory))
        #expect(loaded.faults == expected.faults)
        #expect(loaded.installs == expected.installs)
        #expect(loaded.crews == expected.crews)
        #expect(loaded.monitoringCentre == expected.monitoringCentre)
        #expect(loaded.name == "small/changed")
    }

    @Test func aRelativePathLeadsFromTheFolderToTheFile() {
        #expect(MixScenarioFile.relativePath(of: "/a/b/base.yaml", from: "/a/c/d") == "../../b/base.yaml")
        #expect(MixScenarioFile.relativePath(of: "/a/base.yaml", from: "/a") == "base.yaml")
    }
}
