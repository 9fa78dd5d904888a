import ArgumentParser
import Experiments
import ServiceRules
import SimRandom

// Option values the parser reads itself: `--help` lists the choices, a wrong value is refused
// with them, and commands get typed values.

extension PeriodKind: ExpressibleByArgument {
    /// `month`, `quarter` or `year`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { ["month", "quarter", "year"] }
}

extension Breakdown: ExpressibleByArgument {
    /// `tier`, `product`, `grade` or `region`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { ["tier", "product", "grade", "region"] }
}

extension GeneratorKind: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Reads a whole-number option value with a lower bound, so `--threads 0` or `--seed -5` is
/// refused naming the option, the bound and the value (the options using it parse
/// `.unconditional`, so a negative value is a value, not an option name).
func wholeNumber<Value: FixedWidthInteger & Sendable>(_ option: String, atLeast bound: Value) -> @Sendable (String) throws -> Value {
    { text in
        guard let value = Value(text), value >= bound else {
            throw ValidationError("must be a whole number ≥ \(bound)")
        }
        return value
    }
}
