import Foundation
import Reports

extension Judgement {
    /// The bytes of `expected.json`: keys sorted at every level, one ticket, circuit-period or
    /// tier per line, so the file is byte-deterministic and a text diff names what changed.
    /// - Throws: `ReportError` for a figure that is not a finite number.
    public func expectedJSON() throws(ReportError) -> [UInt8] {
        try JSONWriter(pretty: true, compactFromDepth: 2).encode(jsonValue)
    }

    var jsonValue: JSONValue {
        .object([
            JSONMember("byTier", Self.object(byTier)),
            JSONMember("circuitPeriods", Self.object(circuitPeriods)),
            JSONMember("rejected", .object(rejected.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })),
            JSONMember("tickets", Self.object(tickets)),
            JSONMember("totals", Self.object(totals)),
        ])
    }

    /// Reads `expected.json`; `file` names it in errors.
    /// - Throws: `CorpusError.malformedExpected` with the key path or the place in the text.
    public static func read(expectedJSON bytes: [UInt8], file: String) throws(CorpusError) -> Judgement {
        do {
            return try JSONDecoder().decode(Judgement.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .malformedExpected(file: file, problem: Self.problem(error))
        } catch {
            throw .malformedExpected(file: file, problem: "\(error)")
        }
    }

    /// The key path and what was wrong, in one line.
    static func problem(_ error: DecodingError) -> String {
        let path = { (context: DecodingError.Context) in
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        let underlying = { (context: DecodingError.Context) in
            (context.underlyingError.map { " (\($0))" } ?? "").replacingOccurrences(of: "\n", with: " ")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context).isEmpty ? "" : path(context) + ": ")missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let place = path(context)
            return (place.isEmpty ? "not valid JSON: " : "\(place): ") + context.debugDescription + underlying(context)
        @unknown default:
            return "\(error)"
        }
    }

    private static func object(_ entries: [String: some NamedFigures]) -> JSONValue {
        .object(entries.sorted { $0.key < $1.key }.map { JSONMember($0.key, object($0.value)) })
    }

    private static func object(_ entry: some NamedFigures) -> JSONValue {
        .object(entry.figures.map { JSONMember($0.name, $0.value.jsonValue) })
    }
}

extension FigureValue {
    var jsonValue: JSONValue {
        switch self {
        case .verdict(let outcome): return .string(outcome.rawValue)
        case .flag(let flag): return .bool(flag)
        case .count(let count): return .int(count)
        case .money(let value), .share(let value), .minutes(let value): return .number(value)
        case .text(let text): return .string(text)
        }
    }
}
