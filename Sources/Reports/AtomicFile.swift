#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file writes that readers never see half done: write a temporary file in the same
/// directory, flush it to disk, then rename it over the destination.
///
/// On any failure the destination is left as it was and the temporary file is removed.
/// A new file gets mode 0644; a replaced file keeps its mode.
public enum AtomicFile {
    /// The steps of a write, named in errors (and used by tests to inject a failure).
    enum Step: String, Sendable {
        case createTemporary = "create temporary file"
        case write = "write"
        case sync = "fsync"
        case rename = "rename"
    }

    /// Writes `bytes` to `path` atomically.
    /// - Throws: `ReportError.writeFailed` naming the failed step; the destination is unchanged.
    public static func write(_ bytes: [UInt8], to path: String) throws(ReportError) {
        try write(bytes, to: path, failing: nil)
    }

    /// Writes the UTF-8 of `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(ReportError) {
        try write(Array(text.utf8), to: path)
    }

    /// `write`, with a step that is made to fail (tests only).
    static func write(_ bytes: [UInt8], to path: String, failing injected: Step?) throws(ReportError) {
        let (descriptor, temporary) = try createTemporary(beside: path, injected: injected)
        var closed = false
        do throws(ReportError) {
            try writeAll(bytes, to: descriptor, path: path, injected: injected)
            try inject(.sync, injected, path)
            try check(fchmod(descriptor, mode(forReplacing: path)) == 0 && fsync(descriptor) == 0, .sync, path)
            closed = true
            try check(close(descriptor) == 0, .sync, path)
            try inject(.rename, injected, path)
            try check(rename(temporary, path) == 0, .rename, path)
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
        syncDirectory(of: path)
    }

    /// `mkstemp` in the destination's directory: `.<name>.tmp-XXXXXX`.
    private static func createTemporary(beside path: String, injected: Step?) throws(ReportError) -> (Int32, String) {
        var template = Array(temporaryTemplate(for: path).utf8CString)
        try inject(.createTemporary, injected, path)
        let descriptor = mkstemp(&template)
        try check(descriptor >= 0, .createTemporary, path)
        let name = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (descriptor, name)
    }

    static func temporaryTemplate(for path: String) -> String {
        let (directory, name) = split(path)
        return directory + "." + name + ".tmp-XXXXXX"
    }

    /// (directory with trailing slash or empty, last component).
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String, injected: Step?) throws(ReportError) {
        try inject(.write, injected, path)
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
        try check(!failed, .write, path)
    }

    /// The existing file's mode when replacing one, else 0644.
    private static func mode(forReplacing path: String) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return 0o644 }
        return status.st_mode & 0o7777
    }

    /// Best effort: make the rename itself durable.
    private static func syncDirectory(of path: String) {
        let (directory, _) = split(path)
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func check(_ success: Bool, _ step: Step, _ path: String) throws(ReportError) {
        guard !success else { return }
        throw .writeFailed(path: path, step: step.rawValue, reason: String(cString: strerror(errno)))
    }

    private static func inject(_ step: Step, _ injected: Step?, _ path: String) throws(ReportError) {
        guard step == injected else { return }
        throw .writeFailed(path: path, step: step.rawValue, reason: "injected failure")
    }
}

/// POSIX `write(2)`, named apart from `AtomicFile.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #elseif canImport(Musl)
    Musl.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
