import ServiceRules
import Testing
@testable import TicketLog

/// Input a spreadsheet or a careless export produces: classic Mac line ends, tickets outside
/// their circuit's service, names in another case or with stray spaces, control characters.
@Suite("TicketLog: hostile but real-world input")
struct HostileInputTests {
    // MARK: CR-only line ends

    @Test func crOnlyFileReadsLikeAnLFFile() throws {
        let rows = [Fixture.ticketHeader, Fixture.ticketRow("T1"), Fixture.ticketRow("T2", circuit: "C2"), "T3,C9"]
        let lf = try Fixture.readTickets(rows)
        let cr = try Fixture.readTickets(rows, separator: "\r")
        #expect(cr.rowsRead == 3 && cr.accepted == 2)
        #expect(cr.records == lf.records)
        #expect(cr.rejections.map(\.line) == [4] && cr.rejections.map(\.reason) == lf.rejections.map(\.reason))
    }

    @Test func crOnlyQuotedFieldKeepsItsLineBreakAndLineNumbers() {
        var reader = CSVReader(bytes: Array("a,b\r\"x\ry\",2\rlast,3\r".utf8))
        var records: [(Int, [String])] = []
        while let record = reader.nextRecordStrings() { records.append((record.line, record.fields)) }
        #expect(records.map(\.0) == [1, 2, 4])
        #expect(records.map(\.1) == [["a", "b"], ["x\ry", "2"], ["last", "3"]])
    }

    @Test func aLoneCRInAnLFFileStaysData() {
        var reader = CSVReader(bytes: Array("a,b\nx\ry,2\n".utf8))
        _ = reader.nextRecordStrings()
        #expect(reader.nextRecordStrings()?.fields == ["x\ry", "2"])
    }

    // MARK: tickets outside their circuit's service

    static let datedInventory = [Fixture.inventoryHeader + ",start,end", "C1,group,sdh,SLA-A,1,2026-03-01,2026-04-01",
                                 "C2,group,sdh,SLA-A,1,,"]

    static func readAgainstDatedInventory(_ tickets: [String]) throws -> IngestResult<TicketRecord> {
        let inventory = try Fixture.readInventory(datedInventory)
        let text = ([Fixture.ticketHeader] + tickets).joined(separator: "\n") + "\n"
        return try TicketLogReader(inventory: inventory).read(bytes: Fixture.bytes(text), path: "tickets.csv")
    }

    @Test func ticketBeforeStartOrAtEndIsRejectedAndStillCounted() throws {
        let inside = Fixture.ticketRow("T1")
        let before = "T0,C1,2026-02-28T23:59:00,2026-03-01T00:05:00,,,2026-03-01T01:00:00,,true"
        let atEnd = "T2,C1,2026-04-01T00:00:00,2026-04-01T00:05:00,,,2026-04-01T01:00:00,,true"
        let undated = Fixture.ticketRow("T3", circuit: "C2")
        let result = try Self.readAgainstDatedInventory([inside, before, atEnd, undated])
        #expect(result.rowsRead == 4 && result.accepted == 2 && result.rejected == 2)
        #expect(result.records.map(\.ticketID) == ["T1", "T3"])
        #expect(result.rejections.map(\.line) == [3, 4])
        #expect(result.rejections.first?.description
            == "tickets.csv:3: fault_start 2026-02-28T23:59:00 is outside the service of circuit 'C1' (start 2026-03-01T00:00:00, end 2026-04-01T00:00:00 in the inventory)")
    }

    @Test func servicePeriodBoundsAreStartInclusiveEndExclusive() {
        let period = ServicePeriod(start: Fixture.wallTime(2026, 3, 1), end: Fixture.wallTime(2026, 4, 1))
        #expect(period.contains(Fixture.wallTime(2026, 3, 1)))
        #expect(!period.contains(Fixture.wallTime(2026, 4, 1)))
        #expect(!period.contains(Fixture.wallTime(2026, 2, 28, 23, 59, 59)))
        #expect(ServicePeriod(start: nil, end: nil).contains(Fixture.wallTime(1999, 1, 1)))
    }

    // MARK: one rule for tier, grade and product names

    @Test(arguments: [("sla-aa ", "SLA-AA"), (" SLA-AA", "SLA-AA"), ("Sla-Aa", "SLA-AA"), ("\tsla-aaa\t", "SLA-AAA")])
    func tierNamesIgnoreCaseAndSurroundingSpace(text: String, canonical: String) throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader, "C1,group,sdh,\(text),1"])
        #expect(result.records.map(\.tier) == [canonical])
    }

    @Test func gradeAndProductFollowTheSameRule() throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader, "C1, LOCALA ,  SDH ,sla-a,1"])
        #expect(result.rejections.isEmpty)
        #expect(result.records.first?.customerGrade == .localA && result.records.first?.product == "sdh"
            && result.records.first?.tier == "SLA-A")
    }

    @Test func blankTierIsNoTier() throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader, "C1,group,sdh,   ,1"])
        #expect(result.records.count == 1 && result.records.first?.tier == nil)
    }

    @Test(arguments: [
        ("C1,group,sdh,SLA-ZZ,1", "circuits.csv:2: unknown tier 'SLA-ZZ' (did you mean"),
        ("C1,grup,sdh,SLA-A,1", "circuits.csv:2: unknown customer_grade 'grup' (did you mean 'group'?)"),
        ("C1,group,sdhh,SLA-A,1", "circuits.csv:2: unknown product 'sdhh' (did you mean 'sdh'?)"),
    ])
    func unknownNamesSuggestTheClosest(row: String, message: String) throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader, row])
        #expect(result.rejected == 1)
        #expect(result.rejections.first?.description.hasPrefix(message) == true, "\(result.rejections)")
    }

    // MARK: control characters echoed

    @Test func controlCharactersAreEscapedWhereverAFieldIsEchoed() throws {
        let result = try Fixture.readTickets([Fixture.ticketHeader, "T\u{1B}[2J,C\u{7}9\u{9B}x\u{7F},2026-03-02T09:00:00,2026-03-02T09:05:00,,,2026-03-02T10:00:00,,true"])
        let message = try #require(result.rejections.first?.description)
        #expect(message == "tickets.csv:2: unknown circuit 'C\\x079\\x9Bx\\x7F' (not in the inventory)")
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test(arguments: [("plain", "plain"), ("a\u{1B}b", "a\\x1Bb"), ("tab\there", "tab\\x09here"), ("line\nbreak", "line\\x0Abreak"),
                      ("del\u{7F}", "del\\x7F"), ("c1\u{85}", "c1\\x85"), ("é 中", "é 中")])
    func escaping(text: String, shown: String) {
        #expect(text.escapingControlCharacters == shown)
    }
}
