import Reports
import Testing
import TicketLog

@Suite("CSVWriter: RFC 4180 quoting")
struct CSVWriterTests {
    @Test func quotesOnlyWhereNeeded() throws {
        var writer = CSVWriter(header: ["id", "note"])
        try writer.append(["T1", "plain"])
        try writer.append(["T2", "a, b"])
        try writer.append(["T3", "say \"hi\""])
        try writer.append(["T4", " padded "])
        #expect(String(decoding: writer.bytes, as: UTF8.self)
            == "id,note\nT1,plain\nT2,\"a, b\"\nT3,\"say \"\"hi\"\"\"\nT4,\" padded \"\n")
    }

    @Test func crlfOnRequest() throws {
        var writer = CSVWriter(header: ["a"], lineEnding: .crlf)
        try writer.append(["1"])
        #expect(writer.bytes == Array("a\r\n1\r\n".utf8))
    }

    @Test func rowWidthMustMatchTheHeader() {
        var writer = CSVWriter(header: ["a", "b"])
        #expect(throws: ReportError.csvFieldCount(row: 1, expected: 2, found: 3)) { try writer.append(["1", "2", "3"]) }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomFieldsRoundTripThroughCSVReader(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let alphabet: [String] = ["a", "Z", "0", ",", "\"", "\n", "\r", "\r\n", " ", "中", "🚀", ";", "'"]
        let header = ["one", "two", "three"]
        var rows: [[String]] = []
        for _ in 0..<200 {
            rows.append((0..<3).map { _ in
                (0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            })
        }
        for ending in [CSVWriter.LineEnding.lf, .crlf] {
            var writer = CSVWriter(header: header, lineEnding: ending)
            for row in rows { try writer.append(row) }
            let records = splitCSV(bytes: writer.bytes)
            #expect(records.map(\.fields) == [header] + rows)
            #expect(records.allSatisfy { $0.issue == nil })
        }
    }
}
