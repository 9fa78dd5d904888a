/// Why a corpus cannot be checked (the CLI maps these to exit code 2).
public enum CorpusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The folder does not exist or is not a folder.
    case notAFolder(path: String)
    /// A file a corpus must have is missing.
    case missingFile(path: String, role: String)
    /// `expected.json` is not the judgement's JSON; the problem names the key path or place.
    case malformedExpected(file: String, problem: String)
    /// `bench.json` is missing or has no usable floor.
    case malformedBench(file: String, problem: String)

    /// A one-line message for users.
    public var description: String {
        switch self {
        case .notAFolder(let path): return "\(path): not a corpus folder (expected a folder with circuits.csv, tickets.csv and expected.json)"
        case .missingFile(let path, let role): return "\(path): missing (\(role))"
        case .malformedExpected(let file, let problem): return "\(file): \(problem)"
        case .malformedBench(let file, let problem): return "\(file): \(problem)"
        }
    }
}
