#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin

typealias sighandler_t = sig_t
#endif

/// The temporary files an ``OutputBatch`` has open, and the folders it created, kept where a
/// signal handler can reach them: on SIGINT, SIGTERM, SIGHUP or SIGPIPE the handler unlinks every
/// temporary, removes the folders (deepest first, only if empty), restores the default action
/// and raises the signal again, so the process ends as it would have (same exit status) but
/// leaves no `.tmp-` file or new empty folder behind.
///
/// The handler only reads a fixed array of C strings allocated beforehand and calls `unlink`,
/// `signal` and `raise`, all async-signal-safe. One batch at a time per process.
enum TemporaryFiles {
    /// At most this many temporaries at once (a command writes a handful of files).
    static let capacity = 1024
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]

    /// One slot per temporary: a `strdup`ed path, or nil.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var previous: [(Int32, sighandler_t?)] = []

    /// Starts watching for signals (a signal the process ignores stays ignored).
    static func installHandlers() {
        _ = slots
        previous = []
        for number in signals {
            let old = signal(number, removeAllAndReraise)
            if isIgnore(old) { signal(number, old) }
            previous.append((number, old))
        }
    }

    /// Puts back the handlers that were in force before ``installHandlers()``.
    static func restoreHandlers() {
        for (number, old) in previous { signal(number, old) }
        previous = []
    }

    /// Remembers the temporary file `path` for the handler; returns its slot, or nil when every
    /// slot is taken.
    static func register(_ path: String) -> Int? {
        guard let index = (0..<folderBase).first(where: { slots[$0] == nil }) else { return nil }
        slots[index] = strdup(path)
        return index
    }

    /// Remembers a folder this run created (after its parents); returns its slot, or nil.
    static func registerFolder(_ path: String) -> Int? {
        guard let index = (folderBase..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        slots[index] = strdup(path)
        return index
    }

    /// Slots from here on hold folders, filled in creation order, removed in reverse.
    private static let folderBase = 960

    /// Forgets the temporary in `slot` (once it is renamed or removed).
    static func unregister(_ slot: Int) {
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    private static func isIgnore(_ handler: sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The handler itself: async-signal-safe calls only.
    private static let removeAllAndReraise: @convention(c) (Int32) -> Void = { number in
        for index in 0..<TemporaryFiles.folderBase {
            if let path = TemporaryFiles.slots[index] { unlink(path) }
        }
        var index = TemporaryFiles.capacity
        while index > TemporaryFiles.folderBase {
            index -= 1
            if let path = TemporaryFiles.slots[index] { rmdir(path) }
        }
        signal(number, SIG_DFL)
        raise(number)
    }
}
