/// A JSON document as a value: objects keep their keys in the order given, so the same value
/// always writes the same bytes.
///
/// Build with literals: `["name": "SLA-AA", "met": true, "share": 0.25, "tickets": 12]`
/// (dictionary literals keep their written order), or with `.object([...])` from data.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written without a decimal point.
    case integer(Int64)
    /// A floating-point number, written in the shortest form that reads back to the same Double.
    case number(Double)
    /// A string, escaped when written.
    case string(String)
    /// An array, elements in order.
    case array([JSONValue])
    /// Members in output order; duplicate keys are refused when writing.
    case object([JSONMember])
}

/// One key–value pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// A member `key: value`.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// `nil` is JSON `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// A JSON boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// A JSON integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A JSON number.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A JSON string.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// A JSON array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// A JSON object with its members in the written order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { JSONMember($0.0, $0.1) })
    }
}

extension JSONValue {
    /// An integer value from any integer type.
    public static func int<T: BinaryInteger>(_ value: T) -> JSONValue { .integer(Int64(value)) }

    /// `value` when present, else `null`.
    public static func optional(_ value: JSONValue?) -> JSONValue { value ?? .null }
}
