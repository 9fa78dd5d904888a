/// Why a distribution (or a duration) could not be built or parsed.
///
/// Carries the kind of problem, a message that names the parameter and the bad value, and — for
/// text — the 0-based character offset where the problem starts. Only the CLI turns it into output.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: Sendable, Equatable {
        /// A parameter value is outside its domain (e.g. a negative standard deviation).
        case invalidParameter
        /// The text names no known distribution.
        case unknownDistribution
        /// A required parameter is absent.
        case missingParameter
        /// A parameter this distribution does not take.
        case unknownParameter
        /// The same parameter given twice.
        case duplicateParameter
        /// A number could not be read.
        case badNumber
        /// A unit that is not one of `s`, `m`, `min`, `h`, `d`, `w`, or a unit on a dimensionless value.
        case badUnit
        /// The text does not follow the grammar (a missing `(`, `:`, `,` or `)`).
        case syntax
        /// Text left over after a complete distribution.
        case trailingText
    }

    /// The kind of problem.
    public let kind: Kind
    /// A human-readable explanation naming the parameter and the offending value.
    public let message: String
    /// The 0-based character offset in the parsed text, or `nil` when not parsing text.
    public let offset: Int?

    /// The parameter and its requirement, for a domain error, so that a parser can quote the
    /// value the way the user wrote it (`-5d`, not `-7200.0`). Not part of equality.
    let domain: (name: String, requirement: String)?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, offset: Int? = nil) {
        self.init(kind, message, offset: offset, domain: nil)
    }

    private init(_ kind: Kind, _ message: String, offset: Int?, domain: (name: String, requirement: String)?) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.domain = domain
    }

    /// Errors are equal when what they say, and where, is.
    public static func == (lhs: DistributionError, rhs: DistributionError) -> Bool {
        (lhs.kind, lhs.message, lhs.offset) == (rhs.kind, rhs.message, rhs.offset)
    }

    /// The message, prefixed with the character offset when there is one.
    public var description: String {
        guard let offset else { return message }
        return "at character \(offset): \(message)"
    }

    /// The same error located at `offset`, unless it already has a location.
    func located(at offset: Int) -> DistributionError {
        self.offset == nil ? DistributionError(kind, message, offset: offset, domain: domain) : self
    }

    /// A domain error for the parameter `name`.
    static func invalid(_ name: String, _ value: Double, _ requirement: String) -> DistributionError {
        DistributionError(.invalidParameter, "\(name) must be \(requirement), got \(value)", offset: nil,
                          domain: (name, requirement))
    }

    /// The same domain error quoting the parameter named `name` as it was `written`; other errors unchanged.
    func quoting(_ written: String, for name: String) -> DistributionError {
        guard let domain, domain.name == name else { return self }
        return DistributionError(kind, "\(name) must be \(domain.requirement), got \(written)", offset: offset, domain: domain)
    }
}
