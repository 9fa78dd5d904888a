import Foundation
import Scenario

/// Where the fitted scenario lives and what its `extends:` says: the `--base` file (by name
/// when beside the written file, else by absolute path), or the built-in baseline written as
/// `baseline.yaml` beside it (refused if a different file of that name is there).
struct FittedScenarioPlace {
    /// The `--write-scenario` file, if any.
    let output: String?
    /// The text of `extends:`.
    let extendsPath: String
    /// The folder relative paths are resolved from.
    let directory: String
    /// The built-in baseline's text, when it must be written beside the fitted file.
    let baselineCopy: (path: String, text: String)?

    init(base: String?, output: String?) throws {
        self.output = output
        let outputDirectory = output.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 }
        if let base {
            let absolute = Self.absolute(base)
            let beside = outputDirectory.map { Self.absolute($0) == (absolute as NSString).deletingLastPathComponent } ?? false
            extendsPath = beside ? (base as NSString).lastPathComponent : absolute
            directory = outputDirectory ?? "."
            baselineCopy = nil
        } else if let outputDirectory {
            let path = (outputDirectory as NSString).appendingPathComponent("baseline.yaml")
            let text = Scenario.builtInBaselineYAML
            if let existing = FileManager.default.contents(atPath: path), existing != Data(text.utf8) {
                throw UserError("--write-scenario: \(path) exists and is not the built-in baseline; pass it as --base or move it")
            }
            extendsPath = "baseline.yaml"
            directory = outputDirectory
            baselineCopy = (path, text)
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("faultline-fit-\(UUID().uuidString)").path
            extendsPath = (folder as NSString).appendingPathComponent("baseline.yaml")
            directory = folder
            baselineCopy = (extendsPath, Scenario.builtInBaselineYAML)
        }
    }

    /// Adds the fitted file (and the baseline beside it) to the all-or-nothing batch.
    func add(_ text: String, to files: inout ReportFiles) throws {
        guard let output else { return }
        if let copy = baselineCopy { files.add(Array(copy.text.utf8), to: copy.path, option: "--write-scenario") }
        files.add(Array(text.utf8), to: output, option: "--write-scenario")
    }

    /// The fitted text read back through the scenario reader, as `faultline run` would read the file.
    func resolve(_ text: String) throws -> Scenario {
        var temporary: String?
        if let copy = baselineCopy, output == nil || !FileManager.default.fileExists(atPath: copy.path) {
            let folder = (copy.path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: copy.path) {
                try Data(copy.text.utf8).write(to: URL(fileURLWithPath: copy.path))
                temporary = copy.path
            }
        }
        defer {
            if let temporary {
                try? FileManager.default.removeItem(atPath: temporary)
                if output == nil { try? FileManager.default.removeItem(atPath: (temporary as NSString).deletingLastPathComponent) }
            }
        }
        do {
            return try Scenario.parse(yaml: text, file: output ?? "fitted.yaml", baseDirectory: directory)
        } catch {
            throw UserError("the fitted scenario does not read back (please report this): \(error.description)")
        }
    }

    private static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }
}
