#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file one command writes (`--json`, `--csv` folder, `--html`, …), written all or nothing.
///
/// ``write()`` proceeds in phases, so that a command that fails leaves no output file at all:
/// 1. every destination is checked (``OutputDestination``): a directory, socket or block device
///    is refused, the same path twice is refused, a symlink is followed to its target;
/// 2. missing folders are created (remembering which, also for the signal handler);
/// 3. each regular destination gets a temporary file beside it (mode 0666 less the umask, or the
///    mode of the file it replaces), written and flushed; the temporaries are removed by a
///    signal handler should SIGINT, SIGTERM, SIGHUP or SIGPIPE arrive meanwhile;
/// 4. devices and FIFOs (`/dev/null`, `/dev/stdout`, a pipe) are written directly;
/// 5. only then is every temporary renamed over its destination.
///
/// On a failure in any phase every temporary is removed, and so is every file and folder this
/// run created; a file that existed before keeps its content. (Should a rename fail after others
/// succeeded — the disk cannot run out at that point — the files it already replaced stay
/// replaced.)
public struct OutputBatch: Sendable {
    /// A phase a failure can be injected into (tests only).
    enum Step: String, Sendable {
        case createFolder = "create the folder"
        case createTemporary = "create a temporary file"
        case write = "write"
        case sync = "flush to disk"
        case stream = "write to it"
        case rename = "rename into place"
    }

    private struct Pending: Sendable {
        var path: String
        var bytes: [UInt8]
        var option: String
    }

    private var files: [Pending] = []
    private var folders: [(path: String, option: String)] = []

    /// An empty batch.
    public init() {}

    /// True when nothing was added.
    public var isEmpty: Bool { files.isEmpty && folders.isEmpty }

    /// Adds a file's bytes, to be written to `path`; errors name `option` (e.g. `--json`).
    public mutating func add(_ bytes: [UInt8], to path: String, option: String) {
        files.append(Pending(path: path, bytes: bytes, option: option))
    }

    /// Adds a folder to create when missing (before its files are written); errors name `option`.
    public mutating func addFolder(_ path: String, option: String) {
        folders.append((path, option))
    }

    /// Writes every file, all or nothing (see the type's description).
    /// - Throws: `ReportError.writeFailed` naming the option and path; nothing was left behind.
    public func write() throws(ReportError) {
        try write(failing: nil)
    }

    /// `write()`, with `injected` made to fail at the file with that index (tests only).
    func write(failing injected: (file: Int, step: Step)?) throws(ReportError) {
        TemporaryFiles.installHandlers()
        defer { TemporaryFiles.restoreHandlers() }
        var created = CreatedFolders()
        defer { created.forget() }
        do throws(ReportError) {
            for folder in folders {
                try created.createIfMissing(folder.path, option: folder.option, injected: injected?.step)
            }
            let destinations = try checkedDestinations()
            try writeAll(destinations, injected: injected)
        } catch {
            created.removeAll()
            throw error
        }
    }

    /// Every destination classified, or the first refusal.
    private func checkedDestinations() throws(ReportError) -> [OutputDestination] {
        var seen: [String: String] = [:]
        var destinations: [OutputDestination] = []
        for file in files {
            switch OutputDestination.of(file.path) {
            case .failure(let refusal): throw .writeFailed(option: file.option, path: file.path, problem: refusal.reason)
            case .success(let destination):
                if case .file = destination, let other = seen.updateValue(file.option, forKey: destination.path) {
                    throw .writeFailed(option: file.option, path: file.path, problem: "is also the \(other) output")
                }
                destinations.append(destination)
            }
        }
        return destinations
    }

    /// Phases 3–5 (the signal handlers are in place).
    private func writeAll(_ destinations: [OutputDestination], injected: (file: Int, step: Step)?) throws(ReportError) {
        var staged: [StagedFile] = []
        var renamed: [StagedFile] = []
        do throws(ReportError) {
            for (index, destination) in destinations.enumerated() {
                guard case .file(let path, let mode) = destination else { continue }
                let step = injected?.file == index ? injected?.step : nil
                staged.append(try attempt(index) { () throws(StepFailure) in
                    try StagedFile.stage(files[index].bytes, at: path, keepingMode: mode, injected: step)
                })
            }
            for (index, destination) in destinations.enumerated() {
                guard case .stream(let path, let append) = destination else { continue }
                let step = injected?.file == index ? injected?.step : nil
                try attempt(index) { () throws(StepFailure) in
                    try StreamWrite.write(files[index].bytes, to: path, append: append, injected: step)
                }
            }
            for (file, index) in zip(staged, destinations.indices.filter { destinations[$0].isFile }) {
                let step = injected?.file == index ? injected?.step : nil
                try attempt(index) { () throws(StepFailure) in try file.commit(injected: step) }
                renamed.append(file)
            }
        } catch {
            for file in staged { file.discard() }
            for file in renamed where file.isNew { unlink(file.destination) }
            throw error
        }
        for file in renamed { syncDirectory(of: file.destination) }
    }

    /// Runs one step for file `index`, turning its failure into a message for users.
    private func attempt<T>(_ index: Int, _ body: () throws(StepFailure) -> T) throws(ReportError) -> T {
        do {
            return try body()
        } catch {
            let problem = "cannot \(error.step.rawValue): \(error.reason)"
            throw .writeFailed(option: files[index].option, path: files[index].path, problem: problem)
        }
    }

    /// Best effort: make the renames durable.
    private func syncDirectory(of path: String) {
        let directory = OutputDestination.directory(of: path)
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

extension OutputDestination {
    var isFile: Bool {
        if case .file = self { return true }
        return false
    }
}

/// The folders a batch created, deepest last, so a failure (or a signal) can remove exactly those.
struct CreatedFolders {
    private(set) var paths: [String] = []
    private var slots: [Int] = []

    /// Creates `path` and any missing parent; an existing folder (or link to one) is kept as is.
    mutating func createIfMissing(_ path: String, option: String, injected: OutputBatch.Step?) throws(ReportError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw .writeFailed(option: option, path: path, problem: "exists and is not a folder")
            }
            return
        }
        let parent = OutputDestination.directory(of: trimmingTrailingSlashes(path))
        if !parent.isEmpty && parent != "/" { try createIfMissing(String(parent.dropLast()), option: option, injected: injected) }
        if injected == .createFolder {
            throw .writeFailed(option: option, path: path, problem: "cannot create the folder: injected failure")
        }
        guard mkdir(path, 0o777) == 0 else {
            throw .writeFailed(option: option, path: path, problem: "cannot create the folder: \(systemMessage())")
        }
        paths.append(path)
        if let slot = TemporaryFiles.registerFolder(path) { slots.append(slot) }
    }

    /// Removes the folders this batch created, deepest first (only if empty).
    func removeAll() {
        for path in paths.reversed() { rmdir(path) }
    }

    /// Takes the folders off the signal handler's list (the batch is over).
    func forget() {
        for slot in slots { TemporaryFiles.unregister(slot) }
    }

    private func trimmingTrailingSlashes(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
