import Experiments
import Foundation
import Scenario
import Testing

/// Shards: which replication each runs, what a shard file keeps (every bit), and merging.
@Suite struct ShardTests {
    @Test func everyReplicationBelongsToExactlyOneShardWhateverTheCount() throws {
        for count in 1...8 {
            let shards = (0..<count).map { Shard(index: $0, count: count)! }
            let held = shards.flatMap { $0.replications(of: 23) }
            #expect(held.sorted() == Array(0..<23), "\(count) shards")
            for shard in shards {
                #expect(shard.replications(of: 23).allSatisfy { $0 % count == shard.index && shard.owns(replication: $0) })
            }
        }
        #expect(Shard(index: 2, count: 2) == nil && Shard(index: 0, count: 0) == nil && Shard(index: -1, count: 3) == nil)
        #expect(try Shard(parsing: "3/7") == Shard(index: 3, count: 7))
        #expect(throws: ShardError.badShardIndex("7/7")) { try Shard(parsing: "7/7") }
        #expect(throws: ShardError.badShardCount("0/0")) { try Shard(parsing: "0/0") }
        #expect(throws: ShardError.badShardText("1-4")) { try Shard(parsing: "1-4") }
    }

    /// A replication's figures do not depend on the shard that ran it (its streams are seeded by
    /// seed, replication and stream name only).
    @Test func aReplicationComputesTheSameFiguresInAnyShard() throws {
        let experiment = Experiment(scenario: try SmallScenario.scenario(days: 45, warmup: 5), replications: 5)
        let whole = experiment.replicationSet(threads: 2)
        let shard = experiment.replicationSet(shard: Shard(index: 1, count: 3)!, threads: 1)
        #expect(shard.replications == [1, 4])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        for (index, replication) in shard.replications.enumerated() {
            #expect(try encoder.encode(shard.figures[index]) == encoder.encode(whole.figures[replication]))
        }
    }

    @Test func doublesSurviveAShardFileBitForBit() throws {
        let values: [Double] = [0.1, 1.0 / 3, .pi, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123_456.789_012_345_6,
                                0.1 + 0.2, -0.0, .infinity, -.infinity, Double(bitPattern: 0x3FF0_0000_0000_0001)]
        let file = ShardFile(command: "test", plan: PlanDigest(["x"]), shard: .whole, invocation: values, part: ReplicationSet())
        let read = try ShardFile<[Double], ReplicationSet>.decode(try file.encoded(), file: "test.json")
        #expect(read.invocation.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(read.header == file.header)
    }

    /// Shard files written, read back and merged give the results of one run: the figures'
    /// doubles and the merged histograms are exactly the same.
    @Test func mergedShardFilesGiveTheOneRunResults() throws {
        let experiment = Experiment(scenario: try SmallScenario.scenario(days: 45, warmup: 5), replications: 5,
                                    breakdowns: [.region])
        let whole = experiment.run(threads: 2)
        let parts = try (0..<3).map { index in
            let shard = Shard(index: index, count: 3)!
            let file = ShardFile(command: "run", plan: PlanDigest(["p"]), shard: shard, invocation: "inv",
                                 part: experiment.replicationSet(shard: shard, threads: 1))
            return try ShardFile<String, ReplicationSet>.decode(try file.encoded(), file: shard.fileName).part
        }
        let merged = experiment.results(of: ReplicationSet.merged(parts.reversed()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(merged) == encoder.encode(whole))
        #expect(merged.overall.restorationP99 == whole.overall.restorationP99)
        #expect(merged.overall.creditsPerYear == whole.overall.creditsPerYear)
    }
}
