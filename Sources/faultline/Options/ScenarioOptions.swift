import ArgumentParser
import Scenario

/// The scenario file (optional: the built-in baseline) and `--variant`, shared by the commands
/// that simulate one scenario.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The scenario file (YAML); the built-in baseline when omitted.", valueName: "scenario"))
    var scenario: String?

    @Option(help: ArgumentHelp("Run this inline variant of the scenario file (see `variants:`).", valueName: "name"))
    var variant: String?

    func validate() throws {
        if scenario == nil, variant != nil { throw ValidationError("--variant needs a scenario file with `variants:`") }
    }

    /// How the report names the scenario: its file, or `built-in baseline`.
    var source: String { scenario ?? "built-in baseline" }

    /// How messages name what runs: the source, with the variant when one is chosen.
    var label: String { variant.map { "\(source) variant «\($0)»" } ?? source }

    /// The scenario file's scenario (or its variant), or the built-in baseline; a file's
    /// problems are printed as `validate` prints them (exit 2).
    func load() throws -> Scenario { try Self.load(file: scenario, variant: variant) }

    /// The scenario of `file` (its `variant` when given), or the built-in baseline when `file`
    /// is nil, with `seed` in place of its own when given: what `load()` reads, also for a
    /// merge rebuilding a run's plan.
    static func load(file: String?, variant: String?, seed: UInt64?) throws -> Scenario {
        var scenario = try load(file: file, variant: variant)
        if let seed { scenario.seed = seed }
        return scenario
    }

    private static func load(file: String?, variant: String?) throws -> Scenario {
        guard let file else { return try builtInBaseline() }
        let loaded = try loadScenarioFile(file)
        guard let variant else { return loaded }
        guard let chosen = loaded.variants.first(where: { $0.name == variant }) else {
            throw UserError(CompareInputs.unknownVariant(variant, in: loaded, file: file))
        }
        return chosen.scenario
    }

    /// The baseline shipped beside the binary; a missing resource bundle is a one-line error.
    private static func builtInBaseline() throws -> Scenario {
        do {
            return try Scenario.loadBuiltInBaseline()
        } catch {
            throw UserError(error.description)
        }
    }
}
