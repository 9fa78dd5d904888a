import HTMLReport

/// A command's results as a page: a title, key figures, sections of typed tables, text and
/// charts, the method notes that explain the figures, and the JSON document. Every command
/// builds one; one renderer per format (``TerminalRenderer``, ``CSVRenderer``,
/// ``HTMLRenderer``, ``JSONRenderer``) writes it. See docs/reporting.md.
public struct Report: Sendable {
    /// The command that made it (`run`, `queue`, …): the first word of the headline.
    public var command: String
    /// The title (`FaultLine run · baseline`).
    public var title: String
    /// What was run and how, as short parts (`seed 42`, `20 replications`, …).
    public var context: [String]
    /// Headline numbers.
    public var keyFigures: [KeyFigure]
    /// The sections, in reading order.
    public var sections: [Section]
    /// How to read the figures, from the one catalogue.
    public var notes: [MethodNote]
    /// The results as JSON (`--json`); nil when the command has none.
    public var document: (any Encodable & Sendable)?
    /// Machine-dependent facts (wall-clock time, threads): on the terminal, in JSON unless
    /// left out (`--omit-timing`), never in HTML or CSV.
    public var timing: Timing?

    /// A report.
    public init(command: String, title: String, context: [String] = [], keyFigures: [KeyFigure] = [],
                sections: [Section] = [], notes: [MethodNote] = [],
                document: (any Encodable & Sendable)? = nil, timing: Timing? = nil) {
        self.command = command
        self.title = title
        self.context = context
        self.keyFigures = keyFigures
        self.sections = sections
        self.notes = notes
        self.document = document
        self.timing = timing
    }

    /// Every table of every section, in order.
    public var tables: [Table] {
        sections.flatMap { $0.blocks.compactMap { if case .table(let table) = $0 { return table } else { return nil } } }
    }
}

/// Wall-clock time and threads of a run.
public struct Timing: Sendable, Hashable, Encodable {
    /// Seconds the computation took.
    public var wallSeconds: Double
    /// Threads it ran on.
    public var threads: Int

    /// A timing.
    public init(wallSeconds: Double, threads: Int) {
        self.wallSeconds = wallSeconds
        self.threads = threads
    }
}

/// A headline number with its label and a short detail.
public struct KeyFigure: Sendable, Hashable {
    /// What the number is (`claimed credits per year`).
    public var label: String
    /// The number.
    public var value: Cell
    /// A short detail (`p95 1.2 M`); empty for none.
    public var detail: String

    /// A key figure.
    public init(_ label: String, _ value: Cell, detail: String = "") {
        self.label = label
        self.value = value
        self.detail = detail
    }
}

/// One section: a heading, a one-line message and its blocks.
public struct Section: Sendable {
    /// Anchor name (letters, digits and `-`).
    public var id: String
    /// The heading.
    public var title: String
    /// The one-line message under the heading; empty for none.
    public var lead: String
    /// The content, top to bottom.
    public var blocks: [Block]

    /// A section.
    public init(id: String, title: String, lead: String = "", blocks: [Block]) {
        self.id = id
        self.title = title
        self.lead = lead
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum Block: Sendable {
    /// A table: in every format (CSV only when it has a file name).
    case table(Table)
    /// A paragraph: on the terminal and in HTML.
    case text(String)
    /// Charts side by side, `columns` per row, with a caption: in HTML only.
    case charts([ChartSpec], columns: Int, caption: String)

    /// One chart with a caption.
    public static func chart(_ chart: ChartSpec, caption: String) -> Block {
        .charts([chart], columns: 1, caption: caption)
    }
}

/// A table of typed cells; the first column labels the rows.
public struct Table: Sendable, Hashable {
    /// The CSV file's name without `.csv` (`by-tier`); nil when the table is not written as CSV.
    public var csvName: String?
    /// The columns.
    public var columns: [Column]
    /// Rows of cells, as many as columns.
    public var rows: [[Cell]]
    /// Rows to emphasise (totals), by index.
    public var emphasisedRows: Set<Int>
    /// False for a table only programs read (CSV, e.g. 24 hourly columns): left off the
    /// terminal and the HTML page.
    public var isShownToPeople: Bool
    /// False for a detail table people read on the HTML page but not on the terminal (a long
    /// per-tier table of a study); only meaningful when ``isShownToPeople``.
    public var isOnTerminal: Bool

    /// A table.
    public init(csvName: String? = nil, columns: [Column], rows: [[Cell]], emphasisedRows: Set<Int> = [],
                isShownToPeople: Bool = true, isOnTerminal: Bool = true) {
        self.csvName = csvName
        self.columns = columns
        self.rows = rows
        self.emphasisedRows = emphasisedRows
        self.isShownToPeople = isShownToPeople
        self.isOnTerminal = isOnTerminal
    }

    /// Whether any estimate in the table rests on fewer replications than the run has.
    public var hasPartialEstimates: Bool {
        rows.contains { $0.contains { if case .estimate(let cell) = $0 { return cell.isPartial } else { return false } } }
    }
}

/// A table column: its heading for people and its name in CSV.
public struct Column: Sendable, Hashable {
    /// The heading on the terminal and in HTML (`restoration`).
    public var heading: String
    /// The CSV column name (`restoration_met`); an estimate also gets `<name>_ci`.
    public var csvName: String

    /// A column; the CSV name defaults to the heading with spaces as underscores.
    public init(_ heading: String, csv csvName: String? = nil) {
        self.heading = heading
        self.csvName = csvName ?? heading.replacingOccurrences(of: " ", with: "_")
    }
}
