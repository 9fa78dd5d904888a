import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ServiceRules
import TicketLog

/// Any bytes, read as an inventory and as a ticket log: the whole file is refused with a
/// `TicketLogError`, or every data row is accounted for — read = accepted + rejected — each
/// rejection on a line within the file, and no echoed message carries a control character.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTicketCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let inventory = try? InventoryReader().read(bytes: bytes, path: "circuits.csv") {
        check(inventory, size: size)
        if let tickets = try? TicketLogReader(inventory: inventory).read(bytes: bytes, path: "tickets.csv") {
            check(tickets, size: size)
        }
    }
    if let tickets = try? TicketLogReader(circuitIDs: ["C1", "C2"]).read(bytes: bytes, path: "tickets.csv") {
        check(tickets, size: size)
    }
    return 0
}

private func check<Record>(_ result: IngestResult<Record>, size: Int) {
    require(result.rowsRead == result.records.count + result.rejections.count, "read ≠ accepted + rejected")
    require(result.accepted == result.records.count && result.rejected == result.rejections.count, "counts disagree")
    for rejection in result.rejections {
        require(rejection.line >= 2 && rejection.line <= size + 1, "rejection on line \(rejection.line)")
        require(!rejection.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                "control character echoed: \(rejection.description.debugDescription)")
    }
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("property violated: \(message())") }
}

/// Runs libFuzzer's loop on ``fuzzTicketCSV(_:_:)`` with the command line's options.
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTicketCSV))
    }
}
