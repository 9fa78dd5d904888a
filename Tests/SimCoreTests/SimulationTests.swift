import Testing
import SimCore

@Suite("Simulation")
struct SimulationTests {
    enum Event: Equatable { case ping(Int), stop }

    @Test("now advances monotonically to each event's time")
    func clockAdvances() {
        var sim = Simulation<Event>()
        for (index, minute) in [30, 5, 5, 12, 0].enumerated() {
            sim.schedule(.ping(index), at: .minutes(Int64(minute)))
        }
        var times: [SimTime] = []
        while sim.step() != nil { times.append(sim.now) }
        #expect(times == [0, 5, 5, 12, 30].map { SimTime.minutes($0) })
        let after = sim.step()
        #expect(after == nil)
        #expect(sim.now == .minutes(30))
    }

    @Test("schedule(after:) counts from now")
    func afterUsesNow() {
        var sim = Simulation<Event>()
        sim.schedule(.ping(1), at: .hours(2))
        _ = sim.step()
        sim.schedule(.ping(2), after: SimDuration(minutes: 1.5))
        #expect(sim.nextEventTime == SimTime.hours(2) + SimDuration.seconds(90))
    }

    @Test("a cancelled event never fires; cancelling twice fails")
    func cancel() {
        var sim = Simulation<Event>()
        let doomed = sim.schedule(.ping(1), at: .seconds(1))
        sim.schedule(.ping(2), at: .seconds(2))
        let first = sim.cancel(doomed)
        let second = sim.cancel(doomed)
        #expect(first && !second)
        let fired = sim.step()
        let none = sim.step()
        #expect(fired == .ping(2))
        #expect(none == nil)
    }

    @Test("run(until:) handles due events, including ones they schedule, then stops the clock at the end")
    func runUntil() {
        var sim = Simulation<Event>()
        sim.schedule(.ping(0), at: .zero)
        var seen: [Int] = []
        sim.run(until: .minutes(10)) { sim, event in
            guard case .ping(let n) = event else { return }
            seen.append(n)
            sim.schedule(.ping(n + 1), after: .minutes(3))
        }
        #expect(seen == [0, 1, 2, 3])
        #expect(sim.now == .minutes(10))
        #expect(sim.nextEventTime == .minutes(12))
        #expect(sim.pendingCount == 1)
    }

    @Test("step(through:) takes the events due by the end in order, then leaves the rest and the clock")
    func stepThrough() {
        var sim = Simulation<Event>()
        for (index, minute) in [30, 5, 5, 12, 0, 10].enumerated() {
            sim.schedule(.ping(index), at: .minutes(Int64(minute)))
        }
        var seen: [Event] = []
        while let event = sim.step(through: .minutes(10)) {
            seen.append(event)
            if event == .ping(1) { sim.schedule(.ping(9), at: .minutes(10)) }   // due by the end: taken
        }
        #expect(seen == [.ping(4), .ping(1), .ping(2), .ping(5), .ping(9)])
        #expect(sim.now == .minutes(10))
        #expect(sim.pendingCount == 2)
        #expect(sim.nextEventTime == .minutes(12))
        let later = sim.step(through: .minutes(11))
        #expect(later == nil)
        #expect(sim.now == .minutes(10))
        #expect(sim.step(through: .minutes(40)) == .ping(3))
        #expect(sim.step(through: .minutes(40)) == .ping(0))
        #expect(sim.step(through: .minutes(40)) == nil)
    }
}

@Suite("SimTime")
struct SimTimeTests {
    @Test("constructors and read-outs agree on units")
    func units() {
        #expect(SimTime.days(1) == .hours(24))
        #expect(SimTime.hours(1) == .minutes(60))
        #expect(SimTime.minutes(1).milliseconds == 60_000)
        #expect(SimDuration.seconds(2).milliseconds == 2_000)
        #expect(SimDuration(minutes: 1.5).milliseconds == 90_000)
        #expect(SimDuration(hours: 0.25) == .minutes(15))
        #expect(SimDuration(minutes: 0.0000126).milliseconds == 1)  // 0.756 ms rounds to 1
        #expect(SimDuration.minutes(90).hours == 1.5)
        #expect(SimDuration.seconds(30).minutes == 0.5)
    }

    @Test("instant and span arithmetic")
    func arithmetic() {
        let start = SimTime.hours(1)
        let end = start + .minutes(45)
        #expect(end - start == .minutes(45))
        #expect(start - end == -SimDuration.minutes(45))
        #expect(end - .minutes(45) == start)
        #expect(SimDuration.days(1).description == "1.00:00:00.000")
        #expect(SimTime.milliseconds(3_723_004).description == "0.01:02:03.004")
    }
}
