import Foundation
import Testing
import TestSupport

/// `faultline rules check` on the shipped corpora and on copies changed by hand.
@Suite("rules check")
struct RulesCheckCommandTests {
    static let shipped = ["corpus/examples", "corpus/baseline-year", "corpus/edge-cases"]

    /// A copy of a shipped corpus in a temporary folder (the folder is the copy's parent).
    static func copy(_ corpus: String) throws -> (folder: TemporaryFolder, path: String) {
        let folder = try TemporaryFolder()
        let path = folder.file("corpus")
        try FileManager.default.copyItem(atPath: EvaluateRun.root + "/" + corpus, toPath: path)
        return (folder, path)
    }

    @Test func everyShippedCorpusIsUnchanged() throws {
        let result = try FaultLineBinary.run(["rules", "check"] + Self.shipped, in: EvaluateRun.root)
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.components(separatedBy: " unchanged").count == 4, "\(result.standardOutput)")
    }

    @Test func aRestorationLimitOfSixtyMinutesForSLAAAFlipsTheTicketRestoredInNinety() throws {
        let (folder, corpus) = try Self.copy("corpus/edge-cases")
        defer { folder.remove() }
        let rules = try String(contentsOfFile: corpus + "/rules.yaml", encoding: .utf8)
        try (rules + "tiers:\n  SLA-AA:\n    restorationLimit: 60m\n").write(toFile: corpus + "/rules.yaml", atomically: true, encoding: .utf8)
        let result = try FaultLineBinary.run(["rules", "check", corpus, "--json", folder.file("out.json")])
        #expect(result.exitCode == 1)
        let shown = result.standardOutput.split(separator: "\n").filter { $0.contains("T01-AT-LIMIT") }
        #expect(shown.map { $0.split(separator: " ") } == [["ticket", "T01-AT-LIMIT", "restoration", "met", "missed"]], "\(result.standardOutput)")
        let changes = try EvaluateRun.readJSON(folder.file("out.json")).objects("corpora").first?.objects("changes") ?? []
        let tickets = changes.filter { $0["entry"] as? String == "ticket" }
        #expect(tickets.map { "\($0["subject"]!) \($0["figure"]!) \($0["old"]!) \($0["new"]!)" } == ["T01-AT-LIMIT restoration met missed"])
        let credit = changes.first { $0["subject"] as? String == "E-AA-1 2026-03" && $0["figure"] as? String == "credit" }
        #expect(credit?.number("old") == 750 && credit?.number("new") == 850)
    }

    @Test func updateRewritesExpectedJSONSoTheNextCheckPasses() throws {
        let (folder, corpus) = try Self.copy("corpus/edge-cases")
        defer { folder.remove() }
        let original = FileManager.default.contents(atPath: corpus + "/expected.json")
        try FileManager.default.removeItem(atPath: corpus + "/expected.json")
        let written = try FaultLineBinary.run(["rules", "check", corpus, "--update"])
        #expect(written.exitCode == 0 && written.standardOutput.contains("written"))
        #expect(FileManager.default.contents(atPath: corpus + "/expected.json") == original, "byte-identical to the shipped file")
        #expect(try FaultLineBinary.run(["rules", "check", corpus]).exitCode == 0)
    }

    @Test func aMalformedExpectedJSONIsALocatedErrorAndNothingIsWritten() throws {
        let (folder, corpus) = try Self.copy("corpus/edge-cases")
        defer { folder.remove() }
        let text = try String(contentsOfFile: corpus + "/expected.json", encoding: .utf8)
        try text.replacingOccurrences(of: "\"T02-ONE-OVER\": {\"accept\":\"missed\"", with: "\"T02-ONE-OVER\": {\"accept\":\"late\"")
            .write(toFile: corpus + "/expected.json", atomically: true, encoding: .utf8)
        let result = try FaultLineBinary.run(["rules", "check", corpus, "--json", folder.file("out.json")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("faultline: error: \(corpus)/expected.json: tickets.T02-ONE-OVER.accept: "),
                "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.json")))
    }

    @Test func aMissingFileOrFloorIsBadInput() throws {
        let (folder, corpus) = try Self.copy("corpus/edge-cases")
        defer { folder.remove() }
        try FileManager.default.removeItem(atPath: corpus + "/bench.json")
        let noFloor = try FaultLineBinary.run(["rules", "check", corpus, "--bench"])
        #expect(noFloor.exitCode == 2 && noFloor.standardError.contains("bench.json: missing"), "\(noFloor.standardError)")
        try FileManager.default.removeItem(atPath: corpus + "/tickets.csv")
        let noTickets = try FaultLineBinary.run(["rules", "check", corpus])
        #expect(noTickets.exitCode == 2 && noTickets.standardError.contains("\(corpus)/tickets.csv: missing"), "\(noTickets.standardError)")
    }

    @Test func aFloorAboveAnyThroughputFailsTheBench() throws {
        let (folder, corpus) = try Self.copy("corpus/edge-cases")
        defer { folder.remove() }
        try "{\"minimumTicketsPerSecond\": 1e15}\n".write(toFile: corpus + "/bench.json", atomically: true, encoding: .utf8)
        let result = try FaultLineBinary.run(["rules", "check", corpus, "--bench"])
        #expect(result.exitCode == 1 && result.standardOutput.contains("below the throughput floor"), "\(result.standardOutput)")
    }
}
