#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file written by the rules of ``OutputBatch``: a regular file is replaced atomically
/// (temporary beside it, fsync, rename), a device or FIFO is written directly, a directory is
/// refused; on failure nothing is left behind and an existing file is unchanged.
public enum AtomicFile {
    /// Writes `bytes` to `path`; errors name `option` (the option the path came from).
    /// - Throws: `ReportError.writeFailed`; the destination is unchanged.
    public static func write(_ bytes: [UInt8], to path: String, option: String = "output") throws(ReportError) {
        var batch = OutputBatch()
        batch.add(bytes, to: path, option: option)
        try batch.write()
    }

    /// Writes the UTF-8 of `text` to `path`.
    public static func write(_ text: String, to path: String, option: String = "output") throws(ReportError) {
        try write(Array(text.utf8), to: path, option: option)
    }
}

/// A temporary file written in full beside its destination, waiting to be renamed over it.
struct StagedFile {
    /// The temporary's path, `.<name>.tmp-XXXXXX` in the destination's directory.
    let temporary: String
    /// The final path (a symlink's target, resolved).
    let destination: String
    /// True when nothing was at `destination` before: the run creates it.
    let isNew: Bool
    /// Its slot in ``TemporaryFiles``.
    let slot: Int?

    /// Creates the temporary with mode 0666 less the umask (or the replaced file's mode), writes
    /// `bytes` and flushes them to disk. On failure the temporary is already removed.
    static func stage(_ bytes: [UInt8], at destination: String, keepingMode mode: mode_t?,
                      injected: OutputBatch.Step?) throws(StepFailure) -> StagedFile {
        let (descriptor, temporary) = try createTemporary(beside: destination, injected: injected)
        let staged = StagedFile(temporary: temporary, destination: destination, isNew: mode == nil,
                                slot: TemporaryFiles.register(temporary))
        do throws(StepFailure) {
            try FileDescriptor.writeAll(bytes, to: descriptor, injected: injected)
            try StepFailure.inject(.sync, injected)
            if let mode { try StepFailure.check(fchmod(descriptor, mode) == 0, .sync) }
            try StepFailure.check(fsync(descriptor) == 0, .sync)
            let closed = close(descriptor) == 0
            try StepFailure.check(closed, .sync)
        } catch {
            close(descriptor)
            staged.discard()
            throw error
        }
        return staged
    }

    /// Renames the temporary over the destination.
    func commit(injected: OutputBatch.Step?) throws(StepFailure) {
        try StepFailure.inject(.rename, injected)
        try StepFailure.check(rename(temporary, destination) == 0, .rename)
        if let slot { TemporaryFiles.unregister(slot) }
    }

    /// Removes the temporary (before or instead of the rename).
    func discard() {
        unlink(temporary)
        if let slot { TemporaryFiles.unregister(slot) }
    }

    /// A fresh `.<name>.tmp-XXXXXX` opened with O_EXCL and mode 0666, so the umask applies.
    private static func createTemporary(beside path: String, injected: OutputBatch.Step?) throws(StepFailure) -> (Int32, String) {
        try StepFailure.inject(.createTemporary, injected)
        let prefix = OutputDestination.directory(of: path) + "." + lastComponent(path) + ".tmp-"
        for _ in 0..<100 {
            let candidate = prefix + randomSuffix()
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, candidate) }
            if errno != EEXIST { break }
        }
        throw StepFailure(step: .createTemporary, reason: systemMessage())
    }

    private static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func randomSuffix() -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<6).map { _ in letters.randomElement()! })
    }
}

/// A device, FIFO or descriptor path, written directly (there is nothing to rename).
enum StreamWrite {
    /// Opens `path` for writing (never creating it) and writes all of `bytes`.
    static func write(_ bytes: [UInt8], to path: String, append: Bool, injected: OutputBatch.Step?) throws(StepFailure) {
        try StepFailure.inject(.stream, injected)
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | (append ? O_APPEND : 0))
        try StepFailure.check(descriptor >= 0, .stream)
        defer { close(descriptor) }
        try FileDescriptor.writeAll(bytes, to: descriptor, injected: nil, step: .stream)
    }
}

/// POSIX writes, named apart from the `write` methods above.
enum FileDescriptor {
    /// Writes every byte, retrying after a signal; a short write is an error.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, injected: OutputBatch.Step?,
                         step: OutputBatch.Step = .write) throws(StepFailure) {
        try StepFailure.inject(step, injected)
        var failed = false
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { failed = true; return }
                offset += written
            }
        }
        try StepFailure.check(!failed, step)
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}

/// A file-system step that failed, with the system's reason.
struct StepFailure: Error {
    var step: OutputBatch.Step
    var reason: String

    static func check(_ success: Bool, _ step: OutputBatch.Step) throws(StepFailure) {
        guard !success else { return }
        throw StepFailure(step: step, reason: systemMessage())
    }

    static func inject(_ step: OutputBatch.Step, _ injected: OutputBatch.Step?) throws(StepFailure) {
        guard step == injected else { return }
        throw StepFailure(step: step, reason: "injected failure")
    }
}

func systemMessage() -> String { String(cString: strerror(errno)) }
