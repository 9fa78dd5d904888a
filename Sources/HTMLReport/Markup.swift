/// Escaping for text placed in HTML or SVG, in element content or in a quoted attribute.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, so it reads as
    /// text whatever it contains (a scenario named `<&>` stays a name, never markup).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
