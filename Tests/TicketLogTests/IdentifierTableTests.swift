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

    /// A table sized for an inventory of half a million ids (slots, ids and values in large
    /// pages) keeps every id's first value, also once it has grown past that size.
    @Test func largeTableKeepsEveryValueThroughGrowth() {
        var table = IdentifierTable(expectedCount: 500_000)
        let count = 900_000
        for number in 0..<count { #expect(table.insert("east-sdh-aaa-\(number)", value: number) == nil) }
        #expect(table.insert("east-sdh-aaa-0", value: -1) == 0)
        #expect((0..<count).allSatisfy { table.value(of: "east-sdh-aaa-\($0)") == $0 })
        #expect(table.value(of: "east-sdh-aaa-\(count)") == nil && table.ids.count == count)
    }

    @Test func reservedArraysAreEmpty() {
        let small: [Int] = LargePages.reserved(10), large: [String] = LargePages.reserved(1 << 20)
        #expect(small.isEmpty && small.capacity >= 10 && large.isEmpty && large.capacity >= 1 << 20)
    }
}
