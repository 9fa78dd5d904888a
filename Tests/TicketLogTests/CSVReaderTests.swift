import Testing
import TicketLog

@Suite("CSVReader: RFC 4180 splitting and line numbers")
struct CSVReaderTests {
    /// Plain bytes are skipped eight at a time: a comma, quote, CR or LF at any offset of a
    /// long unquoted field still ends it (or spoils it) exactly there.
    @Test(arguments: 0..<20)
    func aSpecialByteAtAnyOffsetOfALongFieldIsSeen(offset: Int) {
        let plain = String(repeating: "x", count: offset)
        let tail = String(repeating: "y", count: 20 - offset)
        #expect(splitCSV("\(plain),\(tail)\n").map(\.fields) == [[plain, tail]])
        #expect(splitCSV("\(plain)\r\n\(tail)\n").map(\.fields) == [[plain], [tail]])
        #expect(splitCSV("\(plain)\n\(tail)\n").map(\.line) == [1, 2])
        #expect(splitCSV("\(plain)\r\(tail)\n").map(\.fields) == [[plain + "\r" + tail]])
        #expect(splitCSV("a\(plain)\"\(tail)\n").first?.issue == .quoteInUnquotedField(field: 1))
    }

    @Test func quotedFieldKeepsItsComma() {
        let records = splitCSV("a,b\n\"x, y\",z\n")
        #expect(records.count == 2)
        #expect(records[1].fields == ["x, y", "z"])
    }

    @Test func doubledQuotesBecomeOneQuote() {
        let records = splitCSV("a,b\n\"say \"\"hi\"\"\",2\n")
        #expect(records[1].fields == ["say \"hi\"", "2"])
    }

    @Test func embeddedNewlineKeepsLaterLineNumbersRight() {
        let records = splitCSV("h1,h2\n\"two\nlines\",x\n\"three\n\nlines\",y\nlast,z\n")
        #expect(records.map(\.line) == [1, 2, 4, 7])
        #expect(records[1].fields == ["two\nlines", "x"])
        #expect(records[2].fields == ["three\n\nlines", "y"])
    }

    @Test func crlfLineEndsAreNotPartOfFields() {
        let records = splitCSV("a,b\r\n1,\"q\"\r\n3,4\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "q"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func byteOrderMarkIsSkipped() {
        let records = splitCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("name,x\n1,2\n".utf8))
        #expect(records[0].fields == ["name", "x"])
    }

    @Test func trailingEmptyLinesAreIgnoredButInnerOnesAreRecords() {
        let records = splitCSV("a\n1\n\n2\n\n\r\n")
        #expect(records.map(\.fields) == [["a"], ["1"], [""], ["2"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func lastRecordWithoutLineEndIsRead() {
        #expect(splitCSV("a,b\n1,2").last?.fields == ["1", "2"])
    }

    @Test func emptyFieldsAreKept() {
        #expect(splitCSV("a,b,c\n,,\n")[1].fields == ["", "", ""])
    }

    @Test func strayQuoteSpoilsOnlyItsRecord() {
        let records = splitCSV("a,b\nab\"c,d\n1,2\n")
        #expect(records[1].issue == .quoteInUnquotedField(field: 1))
        #expect(records[2].fields == ["1", "2"])
        #expect(records[2].line == 3)
    }

    @Test func textAfterClosingQuoteIsAnIssue() {
        let records = splitCSV("a,b\n1,\"x\"y\n3,4\n")
        #expect(records[1].issue == .textAfterClosingQuote(field: 2))
        #expect(records[2].line == 3)
    }

    @Test func unterminatedQuoteRunsToEndOfFile() {
        let records = splitCSV("a,b\n1,\"open\n2,3\n")
        #expect(records.count == 2)
        #expect(records[1].issue == .unterminatedQuote)
    }

    @Test func loneCarriageReturnIsData() {
        #expect(splitCSV("a,b\nx\ry,2\n")[1].fields == ["x\ry", "2"])
    }
}
