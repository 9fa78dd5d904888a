/// Everything wrong with a rules file, each problem located (file:line:column and key path).
/// The reader collects all problems it can find instead of stopping at the first.
public struct RulesFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in file order (line, then column).
    public var problems: [RulesFileProblem]

    /// One line per problem: `rules.yaml:4:5: tiers.SLA-AA.restoration: unknown key …`.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One located problem in a rules file.
public struct RulesFileProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file path given by the caller.
    public var file: String
    /// 1-based line (0 when the YAML library gave no position).
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// Dotted key path, e.g. `tiers.SLA-AA.credits[0].availabilityBands[1]`.
    public var keyPath: String
    /// What kind of problem it is.
    public var kind: Kind
    /// A message for a pricing analyst.
    public var message: String

    /// `file:line:column: keyPath: message`.
    public var description: String {
        let path = keyPath.isEmpty ? "" : "\(keyPath): "
        return "\(file):\(line):\(column): \(path)\(message)"
    }

    /// Kinds of rules-file problems.
    public enum Kind: Hashable, Sendable {
        /// The text is not valid YAML.
        case syntax
        /// A key the format does not have; `suggestion` is the closest known key.
        case unknownKey(suggestion: String?)
        /// A value of the wrong YAML type or form (e.g. a list where a duration was expected).
        case wrongType(expected: String)
        /// A value of the right type that is out of range or malformed.
        case invalidValue
        /// A duration below zero.
        case negativeDuration
        /// A key required for a new entry is missing.
        case missingKey(String)
        /// Credit bands that leave a gap or overlap.
        case bandsNotContiguous
        /// A name that refers to nothing (unknown calendar, tier, grade, product, segment).
        case unknownReference(String)
    }
}

/// The closest candidate to a misspelt key: same letters ignoring case and punctuation, a
/// candidate it is the start of, or within an edit distance of about a third of its length.
public func closestKey(to key: String, among candidates: [String]) -> String? {
    let folded = fold(key)
    if let same = candidates.first(where: { fold($0) == folded }) { return same }
    if folded.count >= 4, let longer = candidates.first(where: { fold($0).hasPrefix(folded) }) { return longer }
    let scored = candidates.map { (candidate: $0, distance: editDistance(folded, fold($0))) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    return best.distance <= max(2, folded.count / 3) ? best.candidate : nil
}

private func fold(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter || $0.isNumber })
}

/// Levenshtein distance between two strings, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        previous = current
    }
    return previous[b.count]
}
