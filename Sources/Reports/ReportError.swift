/// Why a report could not be produced or written.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An output could not be written (or its destination is refused); nothing was left behind.
    /// `option` names the command-line option (`--json`, `--csv`, …) the path came from.
    case writeFailed(option: String, path: String, problem: String)
    /// A number JSON cannot represent (NaN or infinite), at a key path such as `$.tiers[2].credit`.
    case nonFiniteNumber(keyPath: String)
    /// The same key twice in one JSON object, at its key path.
    case duplicateKey(keyPath: String, key: String)
    /// A CSV row with a different number of fields than the header (1-based data row).
    case csvFieldCount(row: Int, expected: Int, found: Int)

    /// A one-line message for users.
    public var description: String {
        switch self {
        case .writeFailed(let option, let path, let problem): return "\(option): \(path): \(problem)"
        case .nonFiniteNumber(let keyPath): return "\(keyPath): NaN or infinite number cannot be written as JSON"
        case .duplicateKey(let keyPath, let key): return "\(keyPath): key '\(key)' appears twice"
        case .csvFieldCount(let row, let expected, let found):
            return "CSV row \(row): expected \(expected) fields, found \(found)"
        }
    }
}
