import ArgumentParser
import Experiments
import Foundation
import Scenario

/// The scenarios `faultline compare` was given, resolved: the base and the variants with where
/// each came from.
struct CompareInputs {
    /// A variant and its origin, for the report.
    struct Source {
        var variant: Comparison.Variant
        /// The file it was read from.
        var file: String
        /// The inline variant's name, nil for a variant file.
        var inlineName: String?
    }

    /// The base scenario (its seed possibly replaced by --seed).
    var base: Scenario
    /// The base file.
    var baseFile: String
    /// The variants in report order: the other files, then the chosen inline variants.
    var variants: [Source]

    /// Loads the files and picks the variants; every problem is a one-line `UserError` (a
    /// scenario's own problems are printed as `validate` prints them, exit 2). With `rulesFile`
    /// the one variant is the base itself, its tickets judged by the base's rules changed by
    /// that file.
    static func load(files: [String], variantNames: [String], rulesFile: String? = nil) throws -> CompareInputs {
        guard let baseFile = files.first else {
            throw UserError("compare needs a base scenario and a variant: give two files, or a file with `variants:`")
        }
        let base = try loadScenarioFile(baseFile)
        if let rulesFile {
            return try judgedByRules(base, baseFile: baseFile, rulesFile: rulesFile, files: files, variantNames: variantNames)
        }
        var variants = try files.dropFirst().map { file in
            let loaded = try loadScenarioFile(file)
            return Source(variant: Comparison.Variant(name: loaded.name, scenario: loaded), file: file, inlineName: nil)
        }
        let names = variantNames.isEmpty && files.count == 1 ? base.variants.map(\.name) : variantNames
        variants += try inlineVariants(names, of: base, file: baseFile)
        guard !variants.isEmpty else {
            throw UserError("\(baseFile) has no `variants:`; give a variant file too, e.g. "
                            + "faultline compare \(baseFile) variant.yaml")
        }
        try checkPairable(base, baseFile: baseFile, variants)
        return CompareInputs(base: base, baseFile: baseFile, variants: uniquelyNamed(variants))
    }

    /// The base against itself judged by the rules file: the same simulated tickets, two judgements.
    private static func judgedByRules(
        _ base: Scenario, baseFile: String, rulesFile: String, files: [String], variantNames: [String]
    ) throws -> CompareInputs {
        guard files.count == 1, variantNames.isEmpty else {
            throw UserError("--rules compares the base scenario's rules with \(rulesFile) on the same tickets; "
                            + "give the base scenario only, without variant files or --variant")
        }
        let rules = try loadCatalogue(rulesFile: rulesFile, option: "--rules", over: base.catalogue)
        let name = "rules " + ((rulesFile as NSString).lastPathComponent as NSString).deletingPathExtension
        let variant = Comparison.Variant(name: name, scenario: base, judgingRules: rules)
        return CompareInputs(base: base, baseFile: baseFile, variants: [Source(variant: variant, file: rulesFile, inlineName: nil)])
    }

    /// The inline variants called `names`, in that order.
    private static func inlineVariants(_ names: [String], of base: Scenario, file: String) throws -> [Source] {
        try names.map { name in
            guard let inline = base.variants.first(where: { $0.name == name }) else {
                throw UserError(unknownVariant(name, in: base, file: file))
            }
            return Source(variant: Comparison.Variant(name: inline.name, scenario: inline.scenario),
                          file: file, inlineName: inline.name)
        }
    }

    /// `--variant: no variant «x» in f.yaml (its variants: a, b)`.
    static func unknownVariant(_ name: String, in scenario: Scenario, file: String) -> String {
        let known = scenario.variants.map(\.name)
        return "--variant: no variant «\(name)» in \(file) "
            + (known.isEmpty ? "(it has no `variants:`)" : "(its variants: \(known.joined(separator: ", ")))")
    }

    /// Refuses variants whose observed window differs from the base's.
    private static func checkPairable(_ base: Scenario, baseFile: String, _ variants: [Source]) throws {
        for source in variants {
            if let problem = Comparison.mismatch(base, source.variant.scenario) {
                let label = source.inlineName.map { "\(source.file) variant «\($0)»" } ?? source.file
                throw UserError("\(label): \(problem); compare pairs replications, so the scenarios need the same "
                                + "start, horizon and warm-up")
            }
        }
    }

    /// Labels made unique (a second `x` becomes `x (2)`), so report rows are never ambiguous.
    private static func uniquelyNamed(_ variants: [Source]) -> [Source] {
        var seen: [String: Int] = [:]
        return variants.map { source in
            var renamed = source
            let name = source.variant.name
            seen[name, default: 0] += 1
            if let count = seen[name], count > 1 { renamed.variant.name = "\(name) (\(count))" }
            return renamed
        }
    }
}
