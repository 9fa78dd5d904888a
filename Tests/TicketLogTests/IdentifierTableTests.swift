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

    /// Ids of every length from 0 to 40 bytes (the hash reads eight at a time, then a tail),
    /// ASCII and not, are found from their bytes as from their strings, and only they are.
    @Test func idsOfAnyLengthAreFoundFromTheirBytes() {
        let ids = (0...40).map { String(repeating: "é", count: $0 / 2) + String(repeating: "a", count: $0 % 2) + "\($0)" }
        let table = IdentifierTable(uniqueIDs: ids)
        for (place, id) in ids.enumerated() {
            #expect(table.index(of: id) == place)
            #expect(Array(id.utf8).withUnsafeBufferPointer { table.index(of: $0) } == place)
            #expect(Array((id + "x").utf8).withUnsafeBufferPointer { table.index(of: $0) } == nil)
        }
        #expect([UInt8]().withUnsafeBufferPointer { table.index(of: $0) } == nil)
        #expect(table.ids == ids && table.value(of: ids[7]) == 7)
    }
}
