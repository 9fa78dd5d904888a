#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the one fault a mapped input can cause — another program truncating the file while it
/// is read, so a page past its new end no longer exists (SIGBUS) — into the usual one-line error
/// naming the file, exit 2, instead of a crash. Reading happens before any output is written, so
/// nothing is left behind.
///
/// Each mapping is registered with its address range and its message, prepared beforehand: the
/// signal handler only compares addresses, writes the message and exits, which is all a handler
/// may safely do. A fault outside every registered range keeps the system's default action.
enum MappedFileGuard {
    /// Registers `range` (the mapping of the file at `path`); returns its slot, or nil when every
    /// slot is taken (the file is then read unguarded, as any mapped file is).
    static func register(_ range: UnsafeBufferPointer<UInt8>, path: String) -> Int? {
        guard let base = range.baseAddress else { return nil }
        _ = installHandlerOnce
        let message = strdup("faultline: error: \(path): the file changed while it was read (it was "
                             + "truncated); nothing was written\n")
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard let slot = (0..<slotCount).first(where: { slots[$0].message == nil }) else {
            free(message)
            return nil
        }
        slots[slot] = Slot(start: UInt(bitPattern: base), end: UInt(bitPattern: base) + UInt(range.count),
                           message: message)
        return slot
    }

    /// Forgets the mapping in `slot`; call before unmapping it.
    static func unregister(_ slot: Int) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let message = slots[slot].message
        slots[slot] = Slot(start: 0, end: 0, message: nil)
        free(message)
    }

    private struct Slot {
        var start: UInt
        var end: UInt
        var message: UnsafeMutablePointer<CChar>?
    }

    /// Mapped inputs open at once: an inventory and a ticket log per command, a few corpora.
    private static let slotCount = 16

    /// Read by the signal handler without the lock: a slot's range is cleared before its
    /// message is freed, and a cleared range matches no address.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Slot> = {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(start: 0, end: 0, message: nil), count: slotCount)
        return slots
    }()

    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()

    private static let installHandlerOnce: Void = {
        #if canImport(Glibc)
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, _ in
            let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            for slot in 0..<MappedFileGuard.slotCount {
                let entry = MappedFileGuard.slots[slot]
                if let message = entry.message, address >= entry.start, address < entry.end {
                    _ = write(STDERR_FILENO, message, strlen(message))
                    _exit(2)
                }
            }
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
        }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, nil)
        #endif
    }()
}
