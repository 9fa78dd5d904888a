import Foundation
@testable import RepairModel
import Scenario
import ServiceRules
import SimCore
import TestSupport
import Testing

/// The earliest-deadline policy on a degenerate two-class workflow (an M/M/2 queue whose classes
/// have restoration limits of 20 h and 24 h) against a reference simulation written here, with
/// nothing of the model's code: a plain event loop over arrivals and service completions.
@Suite struct EarliestDeadlineTests {
    static let circuits = [307, 307]   // load 0.70
    static let ratePerCircuitYear = 10.0
    static let crews = 2
    static let repairMean = 120
    /// The matrix limits of the fixture's first two classes (grades group and localA), minutes.
    static let limits = [20.0 * 60, 24.0 * 60]
    static let replications = 12

    static var arrivalRates: [Double] {
        circuits.map { Double($0) * ratePerCircuitYear / (365 * 24 * 60) }
    }

    @Test func crewWaitsMatchAnIndependentEarliestDeadlineSimulation() throws {
        // Escalation at the whole limit moves a ticket ahead exactly when its deadline has
        // passed, which earliest-deadline order already does: the line is pure EDF.
        let scenario = try Fixtures.scenario(Fixtures.queueingYAML(
            circuits: Self.circuits, ratePerCircuitYear: Self.ratePerCircuitYear, crews: Self.crews,
            repairMean: Self.repairMean, days: 600, escalationFraction: 1, dispatch: .earliestDeadline))
        let model = Replications.run(Self.replications) { QueueingTheoryTests.waits(scenario, replication: $0) }
        let reference = Replications.run(8) { run in
            EarliestDeadlineQueue(arrivalRates: Self.arrivalRates, limits: Self.limits, servers: Self.crews,
                                  serviceMean: Double(Self.repairMean))
                .meanWaits(customers: 150_000, warmup: 2_000, seed: UInt64(run + 1) &* 0x9E37_79B9_7F4A_7C15)
        }
        let textbook = TextbookQueue(arrivalRates: Self.arrivalRates, servers: Self.crews, serviceMean: Double(Self.repairMean))
        for k in Self.circuits.indices {
            let simulated = ConfidenceInterval(replicationMeans: model.map { $0.meanByClass[k] }, level: 0.99)
            let expected = ConfidenceInterval(replicationMeans: reference.map { $0[k] }, level: 0.99)
            let allowed = (simulated.halfWidth * simulated.halfWidth + expected.halfWidth * expected.halfWidth).squareRoot()
            #expect(abs(simulated.mean - expected.mean) <= allowed, "class \(k): model \(simulated) vs reference \(expected)")
            #expect(simulated.relativeHalfWidth < 0.15, "too few tickets for a sharp test: \(simulated)")
        }
        // The case tells the policies apart: EDF lies strictly between strict priority (Cobham)
        // and first come, first served (Erlang C) in both classes.
        let first = ConfidenceInterval(replicationMeans: model.map { $0.meanByClass[0] }, level: 0.99)
        let second = ConfidenceInterval(replicationMeans: model.map { $0.meanByClass[1] }, level: 0.99)
        #expect(first.lower > textbook.meanWait(ofClass: 0) && first.upper < textbook.meanWait)
        #expect(second.lower > textbook.meanWait && second.upper < textbook.meanWait(ofClass: 1))
    }

    /// (limit, reported at, deadline) in minutes after Monday 2026-01-05 00:00.
    static let deadlineCases: [(RestorationLimit, Int64, Int64)] = [
        (.workingDays(1), 4 * 1440 + 16 * 60, 7 * 1440 + 16 * 60),        // Fri 16:00 → Mon 16:00
        (.workingDays(1), 5 * 1440 + 10 * 60, 7 * 1440 + 17 * 60 + 30),   // Sat 10:00 → Mon 17:30
        (.workingDays(3), 0, 2 * 1440 + 17 * 60 + 30),                     // Mon 00:00 → Wed 17:30
        (.hours(4), 4 * 1440 + 22 * 60, 5 * 1440 + 2 * 60),                // Fri 22:00 → Sat 02:00
    ]

    /// Deadlines of working-day limits count the limit's calendar (Mon–Fri 08:30–17:30 here), to
    /// the millisecond; calendar-time limits are added as they are.
    @Test(arguments: deadlineCases)
    func deadlinesRunOnTheLimitsClock(limit: RestorationLimit, reportedMinute: Int64, deadlineMinute: Int64) {
        let clock = WallClock(start: CivilDate(year: 2026, month: 1, day: 5))
        let deadline = RestorationDeadline(limit, calendar: .standard)
        let halfSecond = SimDuration.milliseconds(500)
        let reported: SimTime = SimTime.minutes(reportedMinute) + halfSecond
        let expected: SimTime = SimTime.minutes(deadlineMinute) + halfSecond
        #expect(deadline.deadline(reportedAt: reported, clock: clock) == expected)
    }
}

/// An M/M/c queue whose waiting customers are served earliest deadline first (deadline =
/// arrival + the class's limit; ties by arrival), non-preemptive: the test's reference.
struct EarliestDeadlineQueue {
    var arrivalRates: [Double]
    var limits: [Double]
    var servers: Int
    var serviceMean: Double

    private struct Waiting {
        var deadline: Double
        var arrival: Double
        var kind: Int
        var counted: Bool
    }

    /// Mean wait per class of the customers arriving after the first `warmup`, over `customers`
    /// more arrivals (customers still waiting at the end are left out, as open tickets are).
    func meanWaits(customers: Int, warmup: Int, seed: UInt64) -> [Double] {
        var random = SplitMix64(state: seed)
        let totalRate = arrivalRates.reduce(0, +)
        var nextArrival = random.exponential(mean: 1 / totalRate)
        var finishing: [Double] = []   // completion instants of busy servers
        var line: [Waiting] = []
        var sums = Array(repeating: 0.0, count: arrivalRates.count)
        var counts = Array(repeating: 0, count: arrivalRates.count)
        var arrived = 0
        func record(_ customer: Waiting, startingAt now: Double) {
            guard customer.counted else { return }
            sums[customer.kind] += now - customer.arrival
            counts[customer.kind] += 1
        }
        while arrived < warmup + customers {
            if let server = finishing.indices.min(by: { finishing[$0] < finishing[$1] }), finishing[server] <= nextArrival {
                let now = finishing[server]
                if let next = line.indices.min(by: { Self.precedes(line[$0], line[$1]) }) {
                    record(line.remove(at: next), startingAt: now)
                    finishing[server] = now + random.exponential(mean: serviceMean)
                } else {
                    finishing.remove(at: server)
                }
            } else {
                let now = nextArrival
                let kind = Self.pick(random.uniform() * totalRate, among: arrivalRates)
                let customer = Waiting(deadline: now + limits[kind], arrival: now, kind: kind, counted: arrived >= warmup)
                if finishing.count < servers {
                    record(customer, startingAt: now)
                    finishing.append(now + random.exponential(mean: serviceMean))
                } else {
                    line.append(customer)
                }
                arrived += 1
                nextArrival = now + random.exponential(mean: 1 / totalRate)
            }
        }
        return zip(sums, counts).map { $0 / Double($1) }
    }

    private static func precedes(_ a: Waiting, _ b: Waiting) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.arrival < b.arrival
    }

    /// The class whose share of the total rate `point` (in [0, total)) falls in.
    private static func pick(_ point: Double, among rates: [Double]) -> Int {
        var below = 0.0
        for (kind, rate) in rates.enumerated() {
            below += rate
            if point < below { return kind }
        }
        return rates.count - 1
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a seeded generator that owes nothing to GSL.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Exponential with the given mean.
    mutating func exponential(mean: Double) -> Double { -mean * log(1 - uniform()) }
}
