import QueueModel
import SimRandom
import Testing

/// Options the millisecond clock cannot hold or resolve are refused up front, naming the option,
/// instead of trapping on a conversion or running for ever.
@Suite struct QueueConfigurationRefusalTests {
    struct Case: Sendable, CustomStringConvertible {
        var servers = 1
        var arrivalRate = 0.5
        var service = "exponential(mean: 1)"
        var shares: [Double] = [1]
        var customers = 1_000
        var option: String
        var fragment: String
        var description: String { "\(option): \(fragment)" }
    }

    static let cases: [Case] = [
        Case(arrivalRate: 1e-300, option: "--arrival-rate", fragment: "must be between 1e-09 and 1000 customers per time unit"),
        Case(arrivalRate: 1e300, option: "--arrival-rate", fragment: "got 1e+300"),
        Case(arrivalRate: .nan, option: "--arrival-rate", fragment: "got nan"),
        Case(arrivalRate: .infinity, option: "--arrival-rate", fragment: "got inf"),
        Case(arrivalRate: 0, option: "--arrival-rate", fragment: "got 0.0"),
        Case(servers: 1_000_000_000_000, option: "--servers", fragment: "must be at most 100000"),
        Case(servers: 0, option: "--servers", fragment: "must be at least 1"),
        Case(service: "exponential(mean: 1e-6)", option: "--service", fragment: "the mean service time must be between 0.001 and 1000000000"),
        Case(service: "deterministic(2e9)", option: "--service", fragment: "got 2000000000.0"),
        Case(service: "pareto(shape: 0.5, scale: 1)", option: "--service", fragment: "got inf"),
        Case(service: "uniform(min: -5, max: 1)", option: "--service", fragment: "must not be negative, but the distribution reaches -5.0"),
        Case(arrivalRate: 1e-5, customers: 1_000_000_000, option: "--customers", fragment: "the run would last about 100000000000000 time units"),
        Case(shares: Array(repeating: 0.001, count: 1_000), option: "--class-shares", fragment: "at most 100 classes, got 1000"),
        Case(shares: [.nan, 1], option: "--class-shares", fragment: "share 1 must be a positive, finite fraction"),
    ]

    @Test(arguments: cases)
    func refusedNamingTheOption(_ bad: Case) throws {
        let configuration = QueueConfiguration(
            servers: bad.servers, arrivalRate: bad.arrivalRate, service: try Distribution(parsing: bad.service),
            classShares: bad.shares, customers: bad.customers, seed: 1)
        do {
            _ = try configuration.validated(allowUnstable: true)
            Issue.record("\(bad) was accepted")
        } catch {
            #expect(error.option == bad.option, "\(error)")
            #expect(error.description.contains(bad.fragment), "\(error.description)")
        }
    }

    @Test func theEdgesThemselvesAreAccepted() throws {
        let service = try Distribution.exponential(mean: 0.001)
        let fast = QueueConfiguration(servers: 2, arrivalRate: 1_000, service: service, customers: 10, seed: 1)
        #expect(throws: Never.self) { try fast.validated() }
        let slow = QueueConfiguration(servers: 100_000, arrivalRate: 1e-9, service: try .exponential(mean: 1e9),
                                      customers: 9, seed: 1)
        #expect(throws: Never.self) { try slow.validated() }
    }
}
