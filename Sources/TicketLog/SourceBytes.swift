#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one input file as the CSV reader scans them: a read-only mapping of the file,
/// or a copy of bytes already in memory.
///
/// A mapped file is never held whole: the reader hands back the pages it has read past
/// (``release(_:)``), so a file of hundreds of megabytes costs memory only for the piece being
/// read. The bytes stay readable after a release (the system reads the pages in again), so an
/// early release costs time, never correctness.
///
/// Immutable after creation (a release changes what is resident, not the bytes), hence safe
/// to read from several threads. Should another program truncate a mapped input while it is
/// read, the page past the new end faults; ``MappedFileGuard`` turns that into the usual error
/// naming the file, exit 2.
final class SourceBytes: @unchecked Sendable {
    /// The bytes, valid for the life of this object.
    let buffer: UnsafeBufferPointer<UInt8>
    private let isMapped: Bool
    /// The mapping's slot in ``MappedFileGuard``, if it has one.
    private let guardSlot: Int?

    /// A copy of `bytes`.
    init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(copy)
        isMapped = false
        guardSlot = nil
    }

    /// The first `size` bytes of the open file `descriptor` (the file at `path`), mapped
    /// read-only; nil when the system refuses the mapping (`errno` says why).
    init?(mapping descriptor: Int32, size: Int, path: String) {
        guard size > 0 else {
            buffer = UnsafeBufferPointer(start: nil, count: 0)
            isMapped = false
            guardSlot = nil
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        isMapped = true
        guardSlot = MappedFileGuard.register(buffer, path: path)
    }

    deinit {
        guard let base = buffer.baseAddress else { return }
        if isMapped {
            if let guardSlot { MappedFileGuard.unregister(guardSlot) }
            munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        } else {
            UnsafeMutablePointer(mutating: base).deallocate()
        }
    }

    /// Hands the whole pages inside `range` back to the system (mapped files only): they no
    /// longer count in the process's memory until read again.
    func release(_ range: Range<Int>) {
        guard isMapped, let base = buffer.baseAddress else { return }
        let page = Self.pageSize
        let first = (range.lowerBound + page - 1) / page * page
        let last = range.upperBound == buffer.count ? range.upperBound : range.upperBound / page * page
        guard first < last else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
