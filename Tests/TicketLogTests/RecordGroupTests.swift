import ServiceRules
import Testing
@testable import TicketLog

@Suite("Ingest internals: records split a group at a time, tickets drafted compact")
struct RecordGroupTests {
    /// Stray and unterminated quotes, text after a closing quote, quoted line breaks, CRLF,
    /// a lone CR and a blank line: each record's issue names its field within its own record.
    static let tricky = "a,b,c\n1,\"x\ny\",3\r\n4,5\"6,7\n,,\n\n\"p\"q,r,s\n8,9,\"1\"\"0\"\n\r\nx\ry,z,\"w\n"

    /// The records as `forEachGroup` hands them out, `size` at a time, lines counted from 1.
    private func grouped(_ text: String, size: Int) -> [(line: Int, fields: [String], issue: CSVSyntaxIssue?)] {
        let reader = CSVReader(bytes: Array(text.utf8))
        var records: [(line: Int, fields: [String], issue: CSVSyntaxIssue?)] = []
        var sizes: [Int] = []
        _ = reader.forEachGroup(of: size, from: 0, before: text.utf8.count) { rows in
            sizes.append(rows.count)
            for row in rows { records.append((row.line + 1, (0..<row.count).map { row[$0].string }, row.issue)) }
        }
        #expect(sizes.dropLast().allSatisfy { $0 == size } && (sizes.last ?? 1) <= size)
        return records
    }

    @Test(arguments: [1, 2, 3, 5, 32])
    func groupsSplitAsRecordByRecord(size: Int) {
        let expected = splitCSV(Self.tricky)
        let records = grouped(Self.tricky, size: size)
        #expect(records.map(\.line) == expected.map(\.line))
        #expect(records.map(\.fields) == expected.map(\.fields))
        #expect(records.map(\.issue) == expected.map(\.issue))
        #expect(expected.contains { $0.issue == .quoteInUnquotedField(field: 2) })
        #expect(expected.contains { $0.issue == .textAfterClosingQuote(field: 1) })
    }

    @Test func aDraftedTicketGivesBackItsRecord() {
        let t = { (hour: Int) in Fixture.wallTime(2026, 3, 2, hour) }
        var closed = TicketRecord(
            ticketID: "T1", circuitID: "C-a-circuit-id-longer-than-fifteen", faultStart: t(1), reportedAt: t(2),
            dispatchedAt: t(3), acceptedAt: nil, repairedAt: t(6), confirmedAt: t(7), reportSentAt: t(8),
            outage: true, excluded: "force majeure", suspended: [t(4)..<t(5)])
        closed.feedbackAt = t(3)
        let open = TicketRecord(
            ticketID: "T2", circuitID: "", faultStart: t(1), reportedAt: t(1), dispatchedAt: nil, acceptedAt: t(2),
            openAsOf: t(9), outage: false)
        for record in [closed, open] {
            let drafted = DraftedTicket(record, circuit: 7)
            #expect(drafted.record(id: record.ticketID, circuitID: record.circuitID) == record)
            #expect(drafted.circuit == 7)
        }
    }
}
