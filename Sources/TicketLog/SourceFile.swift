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
        var start = 0
        while start < source.buffer.count {
            let end = min(source.buffer.count, start + checkBlockBytes)
            try checkIsText(source, bytes: start..<end, path: path)
            source.release(start..<end)
            start = end
        }
    }

    /// Refuses `bytes` of `source` when they hold a NUL byte, naming the line of the first one.
    static func checkIsText(_ source: SourceBytes, bytes: Range<Int>, path: String) throws(TicketLogError) {
        if let nul = firstNUL(in: source.buffer, bytes) { throw binaryContent(at: nul, in: source, path: path) }
    }

    /// The refusal of a file whose first NUL byte is at `offset`. Its line is counted from
    /// `known`, a position whose line is known (by default the file's start, line 1; the start
    /// too when `known` is past `offset`): counting from the start of a file handed back as it
    /// was read would read it all in again.
    static func binaryContent(
        at offset: Int, in source: SourceBytes, path: String, countingFrom known: (position: Int, line: Int) = (0, 1)
    ) -> TicketLogError {
        let start = known.position <= offset ? known : (position: 0, line: 1)
        return .notCSV(path: path, reason: .binaryContent(line: start.line + lineEnds(in: source.buffer, start.position..<offset)))
    }

    /// Bytes scanned for NUL before they are handed back.
    private static let checkBlockBytes = 1 << 24

    /// The physical line ends in `buffer[range]`.
    private static func lineEnds(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let lineEnd = CSVReader.endsLinesWithCROnly(buffer) ? ASCII.carriageReturn : ASCII.lineFeed
        return buffer[range].reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
    }

    /// The offset of the first NUL byte in `buffer[range]`, or nil.
    static func firstNUL(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = buffer.baseAddress, !range.isEmpty,
              let hit = memchr(base + range.lowerBound, 0, range.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
