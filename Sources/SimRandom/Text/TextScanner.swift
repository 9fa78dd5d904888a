/// A number read from text, with its unit if it had one.
struct Quantity {
    /// The number as written.
    let number: Double
    /// The unit, if one followed the number.
    let unit: DurationUnit?
    /// Where the number starts.
    let offset: Int
    /// Where the unit starts (meaningful only when `unit` is set).
    let unitOffset: Int
    /// The number and unit as written (`-5d`), for messages.
    let written: String

    /// The value in minutes (the number itself when there is no unit).
    var minutes: Double { unit?.minutes(number) ?? number }
}

/// Character-level reading of distribution text, tracking the offset for error messages.
struct TextScanner {
    private let characters: [Character]
    /// The 0-based character offset of the next unread character.
    private(set) var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// The next non-space character, without consuming it.
    mutating func peek() -> Character? {
        skipSpaces()
        return position < characters.count ? characters[position] : nil
    }

    /// Consumes `character` if it is next (after spaces).
    mutating func consume(_ character: Character) -> Bool {
        guard peek() == character else { return false }
        position += 1
        return true
    }

    /// Consumes `character` or throws a syntax error naming what was expected.
    mutating func expect(_ character: Character, _ context: String) throws(DistributionError) {
        guard consume(character) else {
            throw DistributionError(.syntax, "expected '\(character)' \(context), found \(upcoming())", offset: position)
        }
    }

    /// Throws `.trailingText` unless only spaces remain.
    mutating func expectEnd(after what: String) throws(DistributionError) {
        guard peek() == nil else {
            throw DistributionError(.trailingText, "unexpected text \(upcoming()) after \(what)", offset: position)
        }
    }

    /// Reads a name (`[A-Za-z][A-Za-z0-9_]*`), or returns nil if none is next.
    mutating func identifier() -> (name: String, offset: Int)? {
        guard let first = peek(), first.isASCII, first.isLetter else { return nil }
        let start = position
        while position < characters.count, isNameCharacter(characters[position]) {
            position += 1
        }
        return (String(characters[start..<position]), start)
    }

    /// Reads a number with an optional unit (`1.5`, `-2e3`, `45m`, `2 h`).
    mutating func quantity() throws(DistributionError) -> Quantity {
        skipSpaces()
        let start = position
        let number = try number()
        skipSpaces()
        let unitStart = position
        guard let (symbol, _) = identifier() else {
            return Quantity(number: number, unit: nil, offset: start, unitOffset: unitStart, written: text(from: start))
        }
        guard let unit = DurationUnit(symbol: symbol) else {
            throw DistributionError(
                .badUnit, "unknown unit '\(symbol)'; use \(DurationUnit.symbolList)", offset: unitStart)
        }
        return Quantity(number: number, unit: unit, offset: start, unitOffset: unitStart, written: text(from: start))
    }

    /// The text from `start` to the current position, without surrounding spaces.
    private func text(from start: Int) -> String {
        String(characters[start..<position]).trimmingSpaces
    }

    /// A short quote of what comes next, for messages.
    mutating func upcoming() -> String {
        guard peek() != nil else { return "the end of the text" }
        let end = min(position + 12, characters.count)
        return "'\(String(characters[position..<end]))'"
    }

    private mutating func number() throws(DistributionError) -> Double {
        let start = position
        skip { $0 == "+" || $0 == "-" }
        let integerDigits = skipDigits()
        var fractionDigits = 0
        if position < characters.count, characters[position] == "." {
            position += 1
            fractionDigits = skipDigits()
        }
        guard integerDigits + fractionDigits > 0 else {
            position = start
            throw DistributionError(.badNumber, "expected a number, found \(upcoming())", offset: start)
        }
        skipExponent()
        let text = String(characters[start..<position])
        guard let value = Double(text), value.isFinite else {
            throw DistributionError(.badNumber, "'\(text)' is not a usable number", offset: start)
        }
        return value
    }

    /// Consumes `e[+-]digits` only when digits really follow, so `2e` stays a (bad) unit.
    private mutating func skipExponent() {
        let mark = position
        guard position < characters.count, characters[position] == "e" || characters[position] == "E" else { return }
        position += 1
        skip { $0 == "+" || $0 == "-" }
        if skipDigits() == 0 {
            position = mark
        }
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while position < characters.count, characters[position].isASCII, characters[position].isNumber {
            position += 1
        }
        return position - start
    }

    /// Consumes one character if it satisfies `predicate`.
    private mutating func skip(_ predicate: (Character) -> Bool) {
        if position < characters.count, predicate(characters[position]) {
            position += 1
        }
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace {
            position += 1
        }
    }

    private func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
