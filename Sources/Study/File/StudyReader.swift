import Foundation
import ServiceRules

/// Reads the nodes of a study file, collecting located problems. Every typed reader reports
/// what is wrong and returns nil, so one bad value never hides the next.
struct StudyReader {
    /// The problems found so far, in the order found (duplicates left out).
    private(set) var problems: [StudyProblem] = []

    mutating func report(_ kind: StudyProblem.Kind, _ message: String, at mark: SourceMark, _ path: String,
                         suggestion: String? = nil) {
        let problem = StudyProblem(file: mark.file, line: mark.line, column: mark.column, keyPath: path, kind: kind,
                                   message: message, suggestion: suggestion)
        if !problems.contains(problem) { problems.append(problem) }
    }


    /// Problems found elsewhere (the base scenario's), kept as they are.
    mutating func append(_ others: [StudyProblem]) {
        for problem in others where !problems.contains(problem) { problems.append(problem) }
    }

    /// The keys of a mapping, unknown keys reported ("did you mean"), missing required ones too.
    mutating func fields(_ node: DocumentNode, _ path: String, allowed: [String], required: [String] = []) -> StudyFields {
        guard let mapping = node.mapping else {
            if !node.isNull {
                report(.wrongType, "expected a mapping of keys to values, found \(node.shapeDescription)", at: node.mark, path)
                return StudyFields(path: path, mark: node.mark, entries: [])
            }
            for key in required { reportMissing(key, at: node.mark, path) }
            return StudyFields(path: path, mark: node.mark, entries: [])
        }
        var entries: [DocumentNode.Entry] = []
        for entry in mapping {
            guard allowed.contains(entry.key) else {
                reportUnknown(entry.key, at: entry.keyMark, StudyFields.child(path, entry.key), among: allowed, what: "key")
                continue
            }
            if !entry.value.isNull { entries.append(entry) }
        }
        let fields = StudyFields(path: path, mark: node.mark, entries: entries)
        for key in required where fields[key] == nil { reportMissing(key, at: node.mark, path) }
        return fields
    }

    mutating func reportMissing(_ key: String, at mark: SourceMark, _ path: String) {
        report(.missingKey, "missing required key `\(key)`", at: mark, StudyFields.child(path, key))
    }

    /// Reports `word` as unknown, with the closest of `known` ("did you mean") or the list of them.
    mutating func reportUnknown(_ word: String, at mark: SourceMark, _ path: String, among known: [String], what: String) {
        let suggestion = closestKey(to: word, among: known)
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? "; expected one of: \(known.joined(separator: ", "))"
        report(what == "key" ? .unknownKey : .unknownReference, "unknown \(what) `\(word)`\(hint)", at: mark, path,
               suggestion: suggestion)
    }

    /// The items of a list; a single value (or mapping) reads as a list of one.
    func items(_ node: DocumentNode, _ path: String) -> [(node: DocumentNode, path: String)] {
        guard let sequence = node.sequence else { return [(node, path)] }
        return sequence.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    /// The text of a scalar, or nil after reporting.
    mutating func text(_ node: DocumentNode, _ path: String) -> String? {
        guard let scalar = node.scalar else {
            report(.wrongType, "expected a single value, found \(node.shapeDescription)", at: node.mark, path)
            return nil
        }
        return scalar.trimmingCharacters(in: .whitespaces)
    }

    /// A finite number in `range` (exclusive of 0 when `range` starts there and `positive`).
    mutating func number(_ node: DocumentNode, _ path: String, within range: NumberRange) -> Double? {
        guard let word = text(node, path) else { return nil }
        guard let value = Double(word.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            report(.wrongType, "expected a number, found `\(word)`", at: node.mark, path)
            return nil
        }
        guard range.contains(value) else {
            report(.invalidValue, "must be \(range.wording), found \(word)", at: node.mark, path)
            return nil
        }
        return value
    }

    /// A whole number of at least `minimum`.
    mutating func count<Value: FixedWidthInteger>(_ node: DocumentNode, _ path: String, atLeast minimum: Value) -> Value? {
        guard let word = text(node, path) else { return nil }
        guard let value = Value(word.replacingOccurrences(of: "_", with: "")) else {
            report(.wrongType, "expected a whole number, found `\(word)`", at: node.mark, path)
            return nil
        }
        guard value >= minimum else {
            report(.invalidValue, "must be at least \(minimum), found \(value)", at: node.mark, path)
            return nil
        }
        return value
    }
}

/// The bounds of a number in a study file, with their wording for messages.
struct NumberRange {
    let lower: Double
    let lowerIncluded: Bool
    let upper: Double

    /// A multiplier (`by`): greater than 0, at most 1,000.
    static let factor = NumberRange(lower: 0, lowerIncluded: false, upper: 1000)
    /// A share of circuits: in (0, 1].
    static let share = NumberRange(lower: 0, lowerIncluded: false, upper: 1)
    /// A monthly fee: 0 to 1e12, as the scenario's.
    static let fee = NumberRange(lower: 0, lowerIncluded: true, upper: 1e12)
    /// Any finite number (the caller checks the bounds).
    static let anyNumber = NumberRange(lower: -.infinity, lowerIncluded: true, upper: .infinity)

    func contains(_ value: Double) -> Bool {
        (lowerIncluded ? value >= lower : value > lower) && value <= upper
    }

    var wording: String {
        let low = lowerIncluded ? "at least \(lower.shortText)" : "greater than \(lower.shortText)"
        return "\(low) and at most \(upper.shortText)"
    }
}

/// The known keys of one mapping, in file order (empty values left out).
struct StudyFields {
    let path: String
    let mark: SourceMark
    let entries: [DocumentNode.Entry]

    subscript(key: String) -> DocumentNode? { entries.first { $0.key == key }?.value }

    /// The key path of one of the keys.
    func path(_ key: String) -> String { Self.child(path, key) }

    static func child(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

extension Double {
    /// The shortest text that reads back as the same number: `1`, `1.5`, `0.25`.
    var shortText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}

extension Int {
    /// The number with thousands separated by commas: `38,000`.
    var groupedText: String {
        let digits = String(magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return self < 0 ? "-" + grouped : grouped
    }
}
