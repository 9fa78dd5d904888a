import ServiceRules

/// Typed field values, parsed from bytes; every failure names the column.
extension CSVRow {
    /// A required text field: non-empty, valid UTF-8.
    func text(_ column: Int, _ name: String) throws(RejectionReason) -> String {
        guard let value = try optionalText(column, name) else { throw .emptyField(field: name) }
        return value
    }

    /// An optional text field: nil when empty.
    func optionalText(_ column: Int?, _ name: String) throws(RejectionReason) -> String? {
        guard let column else { return nil }
        let field = self[column]
        if field.isEmpty { return nil }
        guard let value = field.validatedString else { throw .invalidText(field: name) }
        return value
    }

    /// An optional timestamp: nil when the column is absent or the field empty.
    func instant(
        _ column: Int?, _ name: String, parser: TimestampParser, allowDateOnly: Bool = false
    ) throws(RejectionReason) -> WallTime? {
        guard let column else { return nil }
        let field = self[column]
        if field.isEmpty { return nil }
        do {
            return try parser.parse(field.bytes, allowDateOnly: allowDateOnly)
        } catch {
            throw .badTimestamp(field: name, text: field.string, problem: error)
        }
    }

    /// An optional boolean (true/false, 1/0, yes/no, any case): nil when absent or empty.
    func flag(_ column: Int?, _ name: String) throws(RejectionReason) -> Bool? {
        guard let column else { return nil }
        let field = self[column]
        if field.isEmpty { return nil }
        if let value = BooleanWords.value(of: field.bytes) { return value }
        throw .badBoolean(field: name, text: field.string)
    }

    /// A required non-negative plain decimal (`1200`, `1200.50`).
    func amount(_ column: Int, _ name: String) throws(RejectionReason) -> Double {
        let field = self[column]
        guard !field.isEmpty else { throw .emptyField(field: name) }
        if let value = PlainDecimal.exactValue(field.bytes) { return value }
        guard PlainDecimal.isWellFormed(field.bytes), let value = Double(field.string), value.isFinite else {
            throw .badNumber(field: name, text: field.string)
        }
        return value
    }
}

/// The words accepted for a boolean, compared ASCII-case-insensitively from bytes.
enum BooleanWords {
    private static let truths: [[UInt8]] = ["true", "1", "yes"].map { Array($0.utf8) }
    private static let falsehoods: [[UInt8]] = ["false", "0", "no"].map { Array($0.utf8) }

    /// true / false for a recognised word, nil otherwise.
    static func value(of bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if truths.contains(where: { matches(bytes, $0) }) { return true }
        if falsehoods.contains(where: { matches(bytes, $0) }) { return false }
        return nil
    }

    /// ASCII case-insensitive equality with a lower-case word.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        for index in 0..<word.count where bytes[index] | 0x20 != word[index] | 0x20 { return false }
        return true
    }
}

/// `digits[.digits]`: the only number shape the inventory accepts (no sign, exponent or hex).
enum PlainDecimal {
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, dots = 0, lastWasDot = false
        for byte in bytes {
            if byte == 0x2E {
                dots += 1
                lastWasDot = true
            } else if byte >= ASCII.zero && byte <= ASCII.nine {
                digits += 1
                lastWasDot = false
            } else {
                return false
            }
        }
        return digits > 0 && dots <= 1 && !lastWasDot && bytes.first != 0x2E
    }

    /// The value of a well-formed decimal whose digits, the point left out, make an integer
    /// below 2^53 with at most 22 of them after the point (`1200`, `1200.50`): that integer
    /// and the power of ten are then both exact `Double`s, and one correctly rounded division
    /// gives the nearest `Double` to the decimal, bit for bit what `strtod` (correctly rounded)
    /// gives. Nil for any other text, which `Double(_:)` then decides.
    static func exactValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var significand: UInt64 = 0
        var integerDigits = 0, fractionDigits = 0, index = 0
        while index < bytes.count, let digit = digitValue(bytes[index]) {
            guard significand < exactLimit / 10 else { return nil }
            significand = significand * 10 + digit
            integerDigits += 1
            index += 1
        }
        guard integerDigits > 0 else { return nil }
        if index < bytes.count {
            guard bytes[index] == 0x2E else { return nil }
            index += 1
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                guard significand < exactLimit / 10, fractionDigits < exactPowersOfTen.count - 1 else { return nil }
                significand = significand * 10 + digit
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0, index == bytes.count else { return nil }
        }
        return Double(significand) / exactPowersOfTen[fractionDigits]
    }

    /// 2^53: every integer below it is an exact `Double`.
    private static let exactLimit: UInt64 = 1 << 53

    /// 10^0 ... 10^22, the powers of ten that are exact `Double`s.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        byte >= ASCII.zero && byte <= ASCII.nine ? UInt64(byte - ASCII.zero) : nil
    }
}
