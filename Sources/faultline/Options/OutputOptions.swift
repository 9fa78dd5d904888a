import ArgumentParser
import Reporting

/// `--json`, `--csv`, `--html` and `--omit-timing`: the files a command writes besides its
/// terminal report, all from one ``Report``.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the results as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Also write the report's tables as CSV files into this folder.", valueName: "folder"))
    var csv: String?

    @Option(help: ArgumentHelp(
        "Also write a self-contained HTML report (charts, no network; prints one section per page) to this file.",
        valueName: "file"))
    var html: String?

    @Flag(help: "Leave the wall-clock timing out of the JSON, so it is byte-identical for a seed.")
    var omitTiming = false

    /// Renders every requested file of `report` into `files` (nothing is written yet).
    func add(_ report: Report, to files: inout ReportFiles) throws {
        if let json {
            do {
                files.add(try JSONRenderer.render(report, includeTiming: !omitTiming), to: json, option: "--json")
            } catch {
                throw UserError("--json: cannot encode the results: \(error)")
            }
        }
        if let html { files.add(Array(HTMLRenderer.render(report).utf8), to: html, option: "--html") }
        if let csv {
            do {
                try files.addCSV(into: csv) { try CSVRenderer.render(report) }
            } catch let error as UserError {
                throw error
            } catch {
                throw UserError("--csv: cannot build the tables: \(error)")
            }
        }
    }

    /// Renders every requested file of `report`, then writes them all.
    func write(_ report: Report) throws {
        var files = ReportFiles()
        try add(report, to: &files)
        try files.write()
    }
}
