import Foundation
import ServiceRules
import SimCore
import SimRandom

/// Readers for the value forms of a scenario: durations, distributions, counts, rates, shares, dates.
extension ScenarioReader {
    /// A duration with a unit (`45m`, `36h`, `365d`, `2w`), in minutes; `fallback` after a problem.
    mutating func duration(_ node: DocumentNode?, _ path: String, default fallback: Double) -> Double {
        guard let node, let word = text(node, path) else { return fallback }
        guard word.last?.isLetter == true else {
            report(.wrongType, "a duration needs a unit (s, m, h, d or w), e.g. `\(word)d` or `\(word)m`; found `\(word)`",
                   at: node.mark, path)
            return fallback
        }
        do {
            return try DurationText.minutes(parsing: word)
        } catch {
            report(error.kind == .invalidParameter ? .invalidValue : .wrongType, Self.quoting(error, in: word),
                   at: node.mark, path, column: node.mark.textOffset + (error.offset ?? 0))
            return fallback
        }
    }

    /// A duration with a unit as a typed span; `fallback` after a problem.
    mutating func span(_ node: DocumentNode?, _ path: String, default fallback: SimDuration) -> SimDuration {
        SimDuration(minutes: duration(node, path, default: fallback.minutes))
    }

    /// A distribution of durations in text form (durations in it become minutes), or nil after
    /// reporting; one that can draw a negative duration is refused.
    mutating func distribution(_ node: DocumentNode?, _ path: String) -> Distribution? {
        guard let node, let word = text(node, path) else { return nil }
        do {
            let distribution = try Distribution(parsing: word)
            guard distribution.smallestValue >= 0 else {
                report(.invalidValue, "a duration must not be negative, but `\(word)` can draw "
                       + "\(DurationText.text(minutes: distribution.smallestValue))", at: node.mark, path)
                return nil
            }
            return distribution
        } catch {
            let kind: ScenarioProblem.Kind = error.kind == .invalidParameter ? .invalidValue : .wrongType
            report(kind, Self.quoting(error, in: word), at: node.mark, path,
                   column: node.mark.textOffset + (error.offset ?? 0))
            return nil
        }
    }

    /// A distribution, or `fallback` when the key is absent (problems are still reported).
    mutating func distribution(_ node: DocumentNode?, _ path: String, default fallback: String) -> Distribution {
        if let node { return distribution(node, path) ?? Self.builtIn(fallback) }
        return Self.builtIn(fallback)
    }

    /// The message, followed by the text it is about unless it already quotes all of it.
    static func quoting(_ error: DistributionError, in word: String) -> String {
        error.message.hasSuffix(word) ? error.message : "\(error.message) (in `\(word)`)"
    }

    /// A built-in default distribution; the texts are constants of this module.
    static func builtIn(_ text: String) -> Distribution {
        try! Distribution(parsing: text)
    }

    /// A whole number of at least `minimum`.
    mutating func count(_ node: DocumentNode?, _ path: String, default fallback: Int, minimum: Int) -> Int {
        guard let node, let word = text(node, path) else { return fallback }
        guard let value = Int(word.replacingOccurrences(of: "_", with: "")) else {
            report(.wrongType, "expected a whole number, found `\(word)`", at: node.mark, path)
            return fallback
        }
        guard value >= minimum else {
            report(.invalidValue, "must be at least \(minimum), found \(value)", at: node.mark, path)
            return fallback
        }
        return value
    }

    /// The largest rate, fee, cost or factor accepted: larger ones only overflow the figures
    /// computed from them (credits, costs) to infinity.
    static let largestAmount = 1e12

    /// A finite number ≥ 0 (a rate, a fee, a multiplier), at most ``largestAmount``, or
    /// `fallback` after reporting.
    mutating func amount(_ node: DocumentNode?, _ path: String, default fallback: Double, positive: Bool = false) -> Double {
        guard let node, let word = text(node, path) else { return fallback }
        guard let value = Double(word.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            report(.wrongType, "expected a number, found `\(word)`", at: node.mark, path)
            return fallback
        }
        guard value <= Self.largestAmount else {
            report(.invalidValue, "must be at most 1e12, found \(word)", at: node.mark, path)
            return fallback
        }
        guard positive ? value > 0 : value >= 0 else {
            report(.invalidValue, positive ? "must be greater than 0, found \(word)" : "must not be negative, found \(word)",
                   at: node.mark, path)
            return fallback
        }
        return value
    }

    /// A share in [0, 1]: `0.1` or `10%`.
    mutating func share(_ node: DocumentNode?, _ path: String, default fallback: Double) -> Double {
        guard let node, let word = text(node, path) else { return fallback }
        let percent = word.hasSuffix("%")
        guard let number = Double(percent ? String(word.dropLast()) : word), number.isFinite else {
            report(.wrongType, "expected a share like `0.1` or `10%`, found `\(word)`", at: node.mark, path)
            return fallback
        }
        let value = percent ? number / 100 : number
        guard (0...1).contains(value) else {
            let hint = percent ? "" : " (write percentages with `%`, e.g. `\(word)%`)"
            report(.invalidValue, "a share must be between 0 and 1, found `\(word)`\(hint)", at: node.mark, path)
            return fallback
        }
        return value
    }

    /// A date `YYYY-MM-DD`, or nil after reporting.
    mutating func date(_ node: DocumentNode, _ path: String) -> CivilDate? {
        guard let word = text(node, path) else { return nil }
        guard let date = CivilDate(iso: Substring(word)) else {
            report(.wrongType, "expected a real date `YYYY-MM-DD`, found `\(word)`", at: node.mark, path)
            return nil
        }
        return date
    }

    /// A list of dates; an item may be an inclusive range `2026-10-01..2026-10-07`.
    mutating func dates(_ node: DocumentNode?, _ path: String) -> Set<CivilDate> {
        guard let node else { return [] }
        var result: Set<CivilDate> = []
        for (item, itemPath) in items(node, path) {
            guard let word = text(item, itemPath) else { continue }
            let ends = word.components(separatedBy: "..")
            let parsed = ends.compactMap { CivilDate(iso: Substring($0.trimmingCharacters(in: .whitespaces))) }
            guard (1...2).contains(ends.count), parsed.count == ends.count, parsed[0] <= parsed[parsed.count - 1] else {
                report(.wrongType, "expected a date `YYYY-MM-DD` or a range `YYYY-MM-DD..YYYY-MM-DD`, found `\(word)`",
                       at: item.mark, itemPath)
                continue
            }
            for day in parsed[0].dayNumber...parsed[parsed.count - 1].dayNumber { result.insert(CivilDate(dayNumber: day)) }
        }
        return result
    }

    /// A list of numbers ≥ 0 (profile factors).
    mutating func factors(_ node: DocumentNode, _ path: String) -> [Double] {
        items(node, path).map { amount($0.node, $0.path, default: 1) }
    }
}
