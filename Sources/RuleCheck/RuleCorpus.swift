import Foundation
import ServiceRules
import TicketLog

/// A rule-engine regression corpus: a folder with `circuits.csv`, `tickets.csv`, an optional
/// `rules.yaml` (changes to the built-in rules, as `evaluate --rules` reads it), `expected.json`
/// (the judgement it must give, ``Judgement``) and, for `--bench`, `bench.json` (the throughput
/// floor). Judged on month periods, as `evaluate` judges by default.
public struct RuleCorpus: Sendable {
    /// The folder, as given.
    public let folder: String

    /// Opens `folder`; `expected.json` may be missing only when it is about to be written.
    /// - Throws: `CorpusError` for a missing folder or file.
    public init(folder: String, expectedMayBeMissing: Bool = false) throws(CorpusError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notAFolder(path: folder)
        }
        self.folder = folder
        try requireFile(circuitsPath, role: "the corpus's inventory")
        try requireFile(ticketsPath, role: "the corpus's ticket log")
        if !expectedMayBeMissing { try requireFile(expectedPath, role: "the expected judgement; write it with --update") }
    }

    /// The corpus's name: its folder's last component.
    public var name: String { URL(fileURLWithPath: folder).lastPathComponent }

    /// The inventory, `circuits.csv`.
    public var circuitsPath: String { path("circuits.csv") }
    /// The ticket log, `tickets.csv`.
    public var ticketsPath: String { path("tickets.csv") }
    /// The expected judgement, `expected.json`.
    public var expectedPath: String { path("expected.json") }
    /// The throughput floor, `bench.json`.
    public var benchPath: String { path("bench.json") }
    /// `rules.yaml` when the corpus has one.
    public var rulesPath: String? { FileManager.default.fileExists(atPath: path("rules.yaml")) ? path("rules.yaml") : nil }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    private func requireFile(_ path: String, role: String) throws(CorpusError) {
        guard FileManager.default.isReadableFile(atPath: path) else { throw .missingFile(path: path, role: role) }
    }

    /// Reads both files and judges them by `rules` (month periods).
    /// - Throws: `TicketLogError` when a file cannot be read at all.
    public func judge(by rules: RuleVersions) throws(TicketLogError) -> EvaluationOutcome {
        try EvaluationOutcome.judge(inventoryPath: circuitsPath, ticketsPath: ticketsPath, rules: rules, period: .month)
    }

    /// The judgement `expected.json` holds.
    /// - Throws: `CorpusError` when it cannot be read or is not a judgement.
    public func expected() throws(CorpusError) -> Judgement {
        guard let data = FileManager.default.contents(atPath: expectedPath) else {
            throw .missingFile(path: expectedPath, role: "the expected judgement; write it with --update")
        }
        return try Judgement.read(expectedJSON: [UInt8](data), file: expectedPath)
    }
}
