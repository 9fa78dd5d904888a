import ServiceRules

/// Everything wrong with a scenario (and the files it names), each problem located by file,
/// line, column and key path. The loader collects all problems it can find before throwing.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, grouped by file in the order files were read, then by line and column.
    public var problems: [ScenarioProblem]

    /// An error from its problems.
    public init(problems: [ScenarioProblem]) {
        self.problems = problems
    }

    /// One line per problem: `baseline.yaml:12:7: inventory.east-sdh.tier: unknown tier …`.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One located problem in a scenario file, an extended file or a rules file.
public struct ScenarioProblem: Hashable, Sendable, CustomStringConvertible {
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
    /// A message for a planner.
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

    /// Kinds of scenario problems.
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
        /// A name that refers to nothing: a product, tier, grade, region or segment unknown here.
        case unknownReference
        /// Values that contradict each other (warm-up not shorter than the horizon, a region without crews).
        case inconsistent
        /// A problem reported by the rules file reader, with its own kind.
        case rulesFile(RulesFileProblem.Kind)
        /// `extends:` files that extend each other in a loop, or too deeply.
        case extendsCycle
    }
}
