extension String {
    /// The text safe to echo on a terminal: every control character — C0 (`\u{0}`–`\u{1F}`,
    /// tab and line breaks included), DEL and C1 (`\u{80}`–`\u{9F}`) — shown as `\xHH`, so a
    /// user's field quoted in a message or report cannot move the cursor, change colours,
    /// retitle the window or break a one-line message. Other text is unchanged.
    ///
    /// The one function for echoing a user's field (ids, names, timestamps as written).
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isTerminalControl) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            if scalar.isTerminalControl {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// C0, DEL or C1: a byte a terminal may act on rather than show.
    var isTerminalControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
