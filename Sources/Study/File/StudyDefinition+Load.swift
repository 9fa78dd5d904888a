import Foundation
import Scenario
import ServiceRules

/// Loading a study file (docs/study-format.md).
extension StudyDefinition {
    /// The most mixes (named and grid points together) a study file may make unless the caller
    /// allows more (`faultline study --max-mixes`).
    public static let defaultMaximumMixes = 200

    /// Reads, validates and resolves the study file at `path`, and the base scenario it names
    /// (relative to the study file).
    /// - Parameter maxMixes: the most mixes accepted, named ones and grid points together.
    /// - Throws: ``StudyError`` with every problem found, each located (the base scenario's
    ///   problems name the base file).
    public static func load(path: String, maxMixes: Int = defaultMaximumMixes) throws(StudyError) -> StudyDefinition {
        let text = try readText(path)
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(yaml: text, file: path, baseDirectory: directory.isEmpty ? "." : directory, maxMixes: maxMixes)
    }

    /// Validates and resolves study text.
    /// - Parameters:
    ///   - yaml: the study's text.
    ///   - file: the name used in problem locations and kept as ``file``.
    ///   - baseDirectory: the folder a relative `base:` path starts from.
    ///   - maxMixes: the most mixes accepted, named ones and grid points together.
    /// - Throws: ``StudyError`` with every problem found, each located.
    public static func parse(yaml: String, file: String, baseDirectory: String = ".",
                             maxMixes: Int = defaultMaximumMixes) throws(StudyError) -> StudyDefinition {
        var loader = DocumentLoader()
        guard let document = loader.document(text: yaml, file: file, directory: baseDirectory) else {
            throw StudyError(problems: loader.problems)
        }
        var reader = StudyReader()
        let study = reader.study(document, file: file, baseDirectory: baseDirectory, maxMixes: maxMixes)
        guard let study, reader.problems.isEmpty else { throw StudyError(problems: reader.problems.orderedByPlace) }
        return study
    }

    /// The file's text, refused when unreadable, too large or not UTF-8.
    static func readText(_ path: String) throws(StudyError) -> String {
        let failure = { (message: String) in
            StudyError(problems: [StudyProblem(file: path, line: 0, column: 0, keyPath: "", kind: .unreadableFile, message: message)])
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot read the study file") }
        guard data.count <= DocumentLoader.maximumBytes else {
            throw failure("the file is \(data.count) bytes; files over \(DocumentLoader.maximumBytes) bytes are refused")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("the file is not UTF-8 text") }
        return text
    }
}
