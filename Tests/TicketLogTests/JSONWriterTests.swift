import Foundation
import Reports
import Testing

@Suite("JSONWriter: deterministic bytes")
struct JSONWriterTests {
    let sample: JSONValue = [
        "tier": "SLA-AA", "met": true, "tickets": 12, "share": 0.1, "credit": nil,
        "limits": [90, 120.5, 2.0], "nested": ["z": 1, "a": [] as JSONValue, "m": [:] as JSONValue],
    ]

    @Test func compactOutputIsExactlyAsSpecified() throws {
        let text = try JSONWriter(pretty: false).string(sample)
        #expect(text == #"{"tier":"SLA-AA","met":true,"tickets":12,"share":0.1,"credit":null,"limits":[90,120.5,2],"nested":{"z":1,"a":[],"m":{}}}"#)
    }

    @Test func prettyOutputIsIndentedWithFinalNewline() throws {
        let text = try JSONWriter().string(["a": 1, "b": [true, false]])
        #expect(text == "{\n  \"a\": 1,\n  \"b\": [\n    true,\n    false\n  ]\n}\n")
    }

    @Test func sameValueSameBytesAndKeyOrderKept() throws {
        let first = try JSONWriter().encode(sample)
        let second = try JSONWriter().encode(sample)
        #expect(first == second)
        let reordered: JSONValue = ["b": 1, "a": 2]
        #expect(try JSONWriter(pretty: false).string(reordered) == #"{"b":1,"a":2}"#)
    }

    @Test(arguments: [(1.0, "1"), (-0.0, "0"), (0.1, "0.1"), (1.0 / 3.0, "0.3333333333333333"), (1e-7, "1e-07"),
                      (1e20, "1e+20"), (-2.5, "-2.5"), (123456789.0, "123456789"), (Double.leastNonzeroMagnitude, "5e-324")])
    func numbersInShortestRoundTripForm(value: Double, text: String) throws {
        let written = try JSONWriter(pretty: false).string(.number(value))
        #expect(written == text)
        #expect(Double(written) == value)
    }

    @Test func nonFiniteNumbersAreRefusedWithTheirKeyPath() {
        #expect(throws: ReportError.nonFiniteNumber(keyPath: "$.rows[1].credit")) {
            try JSONWriter().encode(["rows": [["credit": 1.5], ["credit": .number(.nan)]]])
        }
        #expect(throws: ReportError.nonFiniteNumber(keyPath: "$")) { try JSONWriter().encode(.number(.infinity)) }
    }

    @Test func duplicateKeysAreRefused() {
        #expect(throws: ReportError.duplicateKey(keyPath: "$", key: "a")) {
            try JSONWriter().encode(.object([JSONMember("a", 1), JSONMember("a", 2)]))
        }
    }

    @Test func stringsAreEscapedAndParseBack() throws {
        let text = "quote \" backslash \\ newline \n tab \t cr \r bell \u{07} nul \u{00} 中文 🚀"
        let bytes = try JSONWriter(pretty: false).encode(["s": .string(text)])
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written.contains(#"\u0007"#) && written.contains(#"\u0000"#) && written.contains(#"\""#))
        #expect(!written.contains("\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String]
        #expect(parsed?["s"] == text)
    }
}
