import Foundation
import Yams

/// Turns the text of a scenario or rules file into a ``DocumentNode``, refusing what could
/// exhaust memory or the stack before any YAML is composed, and collecting located problems.
/// (The scenario format adds `extends:` on top.)
public struct DocumentLoader {
    /// The largest scenario or rules file accepted (scenario files are a few kilobytes).
    public static let maximumBytes = 1 << 20
    /// The deepest `[`/`{` nesting accepted.
    public static let maximumFlowDepth = 64
    /// The widest indentation accepted, in columns (compact `- ` items count two each).
    public static let maximumIndentation = 400
    /// How many `extends:` files may be chained.
    public static let maximumExtendsDepth = 8

    /// The problems found so far, in the order found.
    public var problems: [DocumentProblem] = []

    /// A loader without problems.
    public init() {}

    /// Adds a problem.
    public mutating func report(_ kind: DocumentProblem.Kind, _ message: String, file: String,
                                line: Int = 0, column: Int = 0, path: String = "") {
        problems.append(DocumentProblem(file: file, line: line, column: column, keyPath: path,
                                        kind: kind, message: message))
    }

    /// The document in `text`, or nil after reporting why it cannot be read.
    public mutating func document(text: String, file: String, directory: String) -> DocumentNode? {
        guard refuseDangerousStructure(text, file: file) else { return nil }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (line, column, message) = Self.syntaxMessage(error)
            report(.syntax, message, file: file, line: line, column: column)
            return nil
        }
        guard let root else { return DocumentNode(value: .null, mark: SourceMark(file: file, directory: directory, line: 1, column: 1)) }
        return DocumentNode(root, file: file, directory: directory) { mark, message in
            report(.wrongType, message, file: mark.file, line: mark.line, column: mark.column)
        }
    }

    static func syntaxMessage(_ error: any Error) -> (line: Int, column: Int, message: String) {
        guard let yaml = error as? YamlError else { return (0, 0, "not valid YAML: \(error)") }
        switch yaml {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark.line, mark.column, "not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return (0, 0, "not valid YAML: \(yaml)")
        }
    }
}

// MARK: - Refusing aliases and runaway nesting before composing

extension DocumentLoader {
    /// True when the text may be composed. Aliases are refused outright: composing shares
    /// their nodes, but walking or hashing them (Yams hashes mapping keys) expands them
    /// exponentially (the "billion laughs" file). Deep nesting is refused because composing
    /// recurses once per level.
    public mutating func refuseDangerousStructure(_ text: String, file: String) -> Bool {
        guard text.utf8.count <= Self.maximumBytes else {
            report(.unreadableFile, "the text is \(text.utf8.count) bytes; over \(Self.maximumBytes) bytes is refused", file: file)
            return false
        }
        if let (line, column, message) = NestingScan.firstExcess(in: text) {
            report(.refusedStructure, message, file: file, line: line, column: column)
            return false
        }
        if let (line, column) = Self.firstAlias(in: text) {
            report(.refusedStructure, "YAML aliases (`*name`) are not allowed in scenario files, because they can "
                   + "expand exponentially; write the value out, or share a whole scenario with `extends:`",
                   file: file, line: line, column: column)
            return false
        }
        return true
    }

    /// Where the first alias is, found by composing a copy whose anchors are all renamed, so
    /// every alias is undefined and Yams stops at the first one without expanding anything.
    static func firstAlias(in text: String) -> (line: Int, column: Int)? {
        guard text.contains("*") else { return nil }
        var suffix = "zzScenarioProbe"
        while text.contains(suffix) { suffix += "Z" }
        let probe = text.replacingOccurrences(of: anchorPattern, with: "&$1" + suffix, options: .regularExpression)
        do {
            _ = try Yams.compose(yaml: probe)
        } catch let YamlError.composer(_, problem, mark, _) where problem.contains("undefined alias") {
            return (mark.line, originalColumn(mark.column, line: mark.line, in: text, inserted: suffix.count))
        } catch {
            return nil
        }
        return nil
    }
}

extension DocumentLoader {
    static let anchorPattern = #"&([A-Za-z0-9_-]+)"#

    /// A column of the probe text mapped back to the original line, undoing the renamed anchors before it.
    static func originalColumn(_ column: Int, line: Int, in text: String, inserted: Int) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return column }
        let original = String(lines[line - 1])
        var shift = 0
        var searchRange = original.startIndex..<original.endIndex
        while let match = original.range(of: anchorPattern, options: .regularExpression, range: searchRange) {
            let end = original.distance(from: original.startIndex, to: match.upperBound)
            guard end + shift < column else { break }
            shift += inserted
            searchRange = match.upperBound..<original.endIndex
        }
        return column - shift
    }
}

/// A lexical scan for nesting depth: flow brackets outside quotes and comments, and the
/// indentation of each line (compact `- ` and `? ` indicators included).
enum NestingScan {
    static func firstExcess(in text: String) -> (line: Int, column: Int, message: String)? {
        var depth = 0, line = 1
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indentation = Self.indentation(of: rawLine)
            if indentation > DocumentLoader.maximumIndentation {
                return (line, 1, "nesting is too deep: indentation of \(indentation) columns (at most \(DocumentLoader.maximumIndentation))")
            }
            if let column = Self.scanFlow(rawLine, depth: &depth) {
                return (line, column, "nesting is too deep: more than \(DocumentLoader.maximumFlowDepth) levels of `[` or `{`")
            }
            line += 1
        }
        return nil
    }

    static func indentation(of line: Substring) -> Int {
        var columns = 0
        var rest = line[...]
        while let first = rest.first {
            if first == " " {
                columns += 1
                rest = rest.dropFirst()
            } else if (first == "-" || first == "?"), rest.dropFirst().first == " " {
                columns += 2
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        return columns
    }

    /// Updates `depth` over one line; the 1-based column where it first exceeds the limit.
    static func scanFlow(_ line: Substring, depth: inout Int) -> Int? {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            defer { previous = character }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "#" where previous == " " || previous == "\t": return nil
            case "\"", "'": quote = character
            case "[", "{":
                depth += 1
                if depth > DocumentLoader.maximumFlowDepth { return offset + 1 }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
