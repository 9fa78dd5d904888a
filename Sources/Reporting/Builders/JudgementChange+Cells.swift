import RuleCheck

extension FigureValue {
    /// The value as a typed cell. Shares and minutes are shown unrounded: a change in the
    /// fourth decimal of an availability is still a change.
    var cell: Cell {
        switch self {
        case .verdict(let outcome): return .text(outcome.rawValue)
        case .flag(let flag): return .text(flag ? "yes" : "no")
        case .count(let count): return .count(count)
        case .money(let amount): return .money(amount)
        case .share(let value), .minutes(let value): return .text(CellText.raw(value))
        case .text(let text): return .text(text)
        }
    }
}

extension JudgementChange {
    /// Columns of a change table (after any leading column of the caller's).
    static let columns = [Column("entry"), Column("subject"), Column("figure"), Column("old"), Column("new")]

    /// The change as a row of ``columns``; an absent side is a missing value.
    var cells: [Cell] {
        [.text(entry.rawValue), .text(subject), .text(figure),
         old?.cell ?? .number(nil, .count), new?.cell ?? .number(nil, .count)]
    }
}

/// A JSON change: `{entry, subject, figure, old, new}`, values as themselves, null when absent.
struct ChangeRow: Encodable {
    var change: JudgementChange

    private enum Key: String, CodingKey { case entry, subject, figure, old, new }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(change.entry.rawValue, forKey: .entry)
        try container.encode(change.subject, forKey: .subject)
        try container.encode(change.figure, forKey: .figure)
        try Self.encode(change.old, into: &container, forKey: .old)
        try Self.encode(change.new, into: &container, forKey: .new)
    }

    private static func encode(_ value: FigureValue?, into container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        switch value {
        case nil: try container.encodeNil(forKey: key)
        case .verdict(let outcome): try container.encode(outcome.rawValue, forKey: key)
        case .flag(let flag): try container.encode(flag, forKey: key)
        case .count(let count): try container.encode(count, forKey: key)
        case .money(let number), .share(let number), .minutes(let number): try container.encode(number, forKey: key)
        case .text(let text): try container.encode(text, forKey: key)
        }
    }
}
