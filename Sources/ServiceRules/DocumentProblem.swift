/// Everything wrong with a YAML document: a scenario, the files it extends, a rules file. Each
/// problem is located by file, line, column and key path; readers collect every problem they can
/// find before throwing, so one bad value never hides the next.
public struct DocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, grouped by file in the order files were read, then by line and column.
    public var problems: [DocumentProblem]

    /// An error from its problems.
    public init(problems: [DocumentProblem]) {
        self.problems = problems
    }

    /// One line per problem: `baseline.yaml:12:7: inventory.east-sdh.tier: unknown tier …`.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// What a rules file's reader throws: the same problems as any document.
public typealias RulesFileError = DocumentError
/// One located problem in a rules file.
public typealias RulesFileProblem = DocumentProblem

/// One located problem in a scenario file, an extended file or a rules file.
public struct DocumentProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file path as given by the caller (or as resolved for `extends:` and `rules:`).
    public var file: String
    /// 1-based line; 0 when the position is unknown (e.g. a file that cannot be read).
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// Dotted key path, e.g. `crews.east.roster[1].shift`; empty for the whole document.
    public var keyPath: String
    /// What kind of problem it is.
    public var kind: Kind
    /// A message for a planner or a pricing analyst, saying what was expected.
    public var message: String
    /// The closest known key or name, for "did you mean" (already part of `message`).
    public var suggestion: String?

    /// A problem at a place.
    public init(file: String, line: Int, column: Int, keyPath: String, kind: Kind, message: String,
                suggestion: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.kind = kind
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column: keyPath: message`; `file: message` for a problem of the whole file
    /// (line 0, e.g. a file that cannot be read).
    public var description: String {
        let path = keyPath.isEmpty ? "" : "\(keyPath): "
        let place = line == 0 ? file : "\(file):\(line):\(column)"
        return "\(place): \(path)\(message)"
    }

    /// Kinds of document problems.
    public enum Kind: Hashable, Sendable {
        /// A file that cannot be read (missing, unreadable, not UTF-8, too large).
        case unreadableFile
        /// The text is not valid YAML.
        case syntax
        /// An alias (`*name`) or nesting deeper than the format allows: refused before expansion.
        case refusedStructure
        /// A key the format does not have (see `suggestion`).
        case unknownKey
        /// A required key is missing.
        case missingKey
        /// A value of the wrong YAML shape or form (a list where a duration was expected, `5` for a duration).
        case wrongType
        /// A value of the right form that is out of range (a negative rate, a share above 1).
        case invalidValue
        /// A duration below zero.
        case negativeDuration
        /// A name that refers to nothing: a product, tier, grade, region, calendar or segment unknown here.
        case unknownReference
        /// Values that contradict each other (warm-up not shorter than the horizon, a region without crews).
        case inconsistent
        /// Credit bands that leave a gap or overlap.
        case bandsNotContiguous
        /// `extends:` files that extend each other in a loop, or too deeply.
        case extendsCycle
    }
}

/// The rules reader's and the scenario's former kinds, so that code written against them still
/// compiles; the detail they carried is in the problem's message (and `suggestion`).
extension DocumentProblem.Kind {
    /// `.unknownKey`; the suggestion belongs in ``DocumentProblem/suggestion``.
    @available(*, deprecated, renamed: "unknownKey")
    public static func unknownKey(suggestion: String?) -> Self { .unknownKey }
    /// `.wrongType`; say what was expected in the message.
    @available(*, deprecated, renamed: "wrongType")
    public static func wrongType(expected: String) -> Self { .wrongType }
    /// `.missingKey`; name the key in the key path and message.
    @available(*, deprecated, renamed: "missingKey")
    public static func missingKey(_ key: String) -> Self { .missingKey }
    /// `.unknownReference`; name the reference in the message.
    @available(*, deprecated, renamed: "unknownReference")
    public static func unknownReference(_ name: String) -> Self { .unknownReference }
    /// A rules file's problem is a document problem of its own kind.
    @available(*, deprecated, message: "a rules file's problem keeps its own kind")
    public static func rulesFile(_ kind: Self) -> Self { kind }
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

extension Array where Element == DocumentProblem {
    /// The problems by file (in order of first appearance), then line and column; problems at
    /// the same place keep their order.
    public var orderedByPlace: [DocumentProblem] {
        var files: [String] = []
        for problem in self where !files.contains(problem.file) { files.append(problem.file) }
        return enumerated().sorted { a, b in
            let left = (files.firstIndex(of: a.element.file)!, a.element.line, a.element.column, a.offset)
            let right = (files.firstIndex(of: b.element.file)!, b.element.line, b.element.column, b.offset)
            return left < right
        }.map(\.element)
    }
}
