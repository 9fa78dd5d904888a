import Testing
@testable import SimCore

/// The reference model: pending events as an array kept sorted by (time, priority, sequence).
private struct ShadowQueue {
    struct Entry {
        var time: Int64
        var priority: Int32
        var sequence: Int
        var handle: EventHandle
    }

    var entries: [Entry] = []

    mutating func insert(_ entry: Entry) {
        let index = entries.firstIndex { precedes(entry, $0) } ?? entries.count
        entries.insert(entry, at: index)
    }

    mutating func remove(_ handle: EventHandle) -> Bool {
        guard let index = entries.firstIndex(where: { $0.handle == handle }) else { return false }
        entries.remove(at: index)
        return true
    }

    private func precedes(_ a: Entry, _ b: Entry) -> Bool {
        (a.time, a.priority, a.sequence) < (b.time, b.priority, b.sequence)
    }
}

/// One random run of schedule / cancel / pop operations, compared step by step with the shadow.
private func runRandomSequence(seed: UInt64, operations: Int, checkEveryStep: Bool = false) {
    var random = SplitMix64(seed: seed)
    var queue = EventQueue<Int>()
    var shadow = ShadowQueue()
    var handles: [EventHandle] = []  // live, fired and cancelled: stale handles stay in here
    var sequence = 0
    let timeRange = 1 + random.next(below: 50)  // small ranges force many equal times
    for _ in 0..<operations {
        switch random.next(below: 10) {
        case 0..<5:
            let time = Int64(random.next(below: timeRange))
            let priority = Int32(random.next(below: 3)) - 1
            let handle = queue.schedule(sequence, at: .milliseconds(time), priority: priority)
            shadow.insert(.init(time: time, priority: priority, sequence: sequence, handle: handle))
            handles.append(handle)
            sequence += 1
        case 5..<7:
            guard !handles.isEmpty else { continue }
            let handle = handles[random.next(below: handles.count)]
            let expected = shadow.remove(handle)
            let cancelled = queue.cancel(handle)
            #expect(cancelled == expected, "seed \(seed)")
        case 9:
            // The hold operation: pop, then schedule a follow-up no earlier than the popped
            // event, which takes the fired root's place in the heap.
            guard let popped = queue.popFirst() else { continue }
            let expected = shadow.entries.removeFirst()
            #expect(popped.payload == expected.sequence && popped.time.milliseconds == expected.time, "seed \(seed)")
            #expect(queue.count == shadow.entries.count, "seed \(seed)")
            #expect(queue.peekTime()?.milliseconds == shadow.entries.first?.time, "seed \(seed)")
            if checkEveryStep { queue.checkInvariants() }
            let time = expected.time + Int64(random.next(below: 3))
            let priority = Int32(random.next(below: 3)) - 1
            let handle = queue.schedule(sequence, at: .milliseconds(time), priority: priority)
            shadow.insert(.init(time: time, priority: priority, sequence: sequence, handle: handle))
            handles.append(handle)
            sequence += 1
        default:
            let popped = queue.popFirst()
            let expected = shadow.entries.isEmpty ? nil : shadow.entries.removeFirst()
            guard popped?.payload == expected?.sequence, popped?.priority == expected?.priority,
                  popped?.time.milliseconds == expected?.time else {
                Issue.record("seed \(seed): popped \(String(describing: popped)), expected \(String(describing: expected))")
                return  // later steps would only repeat the same divergence
            }
        }
        #expect(queue.count == shadow.entries.count, "seed \(seed)")
        #expect(queue.peekTime()?.milliseconds == shadow.entries.first?.time, "seed \(seed)")
        if checkEveryStep { queue.checkInvariants() }
    }
    queue.checkInvariants()
}

@Suite("EventQueue")
struct EventQueueTests {
    @Test("random schedule/cancel/pop sequences match a sorted-array shadow")
    func matchesShadow() {
        for seed in UInt64(1)...2_000 {
            runRandomSequence(seed: seed, operations: 150)
        }
    }

    @Test("the heap invariants hold after every operation, including a fired root awaiting removal")
    func invariantsAfterEveryStep() {
        for seed in UInt64(20_001)...20_200 {
            runRandomSequence(seed: seed, operations: 150, checkEveryStep: true)
        }
    }

    @Test("pop then schedule replaces the fired root; copies and cancels see only pending events")
    func holdOperation() {
        var queue = EventQueue<Int>()
        let early = queue.schedule(1, at: .seconds(1))
        let late = queue.schedule(2, at: .seconds(5))
        let first = queue.popFirst()?.payload
        #expect(first == 1)
        #expect(queue.count == 1 && queue.peekTime() == .seconds(5) && !queue.isPending(early))
        let snapshot = queue  // shares storage with a fired root awaiting removal
        queue.schedule(3, at: .seconds(2))
        #expect(snapshot.count == 1 && queue.count == 2)
        snapshot.checkInvariants()
        queue.checkInvariants()
        let next = queue.popFirst()?.payload
        #expect(next == 3)
        let cancelled = queue.cancel(late)
        #expect(cancelled)
        #expect(queue.isEmpty && queue.peekTime() == nil)
        #expect(queue.popFirst() == nil)
        queue.checkInvariants()
        var copy = snapshot
        let remaining = copy.popFirst()?.payload
        #expect(remaining == 2)
        #expect(copy.isEmpty)
    }

    @Test("long random sequences keep the heap invariants")
    func longSequences() {
        for seed in UInt64(10_001)...10_004 {
            runRandomSequence(seed: seed, operations: 20_000)
        }
    }

    @Test("equal times come out in insertion order")
    func fifoAtEqualTime() {
        var queue = EventQueue<Int>()
        for value in 0..<100 { queue.schedule(value, at: .seconds(5)) }
        var order: [Int] = []
        while let event = queue.popFirst() { order.append(event.payload) }
        #expect(order == Array(0..<100))
    }

    @Test("times order as signed integers, from Int64.min to Int64.max")
    func signedTimeOrder() {
        let times: [Int64] = [0, -1, .max - 1, .min, 1, -60_000, .min + 1, 60_000, .max]
        var queue = EventQueue<Int64>()
        for time in times { queue.schedule(time, at: .milliseconds(time)) }
        var order: [Int64] = []
        while let event = queue.popFirst() {
            #expect(event.time.milliseconds == event.payload)
            order.append(event.payload)
        }
        #expect(order == times.sorted())
    }

    @Test("the key comparison is the (time, priority, sequence) order, extremes included")
    func keyComparisonMatchesTupleOrder() {
        var random = SplitMix64(seed: 17)
        let times: [Int64] = [.min, .min + 1, -1, 0, 1, .max - 1, .max]
        let priorities: [Int32] = [.min, -1, 0, 1, .max]
        func randomKey() -> (time: Int64, priority: Int32, sequence: UInt32) {
            let time = random.next(below: 2) == 0
                ? times[random.next(below: times.count)] : Int64(random.next(below: 5)) - 2
            return (time, priorities[random.next(below: priorities.count)],
                    UInt32(random.next(below: 3)))
        }
        for _ in 0..<20_000 {
            let a = randomKey(), b = randomKey()
            let keyA = EventKey(time: a.time, priority: a.priority, sequence: a.sequence, slot: 0)
            let keyB = EventKey(time: b.time, priority: b.priority, sequence: b.sequence, slot: 1)
            #expect(keyA.precedes(keyB) == ((a.time, a.priority, a.sequence) < (b.time, b.priority, b.sequence)),
                    "\(a) vs \(b)")
            #expect(keyA.time == a.time && keyA.priority == a.priority)
        }
        #expect(EventKey(time: .max, priority: .max, sequence: .max - 1, slot: 0).precedes(.sentinel))
    }

    @Test("priority breaks ties before insertion order, time before priority")
    func priorityBeforeSequence() {
        var queue = EventQueue<String>()
        queue.schedule("late-urgent", at: .seconds(2), priority: -5)
        queue.schedule("low-1", at: .seconds(1), priority: 2)
        queue.schedule("high-1", at: .seconds(1), priority: 0)
        queue.schedule("low-2", at: .seconds(1), priority: 2)
        queue.schedule("high-2", at: .seconds(1), priority: 0)
        var order: [String] = []
        while let event = queue.popFirst() { order.append(event.payload) }
        #expect(order == ["high-1", "high-2", "low-1", "low-2", "late-urgent"])
    }

    @Test("a stale handle never cancels the event that reuses its slot")
    func staleHandle() {
        var queue = EventQueue<Int>()
        let first = queue.schedule(1, at: .seconds(1))
        let firstCancelled = queue.cancel(first)
        #expect(firstCancelled)
        let second = queue.schedule(2, at: .seconds(2))  // reuses the freed slot
        let staleCancelled = queue.cancel(first)
        #expect(!staleCancelled)
        #expect(queue.isPending(second))
        let popped = queue.popFirst()
        #expect(popped?.payload == 2)
        let firedCancelled = queue.cancel(second)
        #expect(!firedCancelled)
        #expect(queue.isEmpty)
    }

    @Test("cancelling from the middle keeps the rest in order")
    func cancelMiddle() {
        var queue = EventQueue<Int>(minimumCapacity: 16)
        let handles = (0..<10).map { queue.schedule($0, at: .milliseconds(Int64(10 - $0))) }
        let cancelledFour = queue.cancel(handles[4])
        let cancelledNine = queue.cancel(handles[9])
        #expect(cancelledFour && cancelledNine)
        var order: [Int] = []
        while let event = queue.popFirst() { order.append(event.payload) }
        #expect(order == [8, 7, 6, 5, 3, 2, 1, 0])
    }

    @Test("popped payloads are released, not kept alive by the queue")
    func releasesPayloads() {
        final class Token {}
        weak var weakToken: Token?
        var queue = EventQueue<Token>()
        do {
            let token = Token()
            weakToken = token
            queue.schedule(token, at: .zero)
        }
        _ = queue.popFirst()
        #expect(weakToken == nil)
    }

    @Test("removeAll empties the queue and stales every handle")
    func removeAll() {
        var queue = EventQueue<Int>()
        let handle = queue.schedule(1, at: .seconds(1))
        queue.schedule(2, at: .seconds(2))
        queue.removeAll()
        #expect(queue.isEmpty)
        let cancelled = queue.cancel(handle)
        #expect(!cancelled)
        queue.checkInvariants()
    }

    @Test("FIFO ties survive the renumbering when the 32-bit sequence counter runs out")
    func sequenceRenumbering() {
        var queue = EventQueue<Int>()
        queue.storage.nextSequence = UInt32.max - 3  // four schedules before the counter is spent
        for value in 0..<10 { queue.schedule(value, at: .seconds(Int64(value % 2)), priority: 1) }
        queue.schedule(-1, at: .seconds(1), priority: 0)
        queue.checkInvariants()
        #expect(queue.storage.nextSequence < 100)
        var order: [Int] = []
        while let event = queue.popFirst() { order.append(event.payload) }
        #expect(order == [0, 2, 4, 6, 8, -1, 1, 3, 5, 7, 9])
    }

    @Test("a copied queue is independent of the original (copy on write)")
    func valueSemantics() {
        var original = EventQueue<String>()
        original.schedule("a", at: .seconds(1))
        var copy = original
        copy.schedule("b", at: .zero)
        #expect(original.popFirst()?.payload == "a")
        #expect(original.isEmpty)
        #expect(copy.popFirst()?.payload == "b")
        #expect(copy.popFirst()?.payload == "a")
        for value in 0..<1_000 { original.schedule("\(value)", at: .milliseconds(Int64(1_000 - value))) }
        let snapshot = original  // shares storage until `original` grows or pops
        _ = original.popFirst()
        #expect(snapshot.count == 1_000 && original.count == 999)
        snapshot.checkInvariants()
        original.checkInvariants()
    }
}
