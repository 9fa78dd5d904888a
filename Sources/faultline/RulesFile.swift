import Foundation
import ServiceRules

/// The `base` catalogue (default: the built-in one), changed by the rules file at `path` when
/// one is given; `option` names where the path came from in the error when the file cannot be read.
func loadCatalogue(rulesFile path: String?, option: String, over base: RuleCatalogue = .builtIn) throws -> RuleCatalogue {
    guard let path else { return base }
    let text: String
    do {
        text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw UserError("\(option): cannot read \(path): \(error.localizedDescription)")
    }
    do {
        return try base.applying(rulesYAML: text, file: path)
    } catch {
        let count = error.problems.count
        throw UserError(["invalid rules file \(path) (\(count) problem\(count == 1 ? "" : "s")):"]
            + error.problems.map(\.description))
    }
}
