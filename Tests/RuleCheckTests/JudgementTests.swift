import Foundation
import RuleCheck
import ServiceRules
import Testing
import TestSupport
import TicketLog

/// expected.json: written deterministically, read back to the same judgement, and compared
/// figure by figure.
@Suite("rules check: judgements")
struct JudgementTests {
    static let circuits = """
        circuit_id,customer_grade,product,tier,monthly_fee
        C-1,group,lan-dedicated,SLA-AA,3000
        C-2,group,lan-dedicated,SLA-AA,3000

        """
    static let tickets = """
        ticket_id,circuit_id,fault_start,reported_at,dispatched_at,accepted_at,repaired_at,confirmed_at,outage
        T-1,C-1,2026-03-10T09:55:00,2026-03-10T10:00:00,2026-03-10T10:10:00,2026-03-10T10:20:00,2026-03-10T11:30:00,2026-03-10T11:35:00,true
        T-2,C-2,2026-03-12T09:55:00,2026-03-12T10:00:00,2026-03-12T10:10:00,2026-03-12T10:20:00,2026-03-12T11:31:00,2026-03-12T11:35:00,true

        """

    /// The two tickets judged by `catalogue`.
    static func judgement(_ catalogue: RuleCatalogue = .builtIn) throws -> Judgement {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outcome = try EvaluationOutcome.judge(
            inventoryPath: folder.write(circuits, to: "circuits.csv"), ticketsPath: folder.write(tickets, to: "tickets.csv"),
            catalogue: catalogue, period: .month)
        return Judgement(outcome)
    }

    static func catalogue(restorationLimit: String) throws -> RuleCatalogue {
        try RuleCatalogue.builtIn.applying(rulesYAML: "tiers:\n  SLA-AA:\n    restorationLimit: \(restorationLimit)\n", file: "rules.yaml")
    }

    @Test func expectedJSONReadsBackToTheSameJudgementAndHasOneTicketALine() throws {
        let judgement = try Self.judgement()
        let bytes = try judgement.expectedJSON()
        #expect(try Judgement.read(expectedJSON: bytes, file: "expected.json") == judgement)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\n    \"T-1\": {\"accept\":\"met\",\"confirmation\":\"met\",\"dispatch\":\"met\",\"faultReport\":\"notApplicable\",\"repeat\":false,\"restoration\":\"met\",\"tier\":\"SLA-AA\"},\n"))
        #expect(text.contains("\"T-2\": {") && text.contains("\"restoration\":\"missed\""))
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") && !$0.hasPrefix("   ") }
        #expect(topKeys.map { $0.split(separator: "\"")[1] } == ["byTier", "circuitPeriods", "rejected", "tickets", "totals"])
    }

    @Test func aLimitOfSixtyMinutesFlipsTheTicketRestoredAtNinetyAndChangesTheTierCounts() throws {
        let before = try Self.judgement()
        let after = try Self.judgement(Self.catalogue(restorationLimit: "60m"))
        let changes = after.changes(since: before)
        let flipped = changes.filter { $0.entry == .ticket }
        #expect(flipped.map(\.subject) == ["T-1"])
        #expect(flipped.first?.figure == "restoration" && flipped.first?.old == .verdict(.met) && flipped.first?.new == .verdict(.missed))
        let tier = changes.first { $0.entry == .tier && $0.subject == "SLA-AA" && $0.figure == "restorationMet" }
        #expect(tier?.old == .count(1) && tier?.new == .count(0))
        #expect(before.changes(since: before).isEmpty)
    }

    @Test func malformedExpectedJSONNamesTheFileAndTheKeyPath() {
        let wrongVerdict = Array(#"{"byTier": {}, "circuitPeriods": {}, "rejected": {}, "tickets": {"T-1": {"accept": "maybe"}}, "totals": {}}"#.utf8)
        #expect(throws: CorpusError.self) { try Judgement.read(expectedJSON: wrongVerdict, file: "c/expected.json") }
        do {
            _ = try Judgement.read(expectedJSON: wrongVerdict, file: "c/expected.json")
        } catch {
            #expect(error.description.hasPrefix("c/expected.json: tickets.T-1"))
        }
        do {
            _ = try Judgement.read(expectedJSON: Array("{\"byTier\": ".utf8), file: "c/expected.json")
        } catch {
            #expect(error.description.hasPrefix("c/expected.json: not valid JSON"))
        }
    }
}
