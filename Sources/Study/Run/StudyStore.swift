import Experiments
import Foundation
import Reports

/// The results store of a study: a folder with one JSON file per finished mix, named by the
/// digest of its work (`<digest>.json`). Each file is written atomically (a temporary file
/// renamed into place), so a study killed at any moment leaves only whole records, and running
/// the same study again reads them instead of recomputing.
///
/// A folder of JSON files rather than a database: a record is written once and never updated,
/// there is one writer, and a planner can read, copy or delete a record with ordinary tools
/// (docs/study.md).
public struct StudyStore: Sendable {
    /// The folder.
    public let folder: String

    /// A store in `folder`; nothing is created until ``save(_:)``.
    public init(folder: String) {
        self.folder = folder
    }

    /// Why `folder` cannot hold a store (it exists and is not a folder), or nil.
    public static func problem(with folder: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue ? nil : "\(folder): exists and is not a folder"
    }

    /// The record stored for `digest`, or nil when there is none or it cannot be read as one
    /// (then the mix is computed again and the file replaced).
    public func record(for digest: PlanDigest) -> MixRecord? {
        guard let data = FileManager.default.contents(atPath: path(of: digest)),
              let record = try? Self.decoded(data), record.digest == digest.hex else { return nil }
        return record
    }

    /// Writes `record` atomically, creating the folder when missing.
    public func save(_ record: MixRecord) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(Array(Self.encoded(record)), to: path(of: record.digest), option: "--results")
    }

    /// A record's bytes: sorted keys, so the same record is the same file.
    static func encoded(_ record: MixRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(record)
    }

    /// A record read back from its bytes.
    static func decoded(_ data: Data) throws -> MixRecord {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(MixRecord.self, from: data)
    }

    /// `record` as the store would give it back: every report is built from records read back,
    /// so a fresh study and a resumed one print the same bytes.
    public static func roundTrip(_ record: MixRecord) throws -> MixRecord { try decoded(encoded(record)) }

    private func path(of digest: PlanDigest) -> String { path(of: digest.hex) }

    private func path(of hex: String) -> String { (folder as NSString).appendingPathComponent("\(hex).json") }
}
