import Testing
import SimCore

@Suite("ResourcePool")
struct ResourcePoolTests {
    @Test("waiting requests are served by priority, then first come first served")
    func priorityThenFIFO() {
        var pool = ResourcePool<String>(capacity: 1)
        #expect(pool.request("running", at: .zero) == "running")
        for (name, priority) in [("B2", 2), ("A1", 1), ("B2-later", 2), ("A1-later", 1), ("urgent", 0)] {
            #expect(pool.request(name, priority: Int32(priority), at: .zero) == nil)
        }
        #expect(pool.waiting == 5)
        var order: [String] = []
        while let next = pool.release(at: .minutes(1)) { order.append(next) }
        #expect(order == ["urgent", "A1", "A1-later", "B2", "B2-later"])
        #expect(pool.busy == 0)
    }

    @Test("many distinct priorities, interleaved, still come out by priority then FIFO")
    func manyPriorityLevels() {
        var pool = ResourcePool<Int>(capacity: 1)
        _ = pool.request(-1, at: .zero)
        var random = SplitMix64(seed: 11)
        var expected: [(priority: Int32, value: Int)] = []
        for round in 0..<3 {
            for value in 0..<200 {
                let priority = Int32(random.next(below: 40)) - 20
                #expect(pool.request(round * 1_000 + value, priority: priority, at: .zero) == nil)
                expected.append((priority, round * 1_000 + value))
            }
            // Drain part of the line between rounds, so that levels empty and come back.
            for _ in 0..<150 {
                let best = expected.indices.min { expected[$0].priority < expected[$1].priority }!
                #expect(pool.release(at: .zero) == expected.remove(at: best).value)
            }
        }
        while !expected.isEmpty {
            let best = expected.indices.min { expected[$0].priority < expected[$1].priority }!
            #expect(pool.release(at: .zero) == expected.remove(at: best).value)
        }
        #expect(pool.waiting == 0)
    }

    @Test("a copied pool keeps its own waiting line")
    func copiedPoolIsIndependent() {
        var pool = ResourcePool<String>(capacity: 1)
        _ = pool.request("running", at: .zero)
        _ = pool.request("A", priority: 1, at: .zero)
        var copy = pool
        _ = copy.request("B", priority: 0, at: .zero)
        #expect(pool.waiting == 1 && copy.waiting == 2)
        #expect(copy.release(at: .minutes(1)) == "B")
        #expect(pool.release(at: .minutes(1)) == "A")
        #expect(copy.release(at: .minutes(2)) == "A")
    }

    @Test("a capacity decrease never pre-empts: surplus units finish, then leave")
    func nonPreemptiveDecrease() {
        var pool = ResourcePool<Int>(capacity: 2)
        _ = pool.request(1, at: .zero)
        _ = pool.request(2, at: .zero)
        let started = pool.setCapacity(1, at: .minutes(10))
        #expect(started.isEmpty)
        #expect(pool.busy == 2)
        #expect(pool.request(3, at: .minutes(10)) == nil)
        #expect(pool.release(at: .minutes(20)) == nil)  // surplus unit withdrawn, 3 still waits
        #expect(pool.busy == 1 && pool.waiting == 1)
        #expect(pool.release(at: .minutes(30)) == 3)  // the remaining unit takes 3 over
        #expect(pool.busy == 1 && pool.waiting == 0)
        // Units present: 2 until minute 20, then 1; busy the whole time.
        #expect(pool.utilisation(at: .minutes(40)) == 1)
    }

    @Test("a capacity increase starts waiting requests at once, best first")
    func increaseStartsWaiters() {
        var pool = ResourcePool<Int>(capacity: 0)
        for (value, priority) in [(1, 5), (2, 1), (3, 3)] {
            #expect(pool.request(value, priority: Int32(priority), at: .zero) == nil)
        }
        #expect(pool.setCapacity(2, at: .hours(1)) == [2, 3])
        #expect(pool.busy == 2 && pool.waiting == 1 && pool.idle == 0)
        #expect(pool.setCapacity(5, at: .hours(2)) == [1])
        #expect(pool.idle == 2)
    }

    @Test("utilisation and mean queue length are time-weighted (hand-computed)")
    func timeWeightedStatistics() {
        var pool = ResourcePool<String>(capacity: 2)
        _ = pool.request("A", at: .zero)
        _ = pool.request("B", at: .zero)
        #expect(pool.request("C", at: .minutes(10)) == nil)
        #expect(pool.release(at: .minutes(20)) == "C")
        #expect(pool.release(at: .minutes(30)) == nil)
        #expect(pool.release(at: .minutes(40)) == nil)
        // Busy unit-minutes: 2·30 + 1·10 = 70 of 2·50 = 100 present; one waiting for 10 of 50 minutes.
        #expect(abs(pool.utilisation(at: .minutes(50)) - 0.7) < 1e-12)
        #expect(abs(pool.meanQueueLength(at: .minutes(50)) - 0.2) < 1e-12)
        #expect(abs(pool.meanBusy(at: .minutes(50)) - 1.4) < 1e-12)
        #expect(pool.queueLength.max == 1)
        pool.resetStatistics(at: .minutes(50))
        #expect(pool.utilisation(at: .minutes(60)) == 0)
    }
}

@Suite("Roster")
struct RosterTests {
    /// Monday 08–16 ×3, Monday 12–20 ×2 (overlap), Sunday 22:00 → Monday 06:00 ×1 (wraps).
    static func weekRoster(startMinuteOfWeek: Int = 0) throws -> Roster {
        try Roster(shifts: [
            .init(startMinuteOfWeek: 480, endMinuteOfWeek: 960, capacity: 3),
            .init(startMinuteOfWeek: 720, endMinuteOfWeek: 1200, capacity: 2),
            .init(startMinuteOfWeek: 9960, endMinuteOfWeek: 360, capacity: 1),
        ], startMinuteOfWeek: startMinuteOfWeek)
    }

    @Test("capacity adds overlapping shifts and wraps past the end of the week")
    func capacityLookups() throws {
        let roster = try Self.weekRoster()
        let expected = [0: 1, 359: 1, 360: 0, 479: 0, 480: 3, 719: 3, 720: 5, 959: 5,
                        960: 2, 1199: 2, 1200: 0, 9959: 0, 9960: 1, 10079: 1, 10080: 1, 10440: 0]
        for (minute, capacity) in expected {
            #expect(roster.capacity(at: .minutes(Int64(minute))) == capacity, "minute \(minute)")
        }
        #expect(roster.capacity(at: SimTime.minutes(480) - SimDuration.milliseconds(1)) == 0)
    }

    @Test("nextChange finds the next boundary, across the week's end")
    func nextChange() throws {
        let roster = try Self.weekRoster()
        #expect(roster.nextChange(after: .zero) == .minutes(360))
        #expect(roster.nextChange(after: .minutes(360)) == .minutes(480))
        #expect(roster.nextChange(after: SimTime.minutes(400) + SimDuration.seconds(30)) == .minutes(480))
        #expect(roster.nextChange(after: .minutes(1200)) == .minutes(9960))
        #expect(roster.nextChange(after: .minutes(9960)) == .minutes(10080 + 360))
    }

    @Test("a start offset shifts the week under simulated time zero")
    func startOffset() throws {
        let roster = try Self.weekRoster(startMinuteOfWeek: 9960)  // starts Sunday 22:00
        #expect(roster.capacity(at: .zero) == 1)
        #expect(roster.capacity(at: .minutes(480)) == 0)
        #expect(roster.capacity(at: .minutes(600)) == 3)
        #expect(roster.nextChange(after: .zero) == .minutes(480))
    }

    @Test("adjacent shifts with equal capacity make no change; constant rosters never change")
    func noSpuriousChanges() throws {
        let roster = try Roster(shifts: [
            .init(startMinuteOfWeek: 0, endMinuteOfWeek: 100, capacity: 2),
            .init(startMinuteOfWeek: 100, endMinuteOfWeek: 200, capacity: 2),
        ])
        #expect(roster.nextChange(after: .zero) == .minutes(200))
        #expect(roster.nextChange(after: .minutes(200)) == .minutes(10080))
        #expect(Roster.constant(4).nextChange(after: .zero) == nil)
        #expect(Roster.constant(4).capacity(at: .days(100)) == 4)
    }

    @Test("invalid shifts are rejected with their index")
    func validation() {
        #expect(throws: RosterError.emptyShift(shiftIndex: 1)) {
            try Roster(shifts: [.init(startMinuteOfWeek: 0, endMinuteOfWeek: 60, capacity: 1),
                                .init(startMinuteOfWeek: 60, endMinuteOfWeek: 60, capacity: 1)])
        }
        #expect(throws: RosterError.negativeCapacity(shiftIndex: 0)) {
            try Roster(shifts: [.init(startMinuteOfWeek: 0, endMinuteOfWeek: 60, capacity: -1)])
        }
        #expect(throws: RosterError.shiftOutsideWeek(shiftIndex: 0)) {
            try Roster(shifts: [.init(startMinuteOfWeek: 10080, endMinuteOfWeek: 60, capacity: 1)])
        }
    }
}
