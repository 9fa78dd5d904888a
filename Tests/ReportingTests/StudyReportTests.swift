import Foundation
import Reporting
import Study
import TestSupport
import Testing

/// The `study` report of a tiny study run in-process: the small test scenario, one named mix
/// and a 2 × 2 grid.
@Suite struct StudyReportTests {
    static let results: StudyResults = {
        let folder = try! TemporaryFolder()
        _ = try! folder.write(TestScenarios.smallYAML(seed: 3) + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40}\n",
                              to: "base.yaml")
        let study = """
            study: report
            base: base.yaml
            targets: ["SLA-AA.restoration >= 0.6", "credits.p95 <= 2000000"]
            replications: 3
            searchReplications: 3
            verifyReplications: 6
            mixes:
              more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}
            grid:
              aa: {scale: {select: {tier: SLA-AA}}, values: [1, 2]}
              growth: {scale: {select: {}}, values: [1, 1.5]}

            """
        let definition = try! StudyDefinition.parse(yaml: study, file: "study.yaml", baseDirectory: folder.path)
        return try! StudyRun(definition: definition, version: "0.0-test").run(store: nil, threads: 2)
    }()

    var report: Report { StudyReport(results: Self.results, timing: Timing(wallSeconds: 1, threads: 2)).report }

    @Test func theSummaryHasOneRowPerPlanTheBaseFirst() throws {
        let mixes = try #require(report.tables.first { $0.csvName == "mixes" })
        #expect(mixes.rows.map { CellText.text($0[0]) } == ["base", "more-aa", "aa=1,growth=1", "aa=1,growth=1.5", "aa=2,growth=1",
                                                            "aa=2,growth=1.5"])
        #expect(mixes.emphasisedRows == [0])
    }

    /// SLA-AA restores 7–8 % of its outages in time even with ample crews (repair alone outlasts
    /// its limit), so 60 % is out of staffing's reach: the summary says so for every mix.
    @Test func aTargetOutOfStaffingsReachIsNamedInTheSummary() throws {
        let mixes = try #require(report.tables.first { $0.csvName == "mixes" })
        let binding = try #require(mixes.columns.firstIndex { $0.csvName == "binding_targets" })
        for row in mixes.rows {
            #expect(CellText.text(row[binding]).hasPrefix("SLA-AA.restoration >= 0.6 (out of reach)"), "\(CellText.text(row[0]))")
        }
        for record in Self.results.records {
            #expect(record.staffing.unreachable.first == "SLA-AA.restoration >= 0.6")
            #expect(!record.staffing.allTargetsMet)
        }
    }

    @Test func everyTableGoesToCSVAndTheDetailStaysOffTheTerminal() throws {
        let files = try CSVRenderer.render(report).map(\.name).sorted()
        #expect(files == ["changes.csv", "circuits.csv", "compliance.csv", "cost-to-serve.csv", "credits.csv", "difference.csv",
                          "heads.csv", "mixes.csv", "staffing.csv", "targets.csv", "utilisation.csv", "yearly-cost.csv"])
        let terminal = TerminalRenderer.render(report)
        #expect(terminal.contains("Every mix") && terminal.contains("Staffing needed") && terminal.contains("Yearly cost"))
        #expect(!terminal.contains("Compliance per tier"), "detail tables are for the page and CSV")
    }

    @Test func thePageHasTheFrontierTheStackedCostAndTwoHeatMaps() {
        let html = HTMLRenderer.render(report)
        #expect(html.contains("Yearly cost against restoration compliance"))
        #expect(html.contains("Yearly cost per mix, stacked"))
        #expect(html.contains("Roster cost needed over the grid") && html.contains("Binding target over the grid"))
        #expect(html.contains(">aa 2<") && html.contains(">aa 1<"), "grid values as the file writes them")
        #expect(html.contains("#1 SLA-AA.restoration &gt;= 0.6, #2 credits.p95 &lt;= 2000000"))
    }

    /// The keys the issue names: `mixes[]` with `name`, `circuitsByTier`, `current` (with
    /// `creditsPerYear.mean`), `recommended` (with `staffing`, `headcount`, `staffCostPerYear`,
    /// `targetsMet`) and `differenceFromBase`.
    @Test func theJSONHasTheKeysAPlannerReads() throws {
        let data = Data(try JSONRenderer.render(report, includeTiming: false))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let mixes = try #require(document["mixes"] as? [[String: Any]])
        #expect(mixes.count == 6)
        for mix in mixes {
            #expect(mix["name"] is String)
            let tiers = try #require(mix["circuitsByTier"] as? [String: Int])
            #expect(tiers.values.reduce(0, +) == mix["circuits"] as? Int)
            let current = try #require(mix["current"] as? [String: Any])
            let credits = try #require(current["creditsPerYear"] as? [String: Any])
            #expect(credits["mean"] is Double)
            let perReplication = try #require(current["perReplication"] as? [String: [Any]])
            #expect(perReplication["restoration"]?.count == 3)
            let recommended = try #require(mix["recommended"] as? [String: Any])
            #expect(recommended["staffing"] is [[String: Any]])
            #expect(recommended["headcount"] is Double)
            #expect((recommended["staffCostPerYear"] as? [String: Any])?["mean"] is Double)
            #expect(recommended["targetsMet"] is Bool)
            #expect(mix["differenceFromBase"] is [[String: Any]])
        }
        let base = mixes[0], bigger = mixes[1]
        #expect((base["differenceFromBase"] as? [Any])?.isEmpty == true)
        #expect((bigger["differenceFromBase"] as? [Any])?.isEmpty == false)
    }
}
