#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Large pages for the big tables of the readers (an inventory of a million circuits: 33 MB of
/// id-table slots, its ids and values, probed at random by every ticket): Linux backs memory
/// advised with `MADV_HUGEPAGE` by 2 MiB pages where it can, one page fault and one TLB entry
/// where 4 KiB pages take 512. Advice only: contents and results are the same without it.
enum LargePages {
    /// Tables smaller than this are left to the usual pages.
    static let threshold = 4 << 20
    private static let size = 2 << 20

    /// Advises the 2 MiB-aligned part of `buffer`, when it is at least ``threshold`` bytes.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// An empty array with room for `capacity` elements, that room advised (``advise(_:)``).
    static func reserved<Element>(_ capacity: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            advise(UnsafeMutableRawBufferPointer(buffer))
            initialized = 0
        }
    }
}
