import ArgumentParser
import Foundation
import Reporting
import Reports
import Scenario
import ServiceRules

/// The files a command writes besides its terminal report (`--json`, `--csv`, `--html`, …):
/// every file is rendered first, then ``write()`` hands them to the library's `OutputBatch`,
/// which writes them all or none (devices written directly, symlinks followed, directories
/// refused; see docs/outputs.md).
struct ReportFiles {
    private var batch = OutputBatch()

    /// Adds a file's bytes, written to `path`; errors name `option`.
    mutating func add(_ bytes: [UInt8], to path: String, option: String) {
        batch.add(bytes, to: path, option: option)
    }

    /// Adds a folder, created when missing (and removed again if this run created it and fails).
    mutating func addFolder(_ path: String, option: String) {
        batch.addFolder(path, option: option)
    }

    /// Adds the CSV tables into `folder` when it is given (`--csv`); the folder is created on write.
    mutating func addCSV(into folder: String?, _ tables: () throws -> [CSVRenderer.File]) throws {
        guard let folder else { return }
        addFolder(folder, option: "--csv")
        for table in try tables() {
            add(table.bytes, to: (folder as NSString).appendingPathComponent(table.name), option: "--csv")
        }
    }

    /// Writes every file, all or nothing; a failure is a one-line user error naming the option.
    func write() throws {
        do {
            try batch.write()
        } catch {
            throw UserError(error.description)
        }
    }
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
