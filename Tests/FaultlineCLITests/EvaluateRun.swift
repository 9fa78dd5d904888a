import Foundation
import TestSupport

/// Runs `faultline evaluate` on files in a temporary folder and reads what it wrote.
struct EvaluateRun {
    /// The repository root (for examples/).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let inventoryHeader = "circuit_id,customer_grade,product,tier,monthly_fee"
    static let ticketHeader =
        "ticket_id,circuit_id,fault_start,reported_at,dispatched_at,accepted_at,repaired_at,confirmed_at,outage"

    /// Two SLA-AA circuits (lan-dedicated, 90-min limit, fee 3000) with one outage ticket each in
    /// March 2026: T-AT restored exactly at the limit (90 min after the report), T-OVER a minute over.
    static let twoCircuits = [inventoryHeader, "C-AT,group,lan-dedicated,SLA-AA,3000",
                              "C-OVER,group,lan-dedicated,SLA-AA,3000"]
    static let twoTickets = [
        ticketHeader,
        "T-AT,C-AT,2026-03-10T09:55:00,2026-03-10T10:00:00,2026-03-10T10:10:00,2026-03-10T10:20:00,2026-03-10T11:30:00,2026-03-10T11:35:00,true",
        "T-OVER,C-OVER,2026-03-12T09:55:00,2026-03-12T10:00:00,2026-03-12T10:10:00,2026-03-12T10:20:00,2026-03-12T11:31:00,2026-03-12T11:35:00,true",
    ]

    let folder: TemporaryFolder

    /// Runs on the two hand-made tickets (with `rules` as rules.yaml when given) and returns the
    /// result and the JSON it wrote; the folder is removed afterwards.
    static func onTwoTickets(rules: [String]? = nil) throws -> (CommandResult, [String: Any]) {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        try run.write(twoCircuits, to: "circuits.csv")
        try run.write(twoTickets, to: "tickets.csv")
        guard let rules else { return try run.runWithJSON() }
        try run.write(rules, to: "rules.yaml")
        return try run.runWithJSON(["--rules", "rules.yaml"])
    }

    init() throws { folder = try TemporaryFolder() }

    /// Writes `lines` joined by `separator` (plus a final one) to `name` in the folder.
    @discardableResult
    func write(_ lines: [String], to name: String, separator: String = "\n", prefix: String = "") throws -> String {
        try folder.write(prefix + lines.joined(separator: separator) + separator, to: name)
    }

    /// Runs `faultline evaluate` in the folder with `arguments`.
    func run(_ arguments: [String]) throws -> CommandResult {
        try FaultLineBinary.run(["evaluate"] + arguments, in: folder.path)
    }

    /// Runs on `circuits.csv` and `tickets.csv` of the folder with `--json out.json` and `extra`.
    func runWithJSON(_ extra: [String] = []) throws -> (CommandResult, [String: Any]) {
        let result = try run(["--inventory", "circuits.csv", "--tickets", "tickets.csv", "--json", "out.json"] + extra)
        return (result, try json("out.json"))
    }

    /// The JSON object in `name`.
    func json(_ name: String) throws -> [String: Any] { try Self.readJSON(folder.file(name)) }

    /// The JSON object in the file at `path`.
    static func readJSON(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The bytes of `name`, or nil when it does not exist.
    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: folder.file(name)) }
}

extension Dictionary where Key == String, Value == Any {
    /// The object at `key`.
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    /// The array of objects at `key`.
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    /// The number at `key`.
    func number(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    /// The integer at `key`.
    func integer(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
}
