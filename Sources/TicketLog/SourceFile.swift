#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loading an input file's bytes and the checks that refuse a whole file before parsing.
enum SourceFile {
    /// Reads the whole file at `path` with POSIX calls (one read buffer, no Foundation).
    static func load(path: String) throws(TicketLogError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cannotRead(path: path, reason: systemMessage()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path: path, reason: systemMessage()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .cannotRead(path: path, reason: "not a regular file") }
        return try readAll(descriptor, size: Int(status.st_size), path: path)
    }

    private static func readAll(_ descriptor: Int32, size: Int, path: String) throws(TicketLogError) -> [UInt8] {
        var failure: TicketLogError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = .cannotRead(path: path, reason: systemMessage()) }
                if got <= 0 { break }
                count += got
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Refuses content with a NUL byte (binary data), naming the line of the first one.
    static func checkIsText(_ bytes: [UInt8], path: String) throws(TicketLogError) {
        guard let nul = bytes.withUnsafeBufferPointer({ firstNUL(in: $0) }) else { return }
        let lineEnd = CSVReader.endsLinesWithCROnly(bytes) ? ASCII.carriageReturn : ASCII.lineFeed
        let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
        throw .notCSV(path: path, reason: .binaryContent(line: line))
    }

    private static func firstNUL(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
