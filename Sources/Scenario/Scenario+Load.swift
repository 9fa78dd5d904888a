import Foundation
import ServiceRules

/// Loading a scenario from a file or text.
extension Scenario {
    /// Reads, merges (`extends:`), validates and resolves the scenario file at `path`, and any
    /// `extends:` or `rules:` file it names (relative to the file that names it).
    /// - Throws: ``ScenarioError`` with every problem found, each located.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        var loader = DocumentLoader()
        guard let text = loader.readFile(path, label: path, at: nil, keyPath: "") else {
            throw ScenarioError(problems: loader.problems)
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(yaml: text, file: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Validates and resolves scenario text.
    /// - Parameters:
    ///   - yaml: the scenario's text.
    ///   - file: the name used in problem locations.
    ///   - baseDirectory: the folder that relative `extends:` and `rules:` paths start from.
    /// - Throws: ``ScenarioError`` with every problem found, each located.
    public static func parse(yaml: String, file: String, baseDirectory: String = ".") throws(ScenarioError) -> Scenario {
        var loader = DocumentLoader()
        guard let document = loader.document(text: yaml, file: file, directory: baseDirectory) else {
            throw ScenarioError(problems: loader.problems)
        }
        if let found = DocumentLoader.notAScenario(document), document.scalar != nil || document.mapping != nil {
            // Said once, without echoing the text or the keys (a password file reads as a mapping).
            throw ScenarioError(problems: [ScenarioProblem(
                file: file, line: document.mark.line, column: document.mark.column, keyPath: "", kind: .wrongType,
                message: "not a scenario file: expected a mapping of scenario keys (name, start, horizon, …), found \(found)")])
        }
        let root = loader.resolvingExtends(document, chain: [ScenarioResolution.identity(of: file, in: baseDirectory)])
        // Without the file it extends, the rest would only be noise (every inherited key "missing").
        guard loader.problems.isEmpty else { throw ScenarioError(problems: loader.problems) }
        var resolution = ScenarioResolution(file: file, problems: [])
        let scenario = resolution.resolve(root)
        guard resolution.problems.isEmpty else { throw ScenarioError(problems: resolution.problems.orderedByPlace) }
        return scenario
    }
}

/// Reads a merged document and its variants, gathering the problems of every part.
struct ScenarioResolution {
    let file: String
    var problems: [ScenarioProblem]

    mutating func resolve(_ root: DocumentNode) -> Scenario {
        var scenario = read(root.removing(key: "variants"), pathPrefix: "")
        scenario.variants = readVariants(root)
        return scenario
    }

    mutating func read(_ document: DocumentNode, pathPrefix: String) -> Scenario {
        var reader = ScenarioReader()
        reader.rootFile = file
        let scenario = reader.scenario(document)
        // A variant repeats the scenario's own problems; only its new ones are kept, prefixed.
        for var problem in reader.loader.problems + reader.problems where !problems.contains(problem) {
            if !pathPrefix.isEmpty { problem.keyPath = problem.keyPath.isEmpty ? pathPrefix : "\(pathPrefix).\(problem.keyPath)" }
            if !problems.contains(problem) { problems.append(problem) }
        }
        return scenario
    }

    /// `variants:` — each `{name, description, overrides}` merged over the scenario (without its variants).
    mutating func readVariants(_ root: DocumentNode) -> [ScenarioVariant] {
        guard let node = root["variants"], !node.isNull else { return [] }
        var reader = ScenarioReader()
        var variants: [ScenarioVariant] = []
        for (item, path) in reader.items(node, "variants") {
            let entry = reader.fields(item, path, allowed: ["name", "description", "overrides"], required: ["name", "overrides"])
            let name = entry["name"].flatMap { reader.text($0, entry.path("name")) } ?? ""
            if !name.isEmpty, variants.contains(where: { $0.name == name }), let node = entry["name"] {
                reader.report(.inconsistent, "another variant is already called `\(name)`", at: node.mark, entry.path("name"))
            }
            guard let overrides = entry["overrides"] else { continue }
            if overrides.mapping == nil {
                reader.report(.wrongType, "expected a mapping (a partial scenario), found \(overrides.shapeDescription)",
                              at: overrides.mark, entry.path("overrides"))
                continue
            }
            let forbidden = ["variants", "extends"].filter { overrides[$0] != nil }
            for key in forbidden {
                reader.report(.inconsistent, "a variant cannot set `\(key)`", at: overrides.mark, entry.path("overrides.\(key)"))
            }
            let merged = DocumentNode.merge(root.removing(key: "variants"), overrides)
            var scenario = read(merged, pathPrefix: path)
            scenario.name = "\(scenario.name)/\(name)"
            variants.append(ScenarioVariant(name: name, description: entry["description"].flatMap { reader.text($0, entry.path("description")) } ?? "",
                                            scenario: scenario))
        }
        problems += reader.problems.filter { !problems.contains($0) }
        return variants
    }


    /// A file's identity for cycle detection: its standardised path.
    static func identity(of file: String, in directory: String) -> String {
        let path = file.hasPrefix("/") ? file : ScenarioReader.resolve((file as NSString).lastPathComponent, against: directory)
        return (path as NSString).standardizingPath
    }
}
