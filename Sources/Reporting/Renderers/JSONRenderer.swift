import Foundation
import Reports

/// Writes a report's results document as JSON, from the results types' `Encodable`
/// conformances through one deterministic encoder: keys sorted, Doubles in their shortest
/// round-trip form, so the same results give the same bytes whatever the thread count.
/// Besides the document's own keys the top level has `command`, `notes` (the method notes by
/// key) and, unless left out, `timing`.
public enum JSONRenderer {
    /// The bytes of the report's document with the top-level additions.
    /// - Throws: `ReportError.nonFiniteNumber` when a value cannot be written (a NaN or infinity).
    public static func render(_ report: Report, includeTiming: Bool) throws(ReportError) -> [UInt8] {
        try encode(Envelope(report: report, includeTiming: includeTiming))
    }

    /// The bytes of any value, with the report encoder's settings.
    public static func encode(_ value: some Encodable) throws(ReportError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value)) + [0x0A]
        } catch let EncodingError.invalidValue(_, context) {
            throw .nonFiniteNumber(keyPath: (["$"] + context.codingPath.map(\.stringValue)).joined(separator: "."))
        } catch {
            throw .nonFiniteNumber(keyPath: "$")
        }
    }

    /// The document's keys plus `command`, `notes` and `timing` at the same level.
    struct Envelope: Encodable {
        var report: Report
        var includeTiming: Bool

        enum Key: String, CodingKey { case command, notes, timing }

        func encode(to encoder: any Encoder) throws {
            if let document = report.document { try document.encode(to: encoder) }
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(report.command, forKey: .command)
            try container.encode(Dictionary(uniqueKeysWithValues: report.notes.map { ($0.key, $0.text) }), forKey: .notes)
            if includeTiming, let timing = report.timing { try container.encode(timing, forKey: .timing) }
        }
    }
}
