import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SimRandom

/// Any text, parsed as a distribution (`lognormal(mean: 5m, sd: 3m)`, …): an error with a
/// message, or a distribution whose text forms (plain and with duration units) parse back to an
/// equal value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDistribution(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed: Distribution
    do {
        parsed = try Distribution(parsing: text)
    } catch {
        if error.description.isEmpty { fatalError("empty message for \(text.debugDescription)") }
        return 0
    }
    for rendered in [parsed.description, parsed.durationDescription] {
        do {
            let again = try Distribution(parsing: rendered)
            if again != parsed { fatalError("\(text.debugDescription) → \(rendered) → a different value") }
        } catch {
            fatalError("\(text.debugDescription) → \(rendered) does not parse: \(error)")
        }
    }
    return 0
}

/// Runs libFuzzer's loop on ``fuzzDistribution(_:_:)`` with the command line's options.
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzDistribution))
    }
}
