/// Reads a rules file's YAML nodes into catalogue changes, collecting located problems.
/// Typed scalar readers return nil after reporting, so one bad value never hides the next.
struct RulesFileReader {
    let file: String
    var catalogue: RuleCatalogue
    var problems: [DocumentProblem] = []

    init(file: String, base: RuleCatalogue) {
        self.file = file
        catalogue = base
    }

    mutating func report(_ kind: DocumentProblem.Kind, _ message: String, at node: DocumentNode?, _ path: String,
                         suggestion: String? = nil) {
        report(kind, message, at: node?.mark, path, suggestion: suggestion)
    }

    mutating func report(_ kind: DocumentProblem.Kind, _ message: String, at mark: SourceMark?, _ path: String,
                         suggestion: String? = nil) {
        problems.append(DocumentProblem(file: mark?.file ?? file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                        keyPath: path, kind: kind, message: message, suggestion: suggestion))
    }

    /// A mapping's entries in file order; with `allowed`, unknown keys are reported and dropped.
    mutating func entries(_ node: DocumentNode, _ path: String, allowed: [String]? = nil) -> [(key: String, value: DocumentNode)]? {
        guard let mapping = node.mapping else {
            report(.wrongType, "expected a mapping of keys to values, found \(describe(node))", at: node, path)
            return nil
        }
        var result: [(key: String, value: DocumentNode)] = []
        for entry in mapping {
            if let allowed, !allowed.contains(entry.key) {
                reportUnknownKey(entry.key, at: entry.keyMark, child(path, entry.key), allowed: allowed)
                continue
            }
            result.append((entry.key, entry.value))
        }
        return result
    }

    mutating func reportUnknownKey(_ key: String, at mark: SourceMark, _ path: String, allowed: [String]) {
        let suggestion = closestKey(to: key, among: allowed)
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; expected one of: \(allowed.joined(separator: ", "))"
        report(.unknownKey, "unknown key `\(key)`\(hint)", at: mark, path, suggestion: suggestion)
    }

    /// The items of a sequence with their key paths; a single scalar counts as a one-item list.
    mutating func items(_ node: DocumentNode, _ path: String) -> [(node: DocumentNode, path: String)]? {
        if node.scalar != nil { return [(node, path)] }
        guard let sequence = node.sequence else {
            report(.wrongType, "expected a list, found \(describe(node))", at: node, path)
            return nil
        }
        return sequence.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    mutating func text(_ node: DocumentNode, _ path: String) -> String? {
        guard let scalar = node.scalar else {
            report(.wrongType, "expected a single value, found \(describe(node))", at: node, path)
            return nil
        }
        return scalar.trimmingSpaces
    }

    mutating func bool(_ node: DocumentNode, _ path: String) -> Bool? {
        guard let word = text(node, path) else { return nil }
        switch word.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(.wrongType, "expected true or false, found `\(word)`", at: node, path)
            return nil
        }
    }

    /// One of a fixed set of words, or nil after reporting the closest.
    mutating func choice(_ node: DocumentNode, _ path: String, among options: [String], what: String) -> String? {
        guard let word = text(node, path) else { return nil }
        if options.contains(word) { return word }
        let suggestion = closestKey(to: word, among: options)
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; expected one of: \(options.joined(separator: ", "))"
        report(.unknownReference, "unknown \(what) `\(word)`\(hint)", at: node, path, suggestion: suggestion)
        return nil
    }

    func describe(_ node: DocumentNode) -> String { node.shapeDescription }

    func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
