/// The waiting line of a ``ResourcePool``: non-preemptive priority, then first come first served.
///
/// Models use few distinct priorities (a ticket's tier, a customer's class), so the line is one
/// FIFO ring buffer per priority level, the levels kept sorted in a small array. Joining and
/// leaving cost O(L) for L levels in use, which for a handful of levels is a few compares: far
/// cheaper than a heap ordered by (priority, sequence).
///
/// A value type: the buffers are copied on write, so copying a pool copies its waiting line.
@usableFromInline
internal struct WaitingLine<Element> {
    /// The levels and their rings; shared between copies until one of them mutates.
    @usableFromInline
    internal var storage: WaitingLineStorage<Element>

    /// Creates an empty line.
    @usableFromInline
    internal init() {
        storage = WaitingLineStorage()
    }

    /// Number of waiting elements.
    @inlinable
    internal var count: Int { storage.count }

    /// Adds `element` behind every element of the same or a smaller `priority` value.
    /// - Complexity: O(L) for L priority levels; amortised O(1) allocation.
    @inlinable
    internal mutating func append(_ element: Element, priority: Int32) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.append(element, priority: priority)
    }

    /// Removes and returns the first element of the best (smallest) non-empty priority level.
    /// - Complexity: O(L) for L priority levels.
    @inlinable
    internal mutating func popFirst() -> Element? {
        guard storage.count > 0 else { return nil }
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage.popFirst()
    }
}

/// One priority level: a ring buffer of its waiting elements, oldest at `head`.
@usableFromInline
internal struct WaitingLevel<Element> {
    /// The priority value shared by every element of the level.
    @usableFromInline internal var priority: Int32
    /// Ring storage; `capacity` is a power of two.
    @usableFromInline internal var buffer: UnsafeMutablePointer<Element>
    /// Size of `buffer`.
    @usableFromInline internal var capacity: Int
    /// Index of the oldest element.
    @usableFromInline internal var head: Int
    /// Elements in the ring.
    @usableFromInline internal var count: Int

    /// An empty level with room for `capacity` (a power of two) elements.
    @usableFromInline
    internal init(priority: Int32, capacity: Int) {
        self.priority = priority
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        head = 0
        count = 0
    }
}

/// The mutable fields of a ``WaitingLineStorage``.
@usableFromInline
internal struct WaitingLineHeader<Element> {
    @usableFromInline internal var levels: UnsafeMutablePointer<WaitingLevel<Element>>
    @usableFromInline internal var levelCount: Int
    @usableFromInline internal var levelCapacity: Int
    @usableFromInline internal var count: Int
}

/// The buffers behind a ``WaitingLine``: a sorted array of levels, each owning its ring.
@usableFromInline
internal final class WaitingLineStorage<Element> {
    /// The mutable fields, behind a pointer so that access from other modules carries no
    /// dynamic exclusivity check (see ``EventStorageHeader``).
    @usableFromInline internal let header: UnsafeMutablePointer<WaitingLineHeader<Element>>

    /// Levels by increasing priority value.
    @inlinable internal var levels: UnsafeMutablePointer<WaitingLevel<Element>> {
        get { header.pointee.levels }
        set { header.pointee.levels = newValue }
    }
    /// Levels in use.
    @inlinable internal var levelCount: Int {
        get { header.pointee.levelCount }
        set { header.pointee.levelCount = newValue }
    }
    /// Room in `levels`.
    @inlinable internal var levelCapacity: Int {
        get { header.pointee.levelCapacity }
        set { header.pointee.levelCapacity = newValue }
    }
    /// Elements waiting at all levels.
    @inlinable internal var count: Int {
        get { header.pointee.count }
        set { header.pointee.count = newValue }
    }

    /// Levels kept even when empty, so that a model's usual priorities cost no allocation;
    /// beyond this many, empty levels are dropped before a new one is added.
    @usableFromInline internal static var retainedLevels: Int { 16 }

    @usableFromInline
    internal init(levelCapacity: Int = 4) {
        header = .allocate(capacity: 1)
        header.initialize(to: WaitingLineHeader(
            levels: .allocate(capacity: levelCapacity), levelCount: 0,
            levelCapacity: levelCapacity, count: 0))
    }

    deinit {
        for index in 0..<levelCount {
            let level = levels[index]
            for offset in 0..<level.count {
                (level.buffer + ((level.head + offset) & (level.capacity - 1))).deinitialize(count: 1)
            }
            level.buffer.deallocate()
        }
        levels.deinitialize(count: levelCount)
        levels.deallocate()
        header.deinitialize(count: 1)
        header.deallocate()
    }

    /// An independent copy, for copy-on-write.
    @usableFromInline
    internal func copy() -> WaitingLineStorage {
        let copy = WaitingLineStorage(levelCapacity: levelCapacity)
        for index in 0..<levelCount {
            let level = levels[index]
            var clone = WaitingLevel<Element>(priority: level.priority, capacity: level.capacity)
            for offset in 0..<level.count {
                (clone.buffer + offset).initialize(to: level.buffer[(level.head + offset) & (level.capacity - 1)])
            }
            clone.count = level.count
            (copy.levels + index).initialize(to: clone)
        }
        copy.levelCount = levelCount
        copy.count = count
        return copy
    }

    /// See ``WaitingLine/append(_:priority:)``.
    @inlinable
    internal func append(_ element: Element, priority: Int32) {
        var index = 0
        while index < levelCount && levels[index].priority < priority { index &+= 1 }
        if index == levelCount || levels[index].priority != priority {
            index = addLevel(priority, at: index)
        }
        if levels[index].count == levels[index].capacity { growLevel(at: index) }
        let level = levels + index
        let tail = (level.pointee.head &+ level.pointee.count) & (level.pointee.capacity &- 1)
        (level.pointee.buffer + tail).initialize(to: element)
        level.pointee.count &+= 1
        count &+= 1
    }

    /// See ``WaitingLine/popFirst()``; the line must not be empty.
    @inlinable
    internal func popFirst() -> Element {
        var level = levels
        while level.pointee.count == 0 { level += 1 }
        let element = (level.pointee.buffer + level.pointee.head).move()
        level.pointee.head = (level.pointee.head &+ 1) & (level.pointee.capacity &- 1)
        level.pointee.count &-= 1
        count &-= 1
        return element
    }

    /// Inserts an empty level for `priority` at sorted position `index` and returns where it
    /// ended up (earlier, if empty levels were dropped to make room).
    @usableFromInline
    internal func addLevel(_ priority: Int32, at index: Int) -> Int {
        if levelCount >= Self.retainedLevels {
            dropEmptyLevels()
            return insertLevel(priority, at: insertionIndex(of: priority))
        }
        return insertLevel(priority, at: index)
    }

    private func insertLevel(_ priority: Int32, at index: Int) -> Int {
        if levelCount == levelCapacity {
            let grown = UnsafeMutablePointer<WaitingLevel<Element>>.allocate(capacity: levelCapacity * 2)
            grown.moveInitialize(from: levels, count: levelCount)
            levels.deallocate()
            levels = grown
            levelCapacity *= 2
        }
        (levels + index + 1).moveInitialize(from: levels + index, count: levelCount - index)
        (levels + index).initialize(to: WaitingLevel(priority: priority, capacity: 8))
        levelCount += 1
        return index
    }

    private func insertionIndex(of priority: Int32) -> Int {
        var index = 0
        while index < levelCount && levels[index].priority < priority { index += 1 }
        return index
    }

    private func dropEmptyLevels() {
        var kept = 0
        for index in 0..<levelCount {
            let level = (levels + index).move()
            if level.count == 0 {
                level.buffer.deallocate()
            } else {
                (levels + kept).initialize(to: level)
                kept += 1
            }
        }
        levelCount = kept
    }

    /// Doubles the ring of level `index`, unrolling it so that the oldest element comes first.
    @usableFromInline
    internal func growLevel(at index: Int) {
        let level = levels[index]
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: level.capacity * 2)
        let firstPart = level.capacity - level.head
        grown.moveInitialize(from: level.buffer + level.head, count: firstPart)
        (grown + firstPart).moveInitialize(from: level.buffer, count: level.head)
        level.buffer.deallocate()
        levels[index].buffer = grown
        levels[index].head = 0
        levels[index].capacity = level.capacity * 2
    }
}

extension WaitingLine: Sendable where Element: Sendable {}
extension WaitingLineStorage: @unchecked Sendable where Element: Sendable {}
