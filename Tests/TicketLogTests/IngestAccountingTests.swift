import Testing
import TicketLog

/// read = accepted + rejected, over random mixes of good and bad rows, with the exact lines.
@Suite("Ingest accounting property")
struct IngestAccountingTests {
    /// The kinds of row the generator mixes.
    enum Kind: CaseIterable {
        case good, goodWithQuotedNewline, badTimestamp, outOfOrder, unknownCircuit, duplicate,
             wrongFieldCount, notClosed, blank, strayQuote, badBoolean
    }

    struct Expectation {
        var text = Fixture.ticketHeader + ",excluded\n"
        var line = 2
        var rows = 0
        var acceptedLines: [Int] = []
        var rejectedLines: [Int] = []
        var ids: [String] = []
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyRowIsAccountedFor(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var expectation = Expectation()
        for index in 0..<Int.random(in: 50...400, using: &random) {
            add(Kind.allCases.randomElement(using: &random)!, index: index, to: &expectation, random: &random)
        }
        // Empty lines at the very end are not rows (CSVReader ignores them): end on a real row.
        add(.good, index: -1, to: &expectation, random: &random)
        let result = try TicketLogReader(circuitIDs: ["C1", "C2"]).read(bytes: Fixture.bytes(expectation.text), path: "p.csv")
        #expect(result.rowsRead == expectation.rows)
        #expect(result.rowsRead == result.accepted + result.rejected)
        #expect(result.recordLines == expectation.acceptedLines)
        #expect(result.rejections.map(\.line) == expectation.rejectedLines)
    }

    private func add(_ kind: Kind, index: Int, to e: inout Expectation, random: inout SeededGenerator) {
        let id = "T\(index)"
        let good = Fixture.ticketRow(id, circuit: Bool.random(using: &random) ? "C1" : "C2")
        var physicalLines = 1
        var accepted = false
        let row: String
        switch kind {
        case .good: row = good + ","; accepted = true
        case .goodWithQuotedNewline: row = good + ",\"line one\nline two, \"\"quoted\"\"\""; physicalLines = 2; accepted = true
        case .badTimestamp: row = good.replacingOccurrences(of: "09:50:00", with: "09:5O:00") + ","
        case .outOfOrder: row = good.replacingOccurrences(of: "09:50:00", with: "08:50:00") + ","
        case .unknownCircuit: row = Fixture.ticketRow(id, circuit: "C404") + ","
        case .duplicate:
            row = Fixture.ticketRow(e.ids.first ?? id, circuit: "C1") + ","
            accepted = e.ids.isEmpty  // the very first ticket id cannot be a duplicate yet
        case .wrongFieldCount: row = good
        case .notClosed: row = good.replacingOccurrences(of: "2026-03-02T09:05:00", with: "") + ","
        case .blank: row = ""
        case .strayQuote: row = good.replacingOccurrences(of: "C1", with: "C\"1").replacingOccurrences(of: "C2", with: "C\"2") + ","
        case .badBoolean: row = good.replacingOccurrences(of: ",true", with: ",treu") + ","
        }
        if accepted {
            e.acceptedLines.append(e.line)
            e.ids.append(id)
        } else {
            e.rejectedLines.append(e.line)
        }
        e.text += row + "\n"
        e.line += physicalLines
        e.rows += 1
    }
}
