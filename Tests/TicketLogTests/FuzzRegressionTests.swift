import Foundation
import ServiceRules
import Testing
import TicketLog

/// Inputs the fuzzers (Fuzz/, `make fuzz`) found to break a property, replayed on every test run
/// with the same property: each is in Fuzz/Regressions/TARGET/.
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions")

    static func inputs(_ target: String) -> [String] {
        let folder = regressions.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test func thereAreTimestampRegressions() {
        #expect(!Self.inputs("FuzzTimestamp").isEmpty)
    }

    /// A parsed timestamp's `isoString` parses back to the same instant (or it is refused).
    @Test(arguments: inputs("FuzzTimestamp"))
    func timestampRoundTrips(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for parser in [TimestampParser(), TimestampParser(zone: .utc)] {
            for allowDateOnly in [false, true] {
                guard let instant = try? parser.parse(text, allowDateOnly: allowDateOnly) else { continue }
                #expect((try? parser.parse(instant.isoString)) == instant, "\(text) → \(instant.isoString)")
            }
        }
    }

    @Test func anOffsetCannotCarryAnInstantOutOfTheWritableYears() {
        #expect(throws: TimestampProblem.yearOutOfRange(10000)) { try TimestampParser().parse("9999-12-31T23:00:00-10:00") }
        #expect(throws: TimestampProblem.yearOutOfRange(0)) { try TimestampParser().parse("0001-01-01T00:30:00+14:00") }
        #expect((try? TimestampParser().parse("9999-12-31T23:00:00+08:00")) != nil)
    }
}
