import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ServiceRules
import TicketLog

/// Any bytes, parsed as a ticket-log timestamp (with and without date-only allowed, in two
/// zones): a problem, or an instant whose `isoString` parses back to the same instant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamp(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let buffer = UnsafeBufferPointer(start: data, count: size)
    for parser in [TimestampParser(), TimestampParser(zone: .utc)] {
        for allowDateOnly in [false, true] {
            guard let instant = try? parser.parse(buffer, allowDateOnly: allowDateOnly) else { continue }
            let text = instant.isoString
            let again: WallTime
            do {
                again = try parser.parse(text)
            } catch {
                fatalError("\(String(decoding: buffer, as: UTF8.self).debugDescription) → \(text) does not parse: \(error)")
            }
            if again != instant { fatalError("\(text) parses to \(again.seconds), not \(instant.seconds)") }
        }
    }
    return 0
}

/// Runs libFuzzer's loop on ``fuzzTimestamp(_:_:)`` with the command line's options.
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTimestamp))
    }
}
