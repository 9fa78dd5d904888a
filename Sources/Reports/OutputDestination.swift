#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at an output path, and so how the file is written there.
///
/// - nothing, or a regular file: written to a temporary file beside it, then renamed over it;
///   a symlink is followed, so its *target* is replaced and the link stays a link;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written directly;
///   so is a descriptor path (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`) that leads to a regular
///   file — appended to, as the shell's `>>` would;
/// - a directory, a socket or a block device: refused.
enum OutputDestination: Equatable {
    /// Replace (or create) the regular file at `path`, keeping `mode` when it exists.
    case file(path: String, existingMode: mode_t?)
    /// Write straight into the device or FIFO at `path`, appending when `append`.
    case stream(path: String, append: Bool)

    /// The path the bytes end up at.
    var path: String {
        switch self {
        case .file(let path, _), .stream(let path, _): return path
        }
    }

    /// How to write to `path`; a refusal says why in a short phrase.
    static func of(_ path: String) -> Result<OutputDestination, OutputRefusal> {
        guard !path.isEmpty else { return .failure(OutputRefusal("an empty path; give a file name")) }
        var status = stat()
        guard stat(path, &status) == 0 else { return .success(.file(path: resolvingLinks(path), existingMode: nil)) }
        switch status.st_mode & S_IFMT {
        case S_IFCHR, S_IFIFO: return .success(.stream(path: path, append: false))
        case S_IFREG:
            if isDescriptorPath(path) { return .success(.stream(path: path, append: true)) }
            return .success(.file(path: resolvingLinks(path), existingMode: status.st_mode & 0o7777))
        case S_IFDIR: return .failure(OutputRefusal("is a directory; give a file path"))
        case S_IFSOCK: return .failure(OutputRefusal("is a socket; give a file path, a character device or a FIFO"))
        case S_IFBLK: return .failure(OutputRefusal("is a block device; give a file path, a character device or a FIFO"))
        default: return .failure(OutputRefusal("is not a regular file, a character device or a FIFO"))
        }
    }

    /// `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`: names of an open descriptor, never replaced.
    private static func isDescriptorPath(_ path: String) -> Bool {
        ["/dev/stdout", "/dev/stderr"].contains(path) || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/")
    }

    /// `path` with every symbolic link in its last component followed (at most 40 hops, as the
    /// kernel allows), so that a rename lands on the link's target, also a dangling one.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = linkTarget(current) else { return current }
            current = target.hasPrefix("/") ? target : directory(of: current) + target
        }
        return current
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, Int(PATH_MAX))
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The directory part with its trailing slash, or empty for a bare name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

/// Why a destination is refused, as a phrase after the path.
struct OutputRefusal: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
