import Scenario
import ServiceRules

/// The kinds of transformation a mix (or a grid axis) may name.
enum StepKind: String, CaseIterable {
    case set, move, scale, faults, installs

    /// The key of the step's number, which a grid axis takes from its `values`.
    var numberKey: String { self == .set || self == .move ? "share" : "by" }

    var range: NumberRange { self == .set || self == .move ? .share : .factor }

    /// The step's keys besides its number.
    var keys: [String] {
        switch self {
        case .set, .scale, .faults: return ["select"]
        case .move: return ["select", "to"]
        case .installs: return []
        }
    }
}

/// A transformation as written, without its number: a named mix's step once its number is
/// known, or a grid axis that takes each of its values in turn.
struct StepShape {
    var kind: StepKind
    var selector = RowSelector()
    var target: MoveTarget?
    /// `faults` only: the products selected; nil for every product.
    var products: [String]?
    var mark: SourceMark
    var path: String
    var selectMark: SourceMark
    var selectPath: String

    /// The step with `value` as its number.
    func located(_ value: Double) -> LocatedStep {
        LocatedStep(step: step(value), mark: mark, path: path, selectMark: selectMark, selectPath: selectPath)
    }

    private func step(_ value: Double) -> MixStep {
        switch kind {
        case .set: return .set(selector, share: value)
        case .move: return .move(selector, to: target!, share: value)
        case .scale: return .scale(selector, by: value)
        case .faults: return .faults(products: products, by: value)
        case .installs: return .installs(by: value)
        }
    }

    /// What a grid axis of this shape varies, in words: `SLA-AAA circuits ×`.
    var axisLabel: String {
        switch kind {
        case .set: return "\(selector.label) share of circuits"
        case .move: return "\(selector.label) → \(target!.tier) share moved"
        case .scale: return "\(selector.label) circuits ×"
        case .faults: return "\(products?.joined(separator: "/") ?? "all") fault rates ×"
        case .installs: return "installation orders per day ×"
        }
    }
}
