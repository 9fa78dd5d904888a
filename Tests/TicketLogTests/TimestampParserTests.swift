import Foundation
import ServiceRules
import Testing
@testable import TicketLog

@Suite("Timestamps: ISO-8601 local wall clock from bytes")
struct TimestampParserTests {
    let parser = TimestampParser()

    @Test func plainLocalTimestamp() throws {
        #expect(try parser.parse("2026-03-02T09:15:00") == Fixture.wallTime(2026, 3, 2, 9, 15))
        #expect(try parser.parse("1970-01-01T00:00:00") == WallTime(seconds: 0))
    }

    @Test(arguments: ["2026-03-02 09:15:00", "2026-03-02T09:15", "2026-03-02t09:15:00", "2026-03-02 09:15",
                      "2026-03-02T09:15:00.999", "2026-03-02T09:15:00.0"])
    func acceptedSpellings(text: String) throws {
        #expect(try parser.parse(text) == Fixture.wallTime(2026, 3, 2, 9, 15))
    }

    @Test func leapDays() throws {
        #expect(try parser.parse("2024-02-29T12:00") == Fixture.wallTime(2024, 2, 29, 12))
        #expect(try parser.parse("2000-02-29T00:00") == Fixture.wallTime(2000, 2, 29))
        #expect(try parser.parse("2024-03-01T00:00").seconds - parser.parse("2024-02-28T00:00").seconds == 2 * 86_400)
    }

    @Test(arguments: [("2026-02-29T10:00:00", TimestampProblem.dayOutOfRange(day: 29, month: 2, year: 2026)),
                      ("1900-02-29T10:00:00", .dayOutOfRange(day: 29, month: 2, year: 1900)),
                      ("2026-04-31T10:00:00", .dayOutOfRange(day: 31, month: 4, year: 2026)),
                      ("2026-01-00T10:00:00", .dayOutOfRange(day: 0, month: 1, year: 2026)),
                      ("2026-13-01T10:00:00", .monthOutOfRange(13)),
                      ("2026-03-02T24:00:00", .timeOutOfRange),
                      ("2026-03-02T09:60:00", .timeOutOfRange),
                      ("2026-03-02T09:15:60", .timeOutOfRange),
                      ("2026-03-02", .missingTime),
                      ("2026-3-2T09:15", .malformed),
                      ("2026-03-02T09:15 ", .malformed),
                      (" 2026-03-02T09:15", .malformed),
                      ("2026-03-02T09:15:00.", .malformed),
                      ("2026-03-02T09:15:00.1234567890", .malformed),
                      ("2026-03-02T09:15+08:", .malformed),
                      ("2026-03-02T09:15+19:00", .offsetOutOfRange),
                      ("0000-01-01T00:00", .yearOutOfRange(0)),
                      ("yesterday", .malformed)])
    func rejectedTexts(text: String, problem: TimestampProblem) {
        #expect(throws: problem) { try parser.parse(text) }
    }

    @Test func offsetsConvertToTheCalendarZone() throws {
        let local = Fixture.wallTime(2026, 3, 2, 9, 15)
        #expect(try parser.parse("2026-03-02T01:15:00Z") == local)
        #expect(try parser.parse("2026-03-02T09:15:00+08:00") == local)
        #expect(try parser.parse("2026-03-02T08:15:00+07:00") == local)
        #expect(try parser.parse("2026-03-01T19:45:00-05:30") == local)
        #expect(try parser.parse("2026-03-02T0915+0800".replacingOccurrences(of: "0915", with: "09:15")) == local)
        #expect(try parser.parse("2026-03-02T09:15+08") == local)
    }

    @Test func offsetAcrossMidnightAndYearEnd() throws {
        #expect(try parser.parse("2025-12-31T20:30:00Z") == Fixture.wallTime(2026, 1, 1, 4, 30))
    }

    @Test func otherCalendarZone() throws {
        let utcParser = TimestampParser(zone: .utc)
        #expect(try utcParser.parse("2026-03-02T09:15:00+08:00") == Fixture.wallTime(2026, 3, 2, 1, 15))
        #expect(try utcParser.parse("2026-03-02T09:15:00") == Fixture.wallTime(2026, 3, 2, 9, 15))
    }

    @Test func dateOnlyWhereAllowed() throws {
        #expect(try parser.parse("2026-03-10", allowDateOnly: true) == Fixture.wallTime(2026, 3, 10))
    }

    @Test func daysFromCivilAgreesWithFoundationOverRandomDates() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var random = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let year = Int.random(in: 1601...2400, using: &random)
            let month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...CivilDate.daysIn(month: month, year: year), using: &random)
            let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
            let expected = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
            #expect(CivilDate(year: year, month: month, day: day).dayNumber == expected, "\(year)-\(month)-\(day)")
        }
    }

    @Test func offsetDescription() {
        #expect(UTCOffset.shanghai.description == "+08:00")
        #expect(UTCOffset(hours: -5, minutes: 30)?.description == "-05:30")
        #expect(UTCOffset(hours: 19) == nil)
    }
}
