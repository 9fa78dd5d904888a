import Foundation
import Scenario
import ServiceRules

/// `mixes:` and `grid:` — the steps of each mix, applied to the base.
extension StudyReader {
    /// The mixes under `mixes:`, in file order; a mix with a problem is left out (and reported).
    mutating func namedMixes(_ node: DocumentNode, base: Scenario) -> [StudyMix] {
        guard let entries = node.mapping else {
            report(.wrongType, "expected a mapping of mix names to mixes, found \(node.shapeDescription)", at: node.mark, "mixes")
            return []
        }
        var mixes: [StudyMix] = []
        for entry in entries {
            let path = StudyFields.child("mixes", entry.key)
            guard !entry.key.trimmingCharacters(in: .whitespaces).isEmpty else {
                report(.invalidValue, "a mix needs a name", at: entry.keyMark, path)
                continue
            }
            guard entry.key != "base" else {
                report(.invalidValue, "a mix cannot be called `base`: the study reports the base scenario under that name",
                       at: entry.keyMark, path)
                continue
            }
            guard let steps = steps(entry.value, path, base: base),
                  let mix = mix(named: entry.key, steps: steps, base: base, at: entry.keyMark, path) else { continue }
            mixes.append(mix)
        }
        return mixes
    }

    /// A mix's steps as written (every kind a list, or a single mapping); nil after a problem.
    mutating func steps(_ node: DocumentNode, _ path: String, base: Scenario) -> [LocatedStep]? {
        let problemsBefore = problems.count
        let entry = fields(node, path, allowed: StepKind.allCases.map(\.rawValue))
        var steps: [LocatedStep] = []
        for field in entry.entries {
            guard let kind = StepKind(rawValue: field.key) else { continue }
            for (item, itemPath) in items(field.value, entry.path(field.key)) {
                guard let (shape, number) = shape(kind, item, itemPath, base: base, inGrid: false), let number else { continue }
                steps.append(shape.located(number))
            }
        }
        return problems.count == problemsBefore ? steps : nil
    }

    /// The base with `steps` applied in the documented order (set, move, scale, faults, installs;
    /// file order within a kind); nil after reporting why a step cannot be applied.
    mutating func mix(named name: String, steps: [LocatedStep], base: Scenario, gridPoint: [Double] = [],
                      at mark: SourceMark, _ path: String) -> StudyMix? {
        var scenario = base
        var changes: [String] = []
        let ordered = steps.enumerated().sorted { ($0.element.step.rank, $0.offset) < ($1.element.step.rank, $1.offset) }
        for (_, located) in ordered {
            do {
                let before = scenario
                let change = try located.step.apply(to: &scenario, base: base)
                // A grid's value 1 (× 1) changes nothing, and says nothing.
                if !Self.sameWork(before, scenario) { changes.append(change) }
            } catch {
                report(.inconsistent, error.message, at: error.atSelection ? located.selectMark : located.mark,
                       error.atSelection ? located.selectPath : located.path)
                return nil
            }
        }
        guard scenario.circuitCount > 0 else {
            report(.inconsistent, "mix `\(name)` leaves no circuit in the inventory", at: mark, path)
            return nil
        }
        return StudyMix(name: name, scenario: scenario, changes: changes, gridPoint: gridPoint)
    }

    /// Whether two scenarios have the same circuits, fault rates and installs: all a step changes.
    static func sameWork(_ left: Scenario, _ right: Scenario) -> Bool {
        left.inventory == right.inventory && left.faults.rates == right.faults.rates && left.installs == right.installs
    }
}
