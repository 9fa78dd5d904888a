import ServiceRules
import Testing
@testable import TicketLog

@Suite("Timestamps: the fixed-layout path agrees with the general parse")
struct PlainTimestampTests {
    let parser = TimestampParser()

    /// The general parse's verdict on `text`: its instant, or the problem it reports.
    private func general(_ text: String) -> Result<WallTime, TimestampProblem> {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(TimestampProblem) in try parser.parseAnyForm(bytes) }
        }
    }

    private func plain(_ text: String) -> WallTime? {
        Array(text.utf8).withUnsafeBufferPointer { PlainTimestamp.parse($0) }
    }

    private func parsed(_ text: String) -> Result<WallTime, TimestampProblem> {
        Result { () throws(TimestampProblem) in try parser.parse(text) }
    }

    @Test(arguments: ["2026-03-02T09:15:00", "2026-03-02 09:15:00", "2026-03-02t09:15:00", "2024-02-29T23:59:59",
                      "1900-01-01T00:00:00", "2155-12-31T23:59:59", "1970-01-01T00:00:00"])
    func readsTheLogForm(text: String) throws {
        let expected = try general(text).get()
        #expect(plain(text) == expected)
    }

    @Test(arguments: ["2026-02-29T10:00:00", "1900-02-29T10:00:00", "2026-04-31T10:00:00", "2026-01-00T10:00:00",
                      "2026-13-01T10:00:00", "2026-00-01T10:00:00", "2026-03-02T24:00:00", "2026-03-02T09:60:00",
                      "2026-03-02T09:15:60", "0000-01-01T00:00:00", "1899-12-31T23:59:59", "2156-01-01T00:00:00",
                      "2026-03-02X09:15:00", "2026/03-02T09:15:00", "2026-03-02T09-15:00", "2026-03-02T09:15-00",
                      "2026-0a-02T09:15:00", "2026-03-02T09:1 :00", "+026-03-02T09:15:00", "2026-03-02T09:15:0/",
                      "2026-03-02T09:15:0:", "2026-03-02T09:15", "2026-03-02T09:15:00Z", "2026-03-02T09:15:00.5"])
    func leavesEveryOtherTextToTheGeneralParse(text: String) {
        #expect(plain(text) == nil)
        #expect(parsed(text) == general(text))
    }

    @Test func agreesWithTheGeneralParseOnRandomNearMisses() {
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("0123456789-:T t/".utf8)
        var accepted = 0
        for _ in 0..<20_000 {
            var bytes = Array("2026-03-02T09:15:00".utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let fast = plain(text)
            if let fast { accepted += 1; #expect(general(text) == .success(fast), "\(text)") }
            #expect(parsed(text) == general(text), "\(text)")
        }
        #expect(accepted > 1_000)
    }

    @Test func monthStartsAgreeWithTheCivilCalendar() {
        for year in [1900, 1901, 1970, 2000, 2024, 2026, 2100, 2155] {
            for month in 1...12 {
                let days = CivilDate.daysIn(month: month, year: year)
                for day in 0...32 {
                    let expected = day >= 1 && day <= days ? CivilDate(year: year, month: month, day: day).dayNumber : nil
                    #expect(MonthStarts.dayNumber(year: year, month: month, day: day) == expected, "\(year)-\(month)-\(day)")
                }
            }
        }
    }
}
