import Foundation
import TestSupport
import Testing

/// Hostile and careless input, end to end through the built binary: every row gives the expected
/// exit code and message, never a crash, a hang or a stack trace, and leaves exactly the files it
/// should (none at all when the command fails).
@Suite("Adversarial input: clear errors, no crash, no hang, no clobbered file")
struct AdversarialInputTests {
    /// One hostile case: what is in the folder, the arguments, and what must follow.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Files created in the folder first: name → content (see ``Setup``).
        var setup: [String: Setup] = [:]
        var arguments: [String]
        var exitCode: Int32
        /// Must appear on stdout or stderr ("" when only the exit code matters).
        var message: String
        /// Must appear nowhere in the output (a raw escape byte, a leaked secret).
        var forbidden: [String] = []
        var mustExist: [String] = []
        var mustNotExist: [String] = []
        /// Run under this umask (`sh -c 'umask …; exec faultline …'`).
        var umask: String?
        /// Owner of the fix when it is not this branch's (the row is a known issue until merged).
        var timeoutSeconds: Double = 120
        var testDescription: String { name }
    }

    /// What a case puts in its folder.
    enum Setup: Sendable {
        case text(String)
        case folder
        case symlink(to: String)
    }

    // MARK: fixtures

    static let inventory = EvaluateRun.twoCircuits.joined(separator: "\n") + "\n"
    static let tickets = EvaluateRun.twoTickets.joined(separator: "\n") + "\n"
    static let evaluate = ["evaluate", "--inventory", "circuits.csv", "--tickets", "tickets.csv"]
    static let twoFiles: [String: Setup] = ["circuits.csv": .text(inventory), "tickets.csv": .text(tickets)]

    static func files(inventory: [String], tickets: [String], separator: String = "\n") -> [String: Setup] {
        ["circuits.csv": .text(inventory.joined(separator: separator) + separator),
         "tickets.csv": .text(tickets.joined(separator: separator) + separator)]
    }

    static let centre = TestScenarios.centreOnlyYAML(days: 2, seed: 3)
    static let centreFiles: [String: Setup] = ["centre.yaml": .text(centre)]
    static let staff = ["staff", "centre.yaml", "--replications", "2", "--verify-replications", "2", "--threads", "1"]

    static func scenario(replacing old: String, with new: String) -> [String: Setup] {
        precondition(centre.contains(old), "fixture drifted: \(old)")
        return ["s.yaml": .text(centre.replacingOccurrences(of: old, with: new))]
    }

    // MARK: the table

    static let outputCases: [Case] = [
        Case(name: "--json /dev/full is a clear error", setup: twoFiles, arguments: evaluate + ["--json", "/dev/full"],
             exitCode: 2, message: "faultline: error: --json: /dev/full: cannot write to it: No space left on device"),
        Case(name: "--json /dev/full with --csv leaves no CSV folder", setup: twoFiles,
             arguments: evaluate + ["--json", "/dev/full", "--csv", "tables"], exitCode: 2, message: "No space left on device",
             mustNotExist: ["tables"]),
        Case(name: "--json /dev/null is written", setup: twoFiles, arguments: evaluate + ["--json", "/dev/null"],
             exitCode: 0, message: ""),
        Case(name: "--json /dev/stdout is written", setup: twoFiles, arguments: evaluate + ["--json", "/dev/stdout"],
             exitCode: 0, message: "\"byTier\""),
        Case(name: "--json to a directory is refused", setup: twoFiles.merging(["out": .folder]) { $1 },
             arguments: evaluate + ["--json", "out", "--csv", "tables"], exitCode: 2,
             message: "faultline: error: --json: out: is a directory; give a file path", mustNotExist: ["tables"]),
        Case(name: "--csv into a file is refused and nothing is written",
             setup: twoFiles.merging(["tables": .text("mine"), "out.json": .text("old")]) { $1 },
             arguments: evaluate + ["--json", "out.json", "--csv", "tables"], exitCode: 2,
             message: "faultline: error: --csv: tables: exists and is not a folder"),
        Case(name: "--json through a symlink replaces its target", setup: twoFiles.merging(["link.json": .symlink(to: "target.json")]) { $1 },
             arguments: evaluate + ["--json", "link.json"], exitCode: 0, message: "", mustExist: ["target.json"]),
        Case(name: "--csv folder is created with the umask", setup: twoFiles,
             arguments: evaluate + ["--json", "out.json", "--csv", "tables"], exitCode: 0, message: "",
             mustExist: ["out.json", "tables/by-tier.csv"], umask: "027"),
        Case(name: "same path for --json and --html", setup: centreFiles,
             arguments: ["run", "centre.yaml", "--allow-unstable", "--replications", "1", "--json", "x", "--html", "x"], exitCode: 2,
             message: "faultline: error: --html: x: is also the --json output", mustNotExist: ["x"]),
    ]

    static let ticketLogCases: [Case] = [
        Case(name: "CR-only CSV files are read as lines",
             setup: files(inventory: EvaluateRun.twoCircuits, tickets: EvaluateRun.twoTickets, separator: "\r"),
             arguments: evaluate + ["--json", "out.json"], exitCode: 0, message: "", mustExist: ["out.json"]),
        Case(name: "a ticket outside its circuit's span is rejected",
             setup: files(inventory: [EvaluateRun.inventoryHeader + ",start,end", "C-AT,group,lan-dedicated,SLA-AA,3000,2026-04-01,",
                                      "C-OVER,group,lan-dedicated,SLA-AA,3000,,2026-03-01"], tickets: EvaluateRun.twoTickets),
             arguments: evaluate, exitCode: 1,
             message: "tickets.csv:2: fault_start 2026-03-10T09:55:00 is outside the service of circuit 'C-AT' (start 2026-04-01T00:00:00 in the inventory)"),
        Case(name: "tier `sla-aa ` is SLA-AA",
             setup: files(inventory: [EvaluateRun.inventoryHeader, "C-AT,GROUP,Lan-Dedicated,sla-aa ,3000",
                                      "C-OVER,group,lan-dedicated, SLA-AA,3000"], tickets: EvaluateRun.twoTickets),
             arguments: evaluate, exitCode: 0, message: "SLA-AA"),
        Case(name: "an unknown tier gets 'did you mean'",
             setup: files(inventory: [EvaluateRun.inventoryHeader, "C-AT,group,lan-dedicated,SLA-AAX,3000"], tickets: [EvaluateRun.ticketHeader]),
             arguments: evaluate, exitCode: 1, message: "circuits.csv:2: unknown tier 'SLA-AAX' (did you mean 'SLA-AA"),
        Case(name: "a control character in a circuit id is escaped",
             setup: files(inventory: EvaluateRun.twoCircuits,
                          tickets: [EvaluateRun.ticketHeader, "T1,C\u{1B}[2J\u{1B}]0;owned\u{7},2026-03-10T09:55:00,2026-03-10T10:00:00,,,2026-03-10T11:30:00,,true"]),
             arguments: evaluate, exitCode: 1, message: "unknown circuit 'C\\x1B[2J\\x1B]0;owned\\x07'", forbidden: ["\u{1B}", "\u{7}"]),
        Case(name: "--period week", setup: twoFiles, arguments: evaluate + ["--period", "week"], exitCode: 2,
             message: "faultline: error: The value 'week' is invalid for '--period <period>'"),
        Case(name: "a calendar with no workdays",
             setup: twoFiles.merging(["rules.yaml": .text("calendars:\n  standard:\n    workdays: []\n")]) { $1 },
             arguments: evaluate + ["--rules", "rules.yaml"], exitCode: 2, message: "workdays",
             timeoutSeconds: 20),
    ]

    static let staffCases: [Case] = [
        Case(name: "staff on an unknown tier", setup: centreFiles, arguments: staff + ["--target", "SLA-ZZ.restoration >= 0.9"],
             exitCode: 2, message: "faultline: error: --target «SLA-ZZ.restoration >= 0.9»: unknown tier «SLA-ZZ»; did you mean «SLA-AA»?"),
        Case(name: "staff on an unknown region", setup: centreFiles, arguments: staff + ["--target", "crews.citi.utilisation <= 0.9"],
             exitCode: 2, message: "unknown crew region «citi»; did you mean «city»?"),
        Case(name: "staff on an unknown measure", setup: centreFiles, arguments: staff + ["--target", "dispatched >= 0.9"],
             exitCode: 2, message: "unknown measure «dispatched»; did you mean «dispatch»?"),
        Case(name: "staff share written as 95", setup: centreFiles, arguments: staff + ["--target", "SLA-AA.restoration >= 95"],
             exitCode: 2, message: "SLA-AA.restoration is a share between 0 and 1, found 95; did you mean 0.95 (or 95%)?"),
        Case(name: "staff target nobody can judge", setup: centreFiles,
             arguments: staff + ["--target", "SLA-AA.restoration >= 0.9", "--json", "staff.json"], exitCode: 1,
             message: "faultline: staff: target «SLA-AA.restoration >= 0.9» is not judgeable", mustExist: ["staff.json"]),
    ]

    static let optionAndScenarioCases: [Case] = [
        Case(name: "horizon: 0d", setup: scenario(replacing: "horizon: 3d\nwarmup: 1d", with: "horizon: 0d\nwarmup: 0d"),
             arguments: ["run", "s.yaml"], exitCode: 2, message: "horizon"),
        Case(name: "weibull(shape: 0.01, scale: 1h)",
             setup: scenario(replacing: "intake: \"exponential(mean: 5m)\"", with: "intake: \"weibull(shape: 0.01, scale: 1h)\""),
             arguments: ["run", "s.yaml", "--replications", "1"], exitCode: 2, message: "weibull"),
        Case(name: "queue --arrival-rate 1e-300",
             arguments: ["queue", "--servers", "1", "--arrival-rate", "1e-300"], exitCode: 2, message: "--arrival-rate"),
        Case(name: "extends: /etc/shadow",
             setup: ["s.yaml": .text("extends: /etc/shadow\n")], arguments: ["run", "s.yaml"], exitCode: 2,
             message: "/etc/shadow", forbidden: ["root:"]),
        Case(name: "--replications -1", setup: centreFiles, arguments: ["run", "centre.yaml", "--replications", "-1"],
             exitCode: 2, message: "--replications"),
        Case(name: "--threads 0", setup: centreFiles, arguments: ["run", "centre.yaml", "--threads", "0"],
             exitCode: 2, message: "faultline: error: The value '0' is invalid for '--threads <count>'"),
        Case(name: "--seed -5", setup: centreFiles, arguments: ["run", "centre.yaml", "--seed", "-5"],
             exitCode: 2, message: "--seed"),
    ]

    @Test(arguments: outputCases) func outputs(_ row: Case) throws { try check(row) }
    @Test(arguments: ticketLogCases) func ticketLogs(_ row: Case) throws { try check(row) }
    @Test(arguments: staffCases) func staffTargets(_ row: Case) throws { try check(row) }
    @Test(arguments: optionAndScenarioCases) func optionsAndScenarios(_ row: Case) throws { try check(row) }

    // MARK: checks beyond the table

    @Test func devFullStaysACharacterDevice() throws {
        try check(Self.outputCase("--json /dev/full is a clear error"))
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func failedCommandLeavesAPreExistingFileAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try prepare(Self.outputCase("--csv into a file is refused and nothing is written").setup, in: folder)
        _ = try run(Self.outputCase("--csv into a file is refused and nothing is written"), in: folder)
        #expect(try String(contentsOfFile: folder.file("out.json"), encoding: .utf8) == "old")
        #expect(try String(contentsOfFile: folder.file("tables"), encoding: .utf8) == "mine")
    }

    @Test func symlinkStaysALinkAndUmaskIsHonoured() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try prepare(Self.outputCase("--json through a symlink replaces its target").setup, in: folder)
        #expect(try run(Self.outputCase("--json through a symlink replaces its target"), in: folder).exitCode == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("link.json")) == "target.json")
        let umasked = Self.outputCase("--csv folder is created with the umask")
        #expect(try run(umasked, in: folder).exitCode == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("tables/by-tier.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func fifoIsWrittenForItsReader() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try prepare(Self.twoFiles, in: folder)
        #expect(mkfifo(folder.file("pipe"), 0o600) == 0)
        let reader = PipeDrain(folder.file("pipe"))
        let result = try run(Case(name: "fifo", arguments: Self.evaluate + ["--json", "pipe"], exitCode: 0, message: ""), in: folder)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(reader.wait().hasPrefix("{"))
    }

    /// SIGTERM while the batch is written: the JSON goes to a FIFO nobody reads, so the command
    /// blocks with the CSV tables staged as temporaries; after the signal none is left.
    ///
    /// The test runner's threads block SIGTERM and a spawned child inherits that mask, so the
    /// binary is started through python3, which clears the mask as a shell user's would be.
    @Test(.enabled(if: python3 != nil, "needs python3 to start the binary with signals unblocked"))
    func sigtermDuringAWriteLeavesNoTemporary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try prepare(Self.twoFiles, in: folder)
        #expect(mkfifo(folder.file("pipe"), 0o600) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
            + "os.execv(sys.argv[1], sys.argv[1:])", FaultLineBinary.path] + Self.evaluate + ["--json", "pipe", "--csv", "tables"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !Self.temporaries(in: folder.file("tables")).contains(where: { $0.contains(".tmp-") }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(Self.temporaries(in: folder.file("tables")).contains { $0.contains(".tmp-") }, "never saw the temporaries")
        process.terminate()
        let ended = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            ended.signal()
        }
        if ended.wait(timeout: .now() + 30) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
            Issue.record("SIGTERM did not end the command")
        }
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: folder.file("tables")), "the folder this run created is removed")
        #expect(!Self.temporaries(in: folder.path).contains { $0.contains(".tmp-") })
    }

    /// python3 on the PATH, for the signal test.
    static let python3: String? = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static func outputCase(_ name: String) -> Case { outputCases.first { $0.name == name }! }

    static func temporaries(in folder: String) -> [String] {
        (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
    }

    // MARK: running a row

    func check(_ row: Case) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try prepare(row.setup, in: folder)
        try verify(row, try run(row, in: folder), in: folder)
    }

    func verify(_ row: Case, _ result: RowResult, in folder: TemporaryFolder) throws {
        let output = result.standardOutput + result.standardError
        #expect(result.exitCode == row.exitCode, "\(row.name): \(result.standardError.prefix(300))")
        if !row.message.isEmpty { #expect(output.contains(row.message), "\(row.name): \(result.standardError.prefix(300))") }
        for text in row.forbidden { #expect(!output.contains(text), "\(row.name): output holds \(text.debugDescription)") }
        #expect(!output.contains("Fatal error") && !output.contains("Stack dump"), "\(row.name): crashed")
        for name in row.mustExist { #expect(FileManager.default.fileExists(atPath: folder.file(name)), "\(row.name): \(name) missing") }
        for name in row.mustNotExist { #expect(!FileManager.default.fileExists(atPath: folder.file(name)), "\(row.name): \(name) left") }
        let leftovers = Self.temporaries(in: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(row.name): temporaries left: \(leftovers)")
    }

    func prepare(_ setup: [String: Setup], in folder: TemporaryFolder) throws {
        for (name, item) in setup {
            switch item {
            case .text(let text): try folder.write(text, to: name)
            case .folder: try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true)
            case .symlink(let target): try FileManager.default.createSymbolicLink(atPath: folder.file(name), withDestinationPath: target)
            }
        }
    }

    /// Runs the row in `folder`, killing it after its timeout (a hang is a failure, exit −1).
    func run(_ row: Case, in folder: TemporaryFolder) throws -> RowResult {
        let process = Process()
        if let umask = row.umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", FaultLineBinary.path] + row.arguments
        } else {
            process.executableURL = URL(fileURLWithPath: FaultLineBinary.path)
            process.arguments = row.arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = PipeDrain(output.fileHandleForReading), err = PipeDrain(errors.fileHandleForReading)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        if finished.wait(timeout: .now() + row.timeoutSeconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            return RowResult(exitCode: -1, standardOutput: out.wait(), standardError: "timed out after \(row.timeoutSeconds) s")
        }
        return RowResult(exitCode: process.terminationStatus, standardOutput: out.wait(), standardError: err.wait())
    }
}

/// What one row's run produced (exit −1: killed after its timeout).
struct RowResult {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
}

/// Reads a pipe or FIFO to its end on another thread.
final class PipeDrain: @unchecked Sendable {
    private var text = ""
    private let done = DispatchSemaphore(value: 0)

    convenience init(_ path: String) {
        self.init { FileHandle(forReadingAtPath: path) }
    }

    convenience init(_ handle: FileHandle) {
        self.init { handle }
    }

    private init(_ open: @escaping @Sendable () -> FileHandle?) {
        Thread.detachNewThread {
            let data = open()?.readDataToEndOfFile() ?? Data()
            self.text = String(decoding: data, as: UTF8.self)
            self.done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return text
    }
}
