import SimCore
import SimRandom

/// Runs the multi-class non-preemptive priority M/G/c queue of a `QueueConfiguration`.
///
/// Two kinds of event drive it: the next arrival, and a departure that carries the customer's
/// own timestamps (so no per-customer storage is needed). The waiting line is the resource
/// pool's priority queue: class first, then arrival order.
///
/// Run each value once: its random streams and the recorder's tallies are objects, which a
/// copy of the value shares.
public struct QueueSimulation {
    /// Ticks of the kernel's clock per time unit: one time unit is one minute of milliseconds.
    public static let ticksPerTimeUnit = 60_000.0

    let configuration: QueueConfiguration
    var simulation = Simulation<QueueEvent>()
    var servers: ResourcePool<Customer>
    var arrivalStream: RandomStream
    var classStream: RandomStream
    var serviceStream: RandomStream
    var recorder: QueueRecorder
    var arrivals = 0
    let cumulativeShares: [Double]
    let meanInterarrival: Double
    /// The service mean when service is exponential: drawn directly, without the sampler switch.
    let exponentialServiceMean: Double?

    /// Prepares a run: named streams derived from the configuration's seed and replication.
    public init(_ configuration: QueueConfiguration) {
        self.configuration = configuration
        servers = ResourcePool(capacity: configuration.servers)
        func stream(_ name: String) -> RandomStream {
            RandomStream(
                masterSeed: configuration.seed, replication: configuration.replication,
                name: "queue.\(name)", generator: configuration.generator)
        }
        arrivalStream = stream("arrivals")
        classStream = stream("classes")
        serviceStream = stream("service")
        meanInterarrival = 1 / configuration.arrivalRate
        if case .exponential(let mean) = configuration.service.parameters {
            exponentialServiceMean = mean
        } else {
            exponentialServiceMean = nil
        }
        recorder = QueueRecorder(classes: configuration.classShares.count)
        var running = 0.0
        cumulativeShares = configuration.classShares.map { running += $0; return running }
    }

    /// Runs until `customers` completions and returns their statistics.
    public mutating func run() -> QueueResult {
        scheduleNextArrival()
        var events = 0
        while recorder.completed < configuration.customers, let event = simulation.step() {
            events += 1
            switch event {
            case .arrival: arrive()
            case .departure(let customer): depart(customer)
            }
        }
        return recorder.result(
            events: events, arrivals: arrivals, at: simulation.now, servers: servers,
            serverCount: configuration.servers)
    }

    @inline(__always)
    private mutating func scheduleNextArrival() {
        let gap = arrivalStream.exponential(mean: meanInterarrival)
        simulation.schedule(.arrival, after: Self.duration(gap))
    }

    @inline(__always)
    private mutating func arrive() {
        arrivals += 1
        let customer = Customer(arrival: simulation.now, classIndex: drawClass())
        if let started = servers.request(customer, priority: customer.classIndex, at: simulation.now) {
            startService(started)
        }
        scheduleNextArrival()
    }

    @inline(__always)
    private mutating func depart(_ customer: InService) {
        recorder.record(customer, completedAt: simulation.now)
        if let next = servers.release(at: simulation.now) { startService(next) }
    }

    @inline(__always)
    private mutating func startService(_ customer: Customer) {
        let draw = exponentialServiceMean.map { serviceStream.exponential(mean: $0) }
            ?? configuration.service.sample(serviceStream)
        let service = Self.duration(draw)
        let inService = InService(customer: customer, serviceStart: simulation.now)
        simulation.schedule(.departure(inService), after: service)
    }

    /// The class of an arrival: the first whose cumulative share exceeds a uniform draw (the
    /// last class absorbs rounding). The cumulative shares never decrease, so that class's
    /// index is the number of cumulative shares (before the last) at or below the draw: a sum
    /// of comparisons, without branches on the random draw.
    @inline(__always)  // called out of line, this non-mutating method copied the whole model
    private func drawClass() -> Int32 {
        let last = cumulativeShares.count - 1
        guard last > 0 else { return 0 }
        let u = classStream.uniform()
        var index: Int32 = 0
        for share in cumulativeShares[..<last] {
            index &+= u >= share ? 1 : 0
        }
        return index
    }

    /// Converts time units (never negative) to the kernel's ticks, rounding to the nearest
    /// millisecond; adding ½ and truncating rounds half up, as `rounded()` does for x ≥ 0.
    @inline(__always)
    static func duration(_ timeUnits: Double) -> SimDuration {
        SimDuration(drawnMinutes: timeUnits)
    }
}

/// A customer waiting or about to be served.
struct Customer {
    var arrival: SimTime
    var classIndex: Int32
}

/// A customer in service: everything needed to record its statistics when it departs.
struct InService {
    var customer: Customer
    var serviceStart: SimTime
}

/// The queue's two events.
enum QueueEvent {
    case arrival
    case departure(InService)
}
