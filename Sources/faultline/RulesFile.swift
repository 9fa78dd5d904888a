import Foundation
import ServiceRules

/// The `base` catalogue (default: the built-in one), changed by the rules file at `path` when
/// one is given; `option` names where the path came from in the error when the file cannot be
/// read. One version only: a file with `versions:` is refused as an unknown key.
func loadCatalogue(rulesFile path: String?, option: String, over base: RuleCatalogue = .builtIn) throws -> RuleCatalogue {
    guard let path else { return base }
    let text = try rulesText(path, option: option)
    do {
        return try base.applying(rulesYAML: text, file: path)
    } catch {
        throw invalidRules(path, error)
    }
}

/// The rules a rules file gives over the built-in ones, versions and all (a plain file is one
/// version); `option` names where the path came from in errors.
func loadRules(rulesFile path: String?, option: String) throws -> RuleVersions {
    guard let path else { return RuleVersions(single: .builtIn) }
    let text = try rulesText(path, option: option)
    do {
        return try RuleVersions.reading(rulesYAML: text, file: path, over: .builtIn)
    } catch {
        throw invalidRules(path, error)
    }
}

/// The text of the rules file at `path`, or a user error naming `option`.
private func rulesText(_ path: String, option: String) throws -> String {
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw UserError("\(option): cannot read \(path): \(error.localizedDescription)")
    }
}

/// Every problem of a rules file, one line each.
private func invalidRules(_ path: String, _ error: DocumentError) -> UserError {
    let count = error.problems.count
    return UserError(["invalid rules file \(path) (\(count) problem\(count == 1 ? "" : "s")):"] + error.problems.map(\.description))
}
