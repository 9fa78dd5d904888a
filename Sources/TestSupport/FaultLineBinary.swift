import Foundation

/// What a run of the `faultline` binary produced.
public struct CommandResult: Sendable {
    /// The process's exit code.
    public var exitCode: Int32
    /// Everything written to standard output.
    public var standardOutput: String
    /// Everything written to standard error.
    public var standardError: String
}

/// Runs the built `faultline` executable, as a user would, for end-to-end tests.
public enum FaultLineBinary {
    /// The executable's path: `$FAULTLINE_BINARY` if set, else `faultline` beside the test bundle
    /// (SwiftPM puts every product of a configuration in one folder).
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["FAULTLINE_BINARY"] { return override }
        let testExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testExecutable.deletingLastPathComponent()
        // On macOS the test bundle is a folder: climb out of `X.xctest/Contents/MacOS`.
        while folder.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("faultline").path
    }

    /// Runs `faultline` with `arguments` in `directory` (default: the current one) and waits.
    public static func run(_ arguments: [String], in directory: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
        let errorData = ReadInBackground(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.wait(), as: UTF8.self)
        )
    }
}

/// Drains a file handle on a background thread.
private final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
