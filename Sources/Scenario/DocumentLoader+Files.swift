import Foundation
import ServiceRules

// MARK: - Files (the only I/O of scenario loading; ServiceRules reads text only)

extension DocumentLoader {
    /// The text of a file named in a scenario, or nil after reporting.
    mutating func readFile(_ path: String, label: String, at mark: SourceMark?, keyPath: String) -> String? {
        let here = (file: mark?.file ?? label, line: mark?.line ?? 0, column: mark?.column ?? 0)
        guard let data = FileManager.default.contents(atPath: path) else {
            report(.unreadableFile, "cannot read file `\(label)`", file: here.file, line: here.line, column: here.column, path: keyPath)
            return nil
        }
        guard data.count <= Self.maximumBytes else {
            report(.unreadableFile, "`\(label)` is \(data.count) bytes; files over \(Self.maximumBytes) bytes are refused",
                   file: here.file, line: here.line, column: here.column, path: keyPath)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report(.unreadableFile, "`\(label)` is not UTF-8 text", file: here.file, line: here.line, column: here.column, path: keyPath)
            return nil
        }
        return text
    }
}

// MARK: - extends

extension DocumentLoader {
    /// The document with the file named by its `extends:` laid underneath it (recursively).
    /// `chain` holds the files already on the way, to refuse loops.
    mutating func resolvingExtends(_ document: DocumentNode, chain: [String]) -> DocumentNode {
        guard let node = document["extends"], !node.isNull else { return document.removing(key: "extends") }
        guard let relative = node.scalar else {
            report(.wrongType, "expected the path of a scenario file, found \(node.shapeDescription)",
                   file: node.mark.file, line: node.mark.line, column: node.mark.column, path: "extends")
            return document.removing(key: "extends")
        }
        let path = ScenarioReader.resolve(relative, against: node.mark.directory)
        let identity = (path as NSString).standardizingPath
        guard !chain.contains(identity), chain.count <= Self.maximumExtendsDepth else {
            let why = chain.contains(identity) ? "`\(relative)` is already being extended (a loop)"
                : "more than \(Self.maximumExtendsDepth) files extend each other"
            report(.extendsCycle, why, file: node.mark.file, line: node.mark.line, column: node.mark.column, path: "extends")
            return document.removing(key: "extends")
        }
        guard let text = readFile(path, label: path, at: node.mark, keyPath: "extends"),
              let base = self.document(text: text, file: path, directory: (path as NSString).deletingLastPathComponent) else {
            return document.removing(key: "extends")
        }
        if let found = Self.notAScenario(base) {
            // One message, never the file's contents: `extends:` may name any readable file.
            report(.wrongType, "`\(relative)` is not a scenario file: expected a mapping of scenario keys "
                   + "(name, start, horizon, …), found \(found)",
                   file: node.mark.file, line: node.mark.line, column: node.mark.column, path: "extends")
            return document.removing(key: "extends")
        }
        let resolvedBase = resolvingExtends(base, chain: chain + [identity])
        return DocumentNode.merge(resolvedBase, document.removing(key: "extends"))
    }

    /// What a document is, when it cannot be a scenario: not a mapping, or a mapping none of
    /// whose keys is a scenario key or a near miss of one (a password file reads as such a
    /// mapping; `horizen:` is a typo, answered with "did you mean"). Nil for a scenario.
    static func notAScenario(_ document: DocumentNode) -> String? {
        switch document.value {
        case .null: return "an empty file"
        case .scalar: return "plain text"
        case .sequence: return "a list"
        case .mapping(let entries):
            let keys = ScenarioReader.topKeys
            let known = entries.contains { keys.contains($0.key) || closestKey(to: $0.key, among: keys) != nil }
            return known ? nil : "a mapping with none of them"
        }
    }
}
