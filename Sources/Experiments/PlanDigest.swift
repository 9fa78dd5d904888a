import Crypto

/// The SHA-256 digest of a plan of work: everything that decides its figures (a resolved
/// scenario, seeds, replication counts, FaultLine's version) written out canonically, so that a
/// stored result is reused only for exactly the same work.
///
/// The text is a walk over the values' stored properties (`Mirror`), with the entries of
/// dictionaries and sets in sorted order: Swift randomises hashing per process, so their own
/// order would differ from run to run.
public struct PlanDigest: Sendable, Hashable, CustomStringConvertible {
    /// The digest as 64 lowercase hexadecimal digits.
    public let hex: String

    /// The digest of `parts`, each written canonically, in order.
    public init(_ parts: [Any]) {
        var text = ""
        for part in parts { Self.write(part, into: &text); text += "\n" }
        hex = SHA256.hash(data: Array(text.utf8)).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    public var description: String { hex }

    /// Appends the canonical text of `value`.
    static func write(_ value: Any, into text: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary, .set:
            let entries = mirror.children.map { child -> String in
                var entry = ""
                write(child.value, into: &entry)
                return entry
            }.sorted()
            text += "{" + entries.joined(separator: ",") + "}"
        case .optional:
            if let wrapped = mirror.children.first { write(wrapped.value, into: &text) } else { text += "nil" }
        case .struct, .class, .tuple, .collection, .enum:
            guard !mirror.children.isEmpty else {
                text += String(describing: value)
                return
            }
            text += "\(mirror.subjectType)("
            for child in mirror.children {
                text += (child.label ?? "") + ":"
                write(child.value, into: &text)
                text += ","
            }
            text += ")"
        default:
            text += String(describing: value)
        }
    }
}
