import Testing
@testable import TicketLog

/// The readers' id table: the first value of an id is kept, through the table's growth.
@Suite("Identifier table")
struct IdentifierTableTests {
    @Test func firstValueKeptAndFoundAfterGrowing() {
        var table = IdentifierTable()
        let ids = (0..<5000).map { "circuit-\($0 * 7919 % 5000)" }
        for (line, id) in ids.enumerated() { #expect(table.insert(id, value: line + 2) == nil) }
        #expect(table.insert("circuit-0", value: 99) == 2)
        #expect(table.insert("circuit-", value: 99) == nil)
        #expect(ids.indices.allSatisfy { table.value(of: ids[$0]) == $0 + 2 })
        #expect(table.value(of: "circuit-5000") == nil)
        #expect(table.index(of: ids[3]) == 3 && table.index(of: "circuit-") == 5000)
        #expect(table.ids.count == 5001)
    }
}
