import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Scenario

/// Any text, read as a scenario file: a scenario, or a `ScenarioError` whose every problem has a
/// message and is located (line and column ≥ 1, or line 0 for a problem of a whole file).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let scenario = try Scenario.parse(yaml: text, file: "fuzz.yaml", baseDirectory: "/nonexistent-fuzz-base")
        if scenario.replications < 1 { fatalError("a scenario with \(scenario.replications) replications was accepted") }
    } catch {
        if error.problems.isEmpty { fatalError("an error without problems for \(text.debugDescription)") }
        for problem in error.problems {
            let located = (problem.line >= 1 && problem.column >= 1) || (problem.line == 0 && problem.column == 0)
            if !located || problem.message.isEmpty { fatalError("unlocated or empty problem: \(problem)") }
        }
    }
    return 0
}

/// Runs libFuzzer's loop on ``fuzzScenario(_:_:)`` with the command line's options.
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzScenario))
    }
}
