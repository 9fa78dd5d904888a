import Foundation
import ServiceRules

/// Reads a merged scenario document into a ``Scenario``, collecting located problems.
///
/// Every typed reader reports what is wrong and returns a fallback (the default, or nil), so one
/// bad value never hides the next; the scenario is built only when no problem was found.
struct ScenarioReader {
    var problems: [ScenarioProblem] = []
    /// The catalogue that names are checked against (built-in, then the rules file).
    var catalogue = RuleCatalogue.builtIn
    /// Reads the files the scenario names (`rules:`); its problems join ours at the end.
    var loader = DocumentLoader()

    mutating func report(_ kind: ScenarioProblem.Kind, _ message: String, at mark: SourceMark, _ path: String,
                         column extra: Int = 0, suggestion: String? = nil) {
        problems.append(ScenarioProblem(file: mark.file, line: mark.line, column: mark.column + extra,
                                        keyPath: path, kind: kind, message: message, suggestion: suggestion))
    }

    /// The keys of a mapping, with unknown keys reported ("did you mean").
    mutating func fields(_ node: DocumentNode?, _ path: String, allowed: [String], required: [String] = []) -> Fields {
        guard let node, !node.isNull else {
            for key in required { reportMissing(key, in: nil, path) }
            return Fields(path: path, mark: nil, entries: [:])
        }
        guard let mapping = node.mapping else {
            report(.wrongType, "expected a mapping of keys to values, found \(node.shapeDescription)", at: node.mark, path)
            return Fields(path: path, mark: node.mark, entries: [:])
        }
        var entries: [String: DocumentNode] = [:]
        for entry in mapping {
            guard allowed.contains(entry.key) else {
                reportUnknown(key: entry.key, at: entry.keyMark, Fields.child(path, entry.key), allowed: allowed)
                continue
            }
            if !entry.value.isNull { entries[entry.key] = entry.value }
        }
        let fields = Fields(path: path, mark: node.mark, entries: entries)
        for key in required where entries[key] == nil { reportMissing(key, in: fields, path) }
        return fields
    }

    /// The entries of a mapping whose keys are names (regions, products, row ids), in file order.
    mutating func namedEntries(_ node: DocumentNode?, _ path: String) -> [DocumentNode.Entry] {
        guard let node, !node.isNull else { return [] }
        guard let mapping = node.mapping else {
            report(.wrongType, "expected a mapping of names to entries, found \(node.shapeDescription)", at: node.mark, path)
            return []
        }
        return mapping
    }

    /// The items of a list.
    mutating func items(_ node: DocumentNode, _ path: String) -> [(node: DocumentNode, path: String)] {
        guard let sequence = node.sequence else {
            report(.wrongType, "expected a list, found \(node.shapeDescription)", at: node.mark, path)
            return []
        }
        return sequence.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    mutating func reportUnknown(key: String, at mark: SourceMark, _ path: String, allowed: [String]) {
        let suggestion = closestKey(to: key, among: allowed)
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; expected one of: \(allowed.joined(separator: ", "))"
        report(.unknownKey, "unknown key `\(key)`\(hint)", at: mark, path, suggestion: suggestion)
    }

    mutating func reportMissing(_ key: String, in fields: Fields?, _ path: String) {
        let mark = fields?.mark ?? SourceMark(file: rootFile, directory: "", line: 1, column: 1)
        report(.missingKey, "missing required key `\(key)`", at: mark, Fields.child(path, key))
    }

    /// The file problems without a better place are reported in (the scenario's own file).
    var rootFile = ""

    /// A name from a fixed list, or nil after reporting the closest ("did you mean").
    mutating func reference(_ node: DocumentNode, _ path: String, among options: [String], what: String) -> String? {
        guard let word = text(node, path) else { return nil }
        if options.contains(word) { return word }
        let suggestion = closestKey(to: word, among: options)
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; known: \(options.joined(separator: ", "))"
        report(.unknownReference, "unknown \(what) `\(word)`\(hint)", at: node.mark, path, suggestion: suggestion)
        return nil
    }

    /// The text of a scalar, or nil after reporting.
    mutating func text(_ node: DocumentNode, _ path: String) -> String? {
        guard let scalar = node.scalar else {
            report(.wrongType, "expected a single value, found \(node.shapeDescription)", at: node.mark, path)
            return nil
        }
        return scalar.trimmingCharacters(in: .whitespaces)
    }
}

/// The known keys of one mapping, with their values (empty values left out).
struct Fields {
    let path: String
    let mark: SourceMark?
    let entries: [String: DocumentNode]

    subscript(key: String) -> DocumentNode? { entries[key] }

    /// The key path of one of the keys.
    func path(_ key: String) -> String { Fields.child(path, key) }

    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
