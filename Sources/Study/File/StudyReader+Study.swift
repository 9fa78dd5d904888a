import Experiments
import Foundation
import Scenario
import ServiceRules

/// The top level of a study file: name, base, targets, settings, then the mixes.
extension StudyReader {
    static let topKeys = ["study", "description", "base", "targets", "mixes", "grid",
                          "replications", "searchReplications", "verifyReplications", "confidence", "seed"]

    /// The study, or nil when something stops the reading (the problems say what).
    mutating func study(_ document: DocumentNode, file: String, baseDirectory: String, maxMixes: Int) -> StudyDefinition? {
        if let found = Self.notAStudy(document) {
            // Said once: a list, plain text or a scenario would otherwise give a problem per key.
            report(.wrongType, "not a study file: expected a mapping of study keys (study, base, mixes, …), found \(found)",
                   at: document.mark, "")
            return nil
        }
        let top = fields(document, "", allowed: Self.topKeys, required: ["study", "base"])
        let name = top["study"].flatMap { text($0, "study") }
        if let node = top["study"], name?.isEmpty == true { report(.invalidValue, "the study needs a name", at: node.mark, "study") }
        let description = top["description"].flatMap { text($0, "description") } ?? ""
        let settings = self.settings(top)
        guard let baseNode = top["base"], let (basePath, base) = baseScenario(baseNode, directory: baseDirectory) else { return nil }
        let targets = top["targets"].map { self.targets($0, base: base) } ?? []
        let (mixes, axes) = self.mixes(top, base: base, maxMixes: maxMixes)
        guard let name else { return nil }
        return StudyDefinition(name: name, file: file, basePath: basePath, base: base, targets: targets, mixes: mixes,
                               gridAxes: axes, settings: settings, description: description)
    }

    /// What a document is when it cannot be a study: not a mapping, or a mapping none of whose
    /// keys is a study key or a near miss of one (a scenario file given by mistake); nil for a study.
    static func notAStudy(_ document: DocumentNode) -> String? {
        switch document.value {
        case .null: return "an empty file"
        case .scalar: return "plain text"
        case .sequence: return "a list"
        case .mapping(let entries):
            let keys = entries.map(\.key)
            if !keys.contains("study"), keys.contains(where: ["inventory", "crews", "horizon"].contains) {
                return "a scenario (a study names its scenario with `base:`)"
            }
            let known = keys.contains { topKeys.contains($0) || closestKey(to: $0, among: topKeys) != nil }
            return known ? nil : "a mapping with none of them"
        }
    }

    /// The base scenario, loaded from its path relative to the study file; its problems (which
    /// name the base file) follow one at `base:` itself.
    mutating func baseScenario(_ node: DocumentNode, directory: String) -> (path: String, scenario: Scenario)? {
        guard let written = text(node, "base") else { return nil }
        let path = written.hasPrefix("/") || directory == "." ? written : (directory as NSString).appendingPathComponent(written)
        do {
            return (path, try Scenario.load(path: path))
        } catch {
            let count = error.problems.count == 1 ? "the 1 problem" : "the \(error.problems.count) problems"
            report(.inconsistent, "the base scenario `\(written)` cannot be loaded: see \(count) below", at: node.mark, "base")
            append(error.problems)
            return nil
        }
    }

    /// `targets:` — each as `staff --target` reads it, checked against the base.
    mutating func targets(_ node: DocumentNode, base: Scenario) -> [StaffTarget] {
        guard node.sequence != nil || node.scalar != nil else {
            report(.wrongType, "expected a list of targets like \"SLA-AA.restoration >= 0.95\", found \(node.shapeDescription)",
                   at: node.mark, "targets")
            return []
        }
        return items(node, "targets").compactMap { item, path in
            guard let written = text(item, path) else { return nil }
            switch StaffTarget.parse(written).flatMap({ $0.resolved(for: base) }) {
            case .success(let target): return target
            case .failure(let error):
                report(.invalidValue, "not a target: \(error.reason)", at: item.mark, path)
                return nil
            }
        }
    }

    /// `replications:` … `seed:`, with the bounds of the command-line options they stand for.
    mutating func settings(_ top: StudyFields) -> StudySettings {
        var settings = StudySettings()
        settings.replications = top["replications"].flatMap { count($0, "replications", atLeast: 1) }
        settings.searchReplications = top["searchReplications"].flatMap { count($0, "searchReplications", atLeast: 1) }
        settings.verifyReplications = top["verifyReplications"].flatMap { count($0, "verifyReplications", atLeast: 1) }
        settings.seed = top["seed"].flatMap { count($0, "seed", atLeast: UInt64(0)) }
        if let node = top["confidence"], let level = number(node, "confidence", within: .anyNumber) {
            if level > 0.5, level < 1 {
                settings.confidence = level
            } else {
                report(.invalidValue, "must be between 0.5 and 1 (exclusive), found \(level.shortText)", at: node.mark, "confidence")
            }
        }
        return settings
    }

    /// `mixes:` and `grid:` together: at least one mix, no more than `maxMixes`, names unique.
    mutating func mixes(_ top: StudyFields, base: Scenario, maxMixes: Int) -> ([StudyMix], [StudyAxis]) {
        guard top["mixes"] != nil || top["grid"] != nil else {
            report(.missingKey, "give the mixes to study under `mixes:`, a `grid:`, or both", at: top.mark, "mixes")
            return ([], [])
        }
        if let node = top["mixes"], node.mapping?.isEmpty == true, top["grid"] == nil {
            report(.invalidValue, "no mix is named; give at least one, e.g. `today: {}`", at: node.mark, "mixes")
        }
        let named = top["mixes"]?.mapping?.count ?? 0
        if let node = top["mixes"], named > maxMixes {
            report(.invalidValue, "\(named) mixes are named, more than the \(maxMixes) allowed; raise the limit with --max-mixes",
                   at: node.mark, "mixes")
            return ([], [])
        }
        var mixes = top["mixes"].map { namedMixes($0, base: base) } ?? []
        guard let gridNode = top["grid"], let axes = gridAxes(gridNode, base: base) else { return (mixes, []) }
        guard let points = Self.pointCount(axes), points <= maxMixes - named else {
            let points = Self.pointCount(axes).map(\.groupedText) ?? "more than \(Int.max.groupedText)"
            let withNamed = named == 0 ? "" : " and \(named) named mix\(named == 1 ? "" : "es")"
            report(.invalidValue, "the grid has \(points) points\(withNamed): more than the \(maxMixes) mixes allowed; "
                   + "use fewer values, or raise the limit with --max-mixes", at: gridNode.mark, "grid")
            return (mixes, axes.map(\.axis))
        }
        guard uniqueGridNames(axes, named: mixes.map(\.name), at: gridNode.mark) else { return (mixes, axes.map(\.axis)) }
        mixes += gridMixes(axes, base: base, at: gridNode.mark)
        return (mixes, axes.map(\.axis))
    }

    /// False after reporting a value repeated on an axis, or a grid point named like a named mix.
    mutating func uniqueGridNames(_ axes: [GridAxis], named: [String], at mark: SourceMark) -> Bool {
        let problemsBefore = problems.count
        for axis in axes {
            for (index, value) in axis.axis.values.enumerated() where axis.axis.values[..<index].contains(value) {
                report(.invalidValue, "the value \(value.shortText) is already on this axis", at: axis.valueMarks[index],
                       "grid.\(axis.axis.name).values[\(index)]")
            }
        }
        let pointLike = named.filter { $0.contains("=") }
        if problems.count == problemsBefore, !pointLike.isEmpty {
            let points = Set(Self.gridPoints(axes).map { Self.pointName(axes, $0) })
            for name in pointLike where points.contains(name) {
                report(.inconsistent, "the grid point `\(name)` has the name of a mix under `mixes:`; rename that mix",
                       at: mark, "grid")
            }
        }
        return problems.count == problemsBefore
    }
}
