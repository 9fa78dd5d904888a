/// Writes `JSONValue`s as bytes, deterministically: the same value gives byte-identical output
/// on every run and platform.
///
/// - Keys in the order the value holds them; a duplicate key is refused.
/// - Integers without a decimal point; Doubles in Swift's shortest round-trip form, with a
///   whole number written without `.0` (`2.0` → `2`, `-0.0` → `0`, `1e+20` stays as is).
/// - NaN and ±infinity are refused (`ReportError.nonFiniteNumber` with the key path), not nulled.
/// - Strings escape `"`, `\` and control characters (`\n`, `\t`, … or `\u00XX`); other text is UTF-8.
/// - `pretty`: two-space indentation, `": "` after keys, and a final newline; objects and arrays
///   at `compactFromDepth` or deeper on one line each (a file of records reads one record a
///   line, so a text diff shows which record changed).
public struct JSONWriter: Sendable {
    /// Indented multi-line output (true) or compact single-line output (false).
    public var pretty: Bool
    /// In pretty output, the nesting depth (the top-level value is depth 0) from which objects
    /// and arrays are written compactly on one line; nil indents every level.
    public var compactFromDepth: Int?

    /// A writer producing pretty (default) or compact output.
    public init(pretty: Bool = true, compactFromDepth: Int? = nil) {
        self.pretty = pretty
        self.compactFromDepth = compactFromDepth
    }

    /// The bytes of `value`.
    /// - Throws: `ReportError` for NaN/infinity or a duplicate key, naming the key path.
    public func encode(_ value: JSONValue) throws(ReportError) -> [UInt8] {
        var output: [UInt8] = []
        try write(value, into: &output, depth: 0, path: "$")
        if pretty { output.append(0x0A) }
        return output
    }

    /// `encode`, as a String.
    public func string(_ value: JSONValue) throws(ReportError) -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, into output: inout [UInt8], depth: Int, path: String) throws(ReportError) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .integer(let number): output += Array(String(number).utf8)
        case .number(let number): output += Array(try Self.format(number, path: path).utf8)
        case .string(let text): Self.appendQuoted(text, to: &output)
        case .array where isCompact(at: depth), .object where isCompact(at: depth):
            try JSONWriter(pretty: false).write(value, into: &output, depth: depth, path: path)
        case .array(let elements): try writeArray(elements, into: &output, depth: depth, path: path)
        case .object(let members): try writeObject(members, into: &output, depth: depth, path: path)
        }
    }

    /// Whether a container at `depth` is written on one line.
    private func isCompact(at depth: Int) -> Bool { pretty && depth >= (compactFromDepth ?? .max) }

    private func writeArray(_ elements: [JSONValue], into output: inout [UInt8], depth: Int, path: String) throws(ReportError) {
        output.append(0x5B)
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(0x2C) }
            newline(into: &output, depth: depth + 1)
            try write(element, into: &output, depth: depth + 1, path: "\(path)[\(index)]")
        }
        if !elements.isEmpty { newline(into: &output, depth: depth) }
        output.append(0x5D)
    }

    private func writeObject(_ members: [JSONMember], into output: inout [UInt8], depth: Int, path: String) throws(ReportError) {
        var seen = Set<String>()
        output.append(0x7B)
        for (index, member) in members.enumerated() {
            guard seen.insert(member.key).inserted else { throw .duplicateKey(keyPath: path, key: member.key) }
            if index > 0 { output.append(0x2C) }
            newline(into: &output, depth: depth + 1)
            Self.appendQuoted(member.key, to: &output)
            output += pretty ? [0x3A, 0x20] : [0x3A]
            try write(member.value, into: &output, depth: depth + 1, path: "\(path).\(member.key)")
        }
        if !members.isEmpty { newline(into: &output, depth: depth) }
        output.append(0x7D)
    }

    private func newline(into output: inout [UInt8], depth: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output += repeatElement(0x20, count: 2 * depth)
    }

    /// Shortest round-trip text of a finite Double, whole numbers without `.0`.
    static func format(_ number: Double, path: String) throws(ReportError) -> String {
        guard number.isFinite else { throw .nonFiniteNumber(keyPath: path) }
        if number == 0 { return "0" }
        let text = number.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Appends `text` as a JSON string literal.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += [0x5C, 0x22]
            case 0x5C: output += [0x5C, 0x5C]
            case 0x0A: output += [0x5C, 0x6E]
            case 0x0D: output += [0x5C, 0x72]
            case 0x09: output += [0x5C, 0x74]
            case 0x08: output += [0x5C, 0x62]
            case 0x0C: output += [0x5C, 0x66]
            case 0..<0x20: output += Array("\\u00".utf8) + hexDigits(byte)
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
