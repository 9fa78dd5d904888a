import QueueModel
import SimRandom
import Testing

@Suite struct QueueRunTests {
    static func configuration(seed: UInt64 = 7, replication: Int = 0) throws -> QueueConfiguration {
        QueueConfiguration(
            servers: 3, arrivalRate: 2.4, service: try .exponential(mean: 1),
            classShares: [0.25, 0.375, 0.375], customers: 50_000, seed: seed, replication: replication)
    }

    static func run(_ configuration: QueueConfiguration) -> QueueResult {
        var simulation = QueueSimulation(configuration)
        return simulation.run()
    }

    @Test func sameSeedGivesTheSameResult() throws {
        let configuration = try Self.configuration()
        #expect(Self.run(configuration) == Self.run(configuration))
    }

    @Test func otherReplicationOrSeedGivesOtherNumbers() throws {
        let first = Self.run(try Self.configuration())
        #expect(first != Self.run(try Self.configuration(replication: 1)))
        #expect(first != Self.run(try Self.configuration(seed: 8)))
    }

    @Test func statisticsCoverExactlyTheCompletedCustomers() throws {
        let result = Self.run(try Self.configuration())
        #expect(result.overall.completed == 50_000)
        #expect(result.classes.map(\.completed).reduce(0, +) == 50_000)
        #expect(result.classes.allSatisfy { $0.completed > 10_000 })
    }

    @Test func higherPriorityWaitsLess() throws {
        let result = Self.run(try Self.configuration())
        let waits = result.classes.map(\.meanWait)
        #expect(waits[0] < waits[1] && waits[1] < waits[2])
        #expect(result.overall.waitP50 <= result.overall.waitP90)
        #expect(result.overall.waitP90 <= result.overall.waitP99)
    }

    @Test func deterministicServiceNeverWaitsWithFewArrivals() throws {
        var configuration = try Self.configuration()
        configuration.service = try .deterministic(0.001)
        configuration.classShares = [1]
        let result = Self.run(configuration)
        #expect(result.overall.pWait < 0.01)
        #expect(abs(result.overall.meanSojourn - result.overall.meanWait - 0.001) < 1e-9)
    }

    @Test(arguments: [
        (0, 2.4, [1.0], "--servers"),
        (3, -1.0, [1.0], "--arrival-rate"),
        (3, .nan, [1.0], "--arrival-rate"),
        (3, 2.4, [0.5, 0.4], "--class-shares"),
        (3, 2.4, [1.2, -0.2], "--class-shares"),
        (3, 3.0, [1.0], "--arrival-rate"),
    ])
    func badConfigurationNamesTheOption(servers: Int, rate: Double, shares: [Double], option: String) throws {
        let configuration = QueueConfiguration(
            servers: servers, arrivalRate: rate, service: try .exponential(mean: 1),
            classShares: shares, customers: 10, seed: 1)
        #expect(throws: QueueConfigurationError.self) { try configuration.validated() }
        do { _ = try configuration.validated() } catch { #expect(error.option == option) }
    }

    @Test func unstableQueueRunsWhenAllowed() throws {
        var configuration = try Self.configuration()
        configuration.arrivalRate = 6
        #expect(throws: QueueConfigurationError.unstable(utilisation: 2)) { try configuration.validated() }
        #expect((try? configuration.validated(allowUnstable: true)) != nil)
    }
}
