import Foundation

/// What every shard file starts with: enough to tell which plan it belongs to and which part
/// of it it holds, before its figures are read.
public struct ShardHeader: Sendable, Codable, Hashable {
    /// The shard file format this FaultLine writes and reads.
    public static let currentFormat = "faultline-shard-1"
    /// The file's format (``currentFormat``).
    public var format: String
    /// The command that wrote it: `run`, `compare`, `price` or `study`.
    public var command: String
    /// The plan's ``PlanDigest`` (hex): the resolved inputs, seed, replications, the options
    /// that change figures and FaultLine's version.
    public var plan: String
    /// Which part of the plan the file holds.
    public var shard: Shard
}

/// One shard's file: its header, the invocation that made it (so `faultline merge` can rebuild
/// the plan and check its digest) and its mergeable part of the results.
///
/// The text is JSON with sorted keys. Doubles are written in their shortest round-trip form, so
/// they read back bit for bit; infinities (an empty tally's min and max) as strings.
public struct ShardFile<Invocation: Codable & Sendable, Part: Codable & Sendable>: Sendable, Codable {
    /// Plan and position.
    public var header: ShardHeader
    /// The command's arguments that decide its plan.
    public var invocation: Invocation
    /// The shard's results, mergeable exactly.
    public var part: Part

    /// A shard file of the current format.
    public init(command: String, plan: PlanDigest, shard: Shard, invocation: Invocation, part: Part) {
        header = ShardHeader(format: ShardHeader.currentFormat, command: command, plan: plan.hex, shard: shard)
        self.invocation = invocation
        self.part = part
    }

    /// The file's bytes.
    public func encoded() throws -> [UInt8] {
        Array(try ShardCoding.encoder().encode(self))
    }

    /// Reads a file's bytes; `file` names it in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws(ShardError) -> Self {
        do {
            return try ShardCoding.decoder().decode(Self.self, from: Data(bytes))
        } catch {
            throw .notAShard(file: file, reason: "its figures cannot be read: \(ShardCoding.reason(error))")
        }
    }
}

/// The JSON settings of shard files, one place for both directions.
enum ShardCoding {
    static let infinity = "inf", minusInfinity = "-inf", notANumber = "nan"

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: infinity, negativeInfinity: minusInfinity, nan: notANumber)
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: infinity, negativeInfinity: minusInfinity, nan: notANumber)
        return decoder
    }

    /// A decoding error in one line: the key path and what was wrong.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context): return path(context) + context.debugDescription
        case .keyNotFound(let key, let context): return path(context) + "key «\(key.stringValue)» missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return path(context) + context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "" : context.codingPath.map(\.stringValue).joined(separator: ".") + ": "
    }
}
