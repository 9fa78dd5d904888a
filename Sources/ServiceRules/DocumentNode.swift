import Yams

/// Where a node was written: the file (as named to the user), the folder its relative paths
/// (`extends:`, `rules:`) are resolved against, and the 1-based line and column.
public struct SourceMark: Hashable, Sendable {
    /// The file, as named to the user.
    public var file: String
    /// The folder relative paths written in the file start from.
    public var directory: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// Characters before a scalar's text starts (1 for a quoted scalar's opening quote), so a
    /// problem inside the text (a distribution's bad parameter) gets its exact column.
    public var textOffset = 0

    /// A place in a file.
    public init(file: String, directory: String, line: Int, column: Int, textOffset: Int = 0) {
        self.file = file
        self.directory = directory
        self.line = line
        self.column = column
        self.textOffset = textOffset
    }
}

/// A YAML node that remembers which file it came from, so that a scenario merged from several
/// files (`extends:`, `variants:`) still reports every problem at its own file:line:column.
/// The one YAML layer of scenario and rules files (built by ``DocumentLoader``).
public struct DocumentNode: Sendable {
    /// The shapes of a node. `null` is an empty value, `~` or `null`: absent, or "remove" in a merge.
    public enum Value: Sendable {
        case scalar(String)
        case mapping([Entry])
        case sequence([DocumentNode])
        case null
    }

    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable {
        /// The key's text.
        public var key: String
        /// Where the key was written.
        public var keyMark: SourceMark
        /// The value under the key.
        public var value: DocumentNode
    }

    /// The node's shape and content.
    public var value: Value
    /// Where the node was written.
    public var mark: SourceMark

    /// A node of a shape, written at `mark`.
    public init(value: Value, mark: SourceMark) {
        self.value = value
        self.mark = mark
    }

    /// The text of a scalar node.
    public var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    /// The entries of a mapping node, in file order.
    public var mapping: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// The items of a sequence node.
    public var sequence: [DocumentNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// True for an empty value (`~`, `null` or nothing).
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The value under `key` in a mapping node.
    public subscript(key: String) -> DocumentNode? {
        mapping?.first { $0.key == key }?.value
    }

    /// A short description of the node's shape for messages.
    public var shapeDescription: String {
        switch value {
        case .scalar(let text): return "`\(text)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "an empty value"
        }
    }

    /// The same mapping without `key`.
    public func removing(key: String) -> DocumentNode {
        guard let entries = mapping else { return self }
        return DocumentNode(value: .mapping(entries.filter { $0.key != key }), mark: mark)
    }
}

extension DocumentNode {
    /// Converts a composed Yams node; non-scalar keys are reported through `problem`.
    init(_ node: Node, file: String, directory: String, problem: (SourceMark, String) -> Void) {
        var mark = SourceMark(file: file, directory: directory, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        switch node {
        case .scalar(let scalar):
            mark.textOffset = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            self.init(value: isNull ? .null : .scalar(scalar.string), mark: mark)
        case .sequence(let sequence):
            let items = sequence.map { DocumentNode($0, file: file, directory: directory, problem: problem) }
            self.init(value: .sequence(items), mark: mark)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                let keyNode = DocumentNode(key, file: file, directory: directory, problem: problem)
                guard let text = keyNode.scalar else {
                    problem(keyNode.mark, "keys must be plain text, found \(keyNode.shapeDescription)")
                    continue
                }
                entries.append(Entry(key: text, keyMark: keyNode.mark,
                                     value: DocumentNode(value, file: file, directory: directory, problem: problem)))
            }
            self.init(value: .mapping(entries), mark: mark)
        case .alias:
            // Never reached: documents with aliases are refused before they are composed.
            self.init(value: .null, mark: mark)
        }
    }

    /// `override` laid over `base`: mappings merge key by key (recursively); a `null` value
    /// removes the key; anything else (scalars, lists) replaces the base value whole.
    public static func merge(_ base: DocumentNode, _ override: DocumentNode) -> DocumentNode {
        guard var entries = base.mapping, let changes = override.mapping else { return override }
        for change in changes {
            let index = entries.firstIndex { $0.key == change.key }
            if change.value.isNull {
                if let index { entries.remove(at: index) }
            } else if let index {
                entries[index].value = merge(entries[index].value, change.value)
            } else {
                entries.append(change)
            }
        }
        return DocumentNode(value: .mapping(entries), mark: override.mark)
    }
}
