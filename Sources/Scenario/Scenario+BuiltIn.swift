import Foundation

/// The built-in baseline: the package resource `Resources/baseline.yaml`, the very file users see
/// as `scenarios/baseline.yaml` (a symbolic link to it), so the binary needs no files to run a
/// default study and there is one text to maintain.
extension Scenario {
    /// The name problems in the built-in baseline are reported under.
    static let builtInBaselineFile = "built-in baseline.yaml"

    /// The baseline scenario resolved from ``builtInBaselineYAML``.
    ///
    /// The text is a resource of this module that a test parses, so this cannot fail unless the
    /// module's resource bundle was removed from beside the binary; ``loadBuiltInBaseline()``
    /// reports that case as a problem instead of stopping.
    public static var builtInBaseline: Scenario {
        do {
            return try loadBuiltInBaseline()
        } catch {
            fatalError("\(error)")
        }
    }

    /// The baseline scenario, or a problem naming the missing or unreadable resource.
    public static func loadBuiltInBaseline() throws(ScenarioError) -> Scenario {
        guard let text = builtInBaselineText else {
            throw ScenarioError(problems: [ScenarioProblem(
                file: builtInBaselineFile, line: 0, column: 0, keyPath: "", kind: .unreadableFile,
                message: "the resource bundle with the built-in baseline is missing beside the binary; "
                    + "run a scenario file instead, e.g. scenarios/baseline.yaml")])
        }
        return try parse(yaml: text, file: builtInBaselineFile)
    }

    /// The text of scenarios/baseline.yaml, read from the module's resources.
    public static var builtInBaselineYAML: String { builtInBaselineText ?? "" }

    /// Read once; nil when the resource cannot be read.
    private static let builtInBaselineText: String? = {
        guard resourceBundleIsPresent,
              let url = Bundle.module.url(forResource: "baseline", withExtension: "yaml") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }()

    /// Whether `Bundle.module` can be used without stopping the process: on Linux SwiftPM's
    /// accessor traps when the bundle is neither beside the binary nor in the build folder, and a
    /// binary copied alone should say so instead (the bundle is always beside a built binary).
    private static var resourceBundleIsPresent: Bool {
        #if os(Linux)
        let beside = Bundle.main.bundleURL.appendingPathComponent("FaultLine_Scenario.resources")
        return FileManager.default.fileExists(atPath: beside.path)
        #else
        return true
        #endif
    }
}
