import Scenario
import ServiceRules

/// One transformation of a mix, with its numbers: what `set`, `move`, `scale`, `faults` and
/// `installs` entries of a study file say.
enum MixStep {
    /// The selected rows scaled to hold `share` of all circuits, the others so the total stays.
    case set(RowSelector, share: Double)
    /// `share` of each selected row's circuits re-tiered.
    case move(RowSelector, to: MoveTarget, share: Double)
    /// Each selected row's circuits × `by`.
    case scale(RowSelector, by: Double)
    /// The fault rates of `products` (every product when nil) × `by`.
    case faults(products: [String]?, by: Double)
    /// Installation orders per day × `by`.
    case installs(by: Double)

    /// The order steps are applied in, whatever the order in the file: set, move, scale, faults, installs.
    var rank: Int {
        switch self {
        case .set: return 0
        case .move: return 1
        case .scale: return 2
        case .faults: return 3
        case .installs: return 4
        }
    }

}

/// Where moved circuits go: a tier, and what the moved row keeps unless given.
struct MoveTarget {
    /// The tier key.
    var tier: String
    /// The moved row's network grade; nil: the target tier's catalogue default.
    var networkGrade: String?
    /// The moved row's monthly fee; nil: see ``MixStep/defaultFee(product:tier:in:fallback:)``.
    var monthlyFee: Double?
    /// The moved row's after-sales level; nil: the row's own.
    var afterSales: String?
}

/// A step of one mix with where it was written, so a failure is reported there.
struct LocatedStep {
    var step: MixStep
    /// The step's entry (problems of the whole step).
    var mark: SourceMark
    var path: String
    /// The step's `select:` (a selection that matches no row); the entry's when absent.
    var selectMark: SourceMark
    var selectPath: String
}

/// Why a step cannot be applied, and whether it is the selection's fault.
struct StepFailure: Error {
    var message: String
    var atSelection = false
}
