#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening an input file's bytes and the checks that refuse a whole file before parsing.
enum SourceFile {
    /// Maps the file at `path` read-only (POSIX calls, no Foundation); its pages are read in
    /// as the reader reaches them and handed back behind it (``SourceBytes``).
    static func map(path: String) throws(TicketLogError) -> SourceBytes {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotRead(path: path, reason: systemMessage()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path: path, reason: systemMessage()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .cannotRead(path: path, reason: "not a regular file") }
        guard let bytes = SourceBytes(mapping: descriptor, size: Int(status.st_size), path: path) else {
            throw .cannotRead(path: path, reason: systemMessage())
        }
        return bytes
    }

    /// Refuses content with a NUL byte (binary data), naming the line of the first one. Scans
    /// in blocks and hands each block back, so the check never holds the whole file.
    static func checkIsText(_ source: SourceBytes, path: String) throws(TicketLogError) {
        let buffer = source.buffer
        var start = 0
        while start < buffer.count {
            let end = min(buffer.count, start + checkBlockBytes)
            if let nul = firstNUL(in: UnsafeBufferPointer(rebasing: buffer[start..<end])) {
                throw .notCSV(path: path, reason: .binaryContent(line: line(of: start + nul, in: buffer)))
            }
            source.release(start..<end)
            start = end
        }
    }

    /// Bytes scanned for NUL before they are handed back.
    private static let checkBlockBytes = 1 << 24

    /// The physical line (1-based) holding byte `offset`.
    private static func line(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let lineEnd = CSVReader.endsLinesWithCROnly(buffer) ? ASCII.carriageReturn : ASCII.lineFeed
        return 1 + buffer[..<offset].reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
    }

    private static func firstNUL(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
