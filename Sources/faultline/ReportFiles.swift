import ArgumentParser
import Foundation
import Reporting
import Reports
import Scenario
import ServiceRules

/// The files a command writes besides its terminal report (`--json`, `--csv`, `--html`, …):
/// every file is rendered first, then ``write()`` creates the CSV folder and writes each file
/// atomically, so a rendering error leaves nothing half-written.
struct ReportFiles {
    private var files: [(path: String, bytes: [UInt8], option: String)] = []
    private var folders: [(path: String, option: String)] = []

    /// Adds a file's bytes, written to `path`; errors name `option`.
    mutating func add(_ bytes: [UInt8], to path: String, option: String) {
        files.append((path, bytes, option))
    }

    /// Adds a folder, created on write (before any file); errors name `option`.
    mutating func addFolder(_ path: String, option: String) {
        folders.append((path, option))
    }

    /// Adds the CSV tables into `folder` when it is given (`--csv`); the folder is created on write.
    mutating func addCSV(into folder: String?, _ tables: () throws -> [CSVRenderer.File]) throws {
        guard let folder else { return }
        for table in try tables() {
            add(table.bytes, to: (folder as NSString).appendingPathComponent(table.name), option: "--csv")
        }
        folders.append((folder, "--csv"))
    }

    /// Creates the folders, then writes every file atomically.
    func write() throws {
        for folder in folders { try createFolder(folder.path, option: folder.option) }
        for file in files { try writeAtomically(file.bytes, to: file.path, option: file.option) }
    }
}

/// The `--period` option's value, or a one-line error naming the option.
func parsePeriodOption(_ text: String) throws -> PeriodKind {
    guard let kind = PeriodKind(rawValue: text.lowercased()) else {
        throw UserError("--period: unknown period «\(text)» (expected month, quarter or year)")
    }
    return kind
}

/// A scenario file, or exit 2 with its problems printed as `validate` prints them.
func loadScenarioFile(_ path: String) throws -> Scenario {
    do {
        return try Scenario.load(path: path)
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitCode(2)
    }
}

/// Creates a folder when missing; an existing file of that name is a user error naming the option.
func createFolder(_ path: String, option: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
        guard isFolder.boolValue else { throw UserError("\(option): \(path) exists and is not a folder") }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw UserError("\(option): cannot create the folder \(path): \(error.localizedDescription)")
    }
}

/// Writes bytes atomically; a failure becomes a user-facing error naming the option.
func writeAtomically(_ bytes: [UInt8], to path: String, option: String) throws {
    do {
        try AtomicFile.write(bytes, to: path)
    } catch {
        throw UserError("\(option): cannot write \(path): \(error)")
    }
}
