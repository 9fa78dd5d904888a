/// Why an arrival process could not be built.
public struct ArrivalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: Sendable, Equatable {
        /// A rate is negative or not finite.
        case invalidRate
        /// A rate profile has the wrong length, a negative or non-finite factor, or is all zero.
        case invalidProfile
        /// The calendar start is not a real date and hour.
        case invalidDate
        /// A storm parameter is out of range.
        case invalidStorm
    }

    /// The kind of problem.
    public let kind: Kind
    /// A human-readable explanation naming the parameter and the offending value.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
