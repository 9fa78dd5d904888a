import Foundation
import Testing
import ServiceRules
import TicketLog

/// Ingest throughput on a generated 1,000,000-row ticket log. Opt-in, release only:
/// `FAULTLINE_INGEST_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter IngestSpeed`
@Suite("Ingest speed (opt-in)")
struct IngestSpeedTests {
    static let enabled = ProcessInfo.processInfo.environment["FAULTLINE_INGEST_BENCH"] != nil

    @Test(.enabled(if: enabled)) func millionRowsPerSecond() throws {
        let rows = 1_000_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faultline-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("tickets.csv").path
        try Data(Self.ticketLog(rows: rows)).write(to: URL(fileURLWithPath: path))
        let circuits = Set((0..<1000).map { "SH-CIR-\($0)" })
        let clock = ContinuousClock()
        var result: IngestResult<TicketRecord>?
        let elapsed = try clock.measure {
            result = try TicketLogReader(circuitIDs: circuits).read(path: path)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(rows) / seconds
        print("ingest: \(rows) rows in \(seconds) s = \(Int(rate)) rows/s")
        #expect(result?.accepted == rows)
        #expect(rate >= 500_000)
    }

    /// A realistic ticket log: ~150 bytes a row, all checkpoints filled, one column of notes.
    static func ticketLog(rows: Int) -> [UInt8] {
        var text = Fixture.ticketHeader + ",report_sent_at,excluded\n"
        text.reserveCapacity(rows * 190)
        for index in 0..<rows {
            let day = 1 + index % 28, month = 1 + (index / 28) % 12
            let date = "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T"
            text += "TK\(index),SH-CIR-\(index % 1000),\(date)08:55:00,\(date)09:00:00,\(date)09:07:00,"
            text += "\(date)09:21:00,\(date)11:40:00,\(date)11:52:00,true,,\n"
        }
        return Array(text.utf8)
    }
}
