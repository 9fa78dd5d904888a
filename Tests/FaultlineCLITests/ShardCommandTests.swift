import Foundation
import TestSupport
import Testing

/// `--shard K/N --shard-out` and `faultline merge`: a merged report is the one-machine report,
/// byte for byte, whatever the number of shards; a bad set of shards is refused naming the file.
@Suite struct ShardCommandTests {
    /// The small scenario (330 circuits, 60 observed days) and a variant with one crew fewer.
    static let base = TestScenarios.smallYAML()
    static let variant = TestScenarios.smallYAML().replacingOccurrences(
        of: "west: {roster: [{shift: always, crews: 1}]}", with: "west: {roster: [{shift: \"Mon-Fri 08:00-18:00\", crews: 1}]}")

    /// The report files of one run (`--json`, `--csv`, `--html`) under `name`.
    static func reportOptions(_ name: String) -> [String] {
        ["--json", "\(name).json", "--csv", "\(name)-csv", "--html", "\(name).html"]
    }

    /// Every file of the report `name`, by relative path.
    static func reportFiles(_ name: String, in folder: TemporaryFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in ["\(name).json", "\(name).html"] {
            files[path.replacingOccurrences(of: name, with: "")] = try Data(contentsOf: URL(fileURLWithPath: folder.file(path)))
        }
        let csv = folder.file("\(name)-csv")
        for table in try FileManager.default.contentsOfDirectory(atPath: csv) {
            files[table] = try Data(contentsOf: URL(fileURLWithPath: csv + "/" + table))
        }
        return files
    }

    /// Runs `arguments` once on one machine and once per shard count, merging each; every
    /// merged file must equal the one-machine file.
    static func expectMergesMatch(_ arguments: [String], shardCounts: [Int], in folder: TemporaryFolder,
                                  exitCodes: Set<Int32> = [0]) throws {
        let one = try FaultLineBinary.run(arguments + ["--omit-timing"] + reportOptions("one"), in: folder.path)
        try #require(exitCodes.contains(one.exitCode), "\(one.standardError)")
        let expected = try reportFiles("one", in: folder)
        #expect(expected.count >= 3, "JSON, HTML and at least one CSV table")
        for count in shardCounts {
            let shards = "shards-\(count)"
            for index in 0..<count {
                let shard = try FaultLineBinary.run(arguments + ["--shard", "\(index)/\(count)", "--shard-out", shards],
                                                    in: folder.path)
                try #require(shard.exitCode == 0, "\(shard.standardError)")
            }
            let merged = try FaultLineBinary.run(["merge", shards] + reportOptions("merged-\(count)"), in: folder.path)
            try #require(merged.exitCode == one.exitCode, "\(merged.standardError)")
            let files = try reportFiles("merged-\(count)", in: folder)
            #expect(files.keys.sorted() == expected.keys.sorted())
            for (name, bytes) in expected {
                #expect(files[name] == bytes, "\(name) of \(count) shards differs from the one-machine run")
            }
        }
    }

    @Test func runMergedFromAnyShardCountIsTheOneMachineRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base, to: "small.yaml")
        try Self.expectMergesMatch(["run", "small.yaml", "--replications", "7", "--by", "region"],
                                   shardCounts: [1, 2, 4, 7], in: folder)
    }

    @Test func compareMergedFromAnyShardCountIsTheOneMachineCompare() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base, to: "small.yaml")
        _ = try folder.write(Self.variant, to: "day-west.yaml")
        try Self.expectMergesMatch(["compare", "small.yaml", "day-west.yaml", "--replications", "7"],
                                   shardCounts: [1, 2, 4, 7], in: folder)
    }

    @Test func priceMergedFromShardsIsTheOneMachinePrice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40}\n", to: "small.yaml")
        try Self.expectMergesMatch(["price", "small.yaml", "--replications", "3"], shardCounts: [2, 3], in: folder)
    }

    /// A study whose neighbour tree branches: a named mix and a 2 × 2 grid (a chain down the
    /// first axis, a branch along the second from each of its points): six plans with the base.
    static let study = """
        study: sharded
        base: base.yaml
        targets: ["SLA-AA.restoration >= 0.5"]
        replications: 3
        searchReplications: 3
        verifyReplications: 4
        mixes:
          more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}
        grid:
          aa: {scale: {select: {tier: SLA-AA}}, values: [1, 2]}
          growth: {scale: {select: {}}, values: [1, 1.5]}

        """

    @Test func studyMergedFromAnyShardCountIsTheOneMachineStudy() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40}\n", to: "base.yaml")
        _ = try folder.write(Self.study, to: "study.yaml")
        try Self.expectMergesMatch(["study", "study.yaml", "--no-results"], shardCounts: [1, 2, 4, 7], in: folder,
                                   exitCodes: [0, 1])
    }

    /// Two shards of a 3-replication run of the small scenario, in `shards/`.
    static func twoShards(in folder: TemporaryFolder, seed: String = "5", into shards: String = "shards") throws {
        for index in 0..<2 {
            let result = try FaultLineBinary.run(["run", "small.yaml", "--replications", "3", "--seed", seed,
                                                  "--shard", "\(index)/2", "--shard-out", shards], in: folder.path)
            try #require(result.exitCode == 0, "\(result.standardError)")
        }
    }

    /// `merge` of `shards` exits 2 with one line containing `message`, writing nothing.
    static func expectRefusal(_ shards: String, _ message: String, in folder: TemporaryFolder) throws {
        let result = try FaultLineBinary.run(["merge", shards, "--json", "out.json"], in: folder.path)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.json")))
    }

    @Test func mergeRefusesAMissingDuplicatedTruncatedOrForeignShard() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base, to: "small.yaml")
        try Self.twoShards(in: folder)
        try Self.twoShards(in: folder, seed: "6", into: "other")
        let files = FileManager.default
        let shard0 = folder.file("shards/shard-0-of-2.json"), shard1 = folder.file("shards/shard-1-of-2.json")

        try files.createDirectory(atPath: folder.file("missing"), withIntermediateDirectories: false)
        try files.copyItem(atPath: shard0, toPath: folder.file("missing/shard-0-of-2.json"))
        try Self.expectRefusal("missing", "missing: shard 1/2 missing (expected shard-1-of-2.json)", in: folder)

        try files.copyItem(atPath: folder.file("shards"), toPath: folder.file("duplicated"))
        try files.copyItem(atPath: shard1, toPath: folder.file("duplicated/shard-1-of-2-again.json"))
        try Self.expectRefusal("duplicated", "duplicated/shard-1-of-2.json: shard 1/2 again (also in duplicated/shard-1-of-2-again.json)",
                               in: folder)

        try files.copyItem(atPath: folder.file("shards"), toPath: folder.file("truncated"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: shard1))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: folder.file("truncated/shard-1-of-2.json")))
        try Self.expectRefusal("truncated", "truncated/shard-1-of-2.json: not a complete shard file", in: folder)

        try files.copyItem(atPath: folder.file("shards"), toPath: folder.file("foreign"))
        try files.copyItem(atPath: folder.file("other/shard-1-of-2.json"), toPath: folder.file("foreign/shard-1-of-2-other.json"))
        // Two shards of one plan, one of another (seed 6): the odd one out is named.
        try Self.expectRefusal("foreign", "foreign/shard-1-of-2-other.json: a shard of another plan", in: folder)

        try Self.expectRefusal("nowhere", "nowhere: cannot list the shard folder", in: folder)
    }

    @Test func mergeRefusesShardsWhoseScenarioChangedSince() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base, to: "small.yaml")
        try Self.twoShards(in: folder)
        _ = try folder.write(Self.variant, to: "small.yaml")
        try Self.expectRefusal("shards", "shards/shard-0-of-2.json: the plan rebuilt now differs", in: folder)
    }

    @Test func badShardOptionsAreRefusedNamingTheOption() throws {
        let cases: [([String], String)] = [
            (["--shard", "4/4", "--shard-out", "s"], "the shard index K must be from 0 to N − 1"),
            (["--shard", "0/0", "--shard-out", "s"], "the shard count N must be at least 1"),
            (["--shard", "two", "--shard-out", "s"], "expected K/N with whole numbers"),
            (["--shard", "0/2"], "--shard needs --shard-out"),
            (["--shard-out", "s"], "--shard-out needs --shard K/N"),
            (["--shard", "0/2", "--shard-out", "s", "--json", "r.json"], "--json is not written by a shard"),
        ]
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (options, message) in cases {
            let result = try FaultLineBinary.run(["run", "--replications", "2"] + options, in: folder.path)
            #expect(result.exitCode == 2, "\(options)")
            #expect(result.standardError.contains(message), "\(options): \(result.standardError)")
            #expect(result.standardError.contains("--shard"), "\(options): \(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
    }

    @Test func slurmScriptsRunEveryShardThenTheMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Self.base, to: "small.yaml")
        let result = try FaultLineBinary.run([
            "cluster", "slurm", "run", "small.yaml", "--replications", "8", "--json", "run.json", "--omit-timing",
            "--shards", "4", "--dir", "job", "--partition", "short", "--time", "00:10:00",
        ], in: folder.path)
        try #require(result.exitCode == 0, "\(result.standardError)")
        let array = try String(contentsOfFile: folder.file("job/array.sbatch"), encoding: .utf8)
        let merge = try String(contentsOfFile: folder.file("job/merge.sbatch"), encoding: .utf8)
        let binary = URL(fileURLWithPath: FaultLineBinary.path).resolvingSymlinksInPath().path
        let shards = URL(fileURLWithPath: folder.file("job/shards")).standardized.path
        for line in ["#SBATCH --array=0-3", "#SBATCH --partition=short", "#SBATCH --time=00:10:00",
                     "exec \(binary) run small.yaml --replications 8 --shard \"$SLURM_ARRAY_TASK_ID/4\" --shard-out \(shards)"] {
            #expect(array.contains(line + "\n"), "«\(line)» not in\n\(array)")
        }
        #expect(merge.contains("exec \(binary) merge \(shards) --json run.json --omit-timing\n"), "\(merge)")
        #expect(!array.contains("--json"), "only the merge writes the report")

        let refused = try FaultLineBinary.run(["cluster", "slurm", "run", "--replications", "0", "--shards", "2", "--dir", "j"],
                                              in: folder.path)
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("--replications"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("j")))
    }

    @Test func kubernetesManifestsRunEveryIndexOnTheVolumeThenTheMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try FaultLineBinary.run([
            "cluster", "kubernetes", "run", "small.yaml", "--replications", "8", "--html", "run.html",
            "--shards", "3", "--parallelism", "5", "--claim", "planning-pvc", "--mount", "/work", "--dir", "k8s",
        ], in: folder.path)
        try #require(result.exitCode == 0, "\(result.standardError)")
        let job = try String(contentsOfFile: folder.file("k8s/job.yaml"), encoding: .utf8)
        let merge = try String(contentsOfFile: folder.file("k8s/merge-job.yaml"), encoding: .utf8)
        let containerfile = try String(contentsOfFile: folder.file("k8s/Containerfile"), encoding: .utf8)
        for line in ["  completionMode: Indexed", "  completions: 3", "  parallelism: 3", "      restartPolicy: Never",
                     "          workingDir: \"/work\"", "              mountPath: \"/work\"", "            claimName: \"planning-pvc\"",
                     "            - \"exec faultline run small.yaml --replications 8 --shard \\\"$JOB_COMPLETION_INDEX/3\\\" "
                        + "--shard-out /work/faultline-run/shards\""] {
            #expect(job.contains(line + "\n"), "«\(line)» not in\n\(job)")
        }
        #expect(!job.contains("run.html"), "only the merge writes the report")
        #expect(merge.contains("  name: faultline-run-merge\n") && !merge.contains("completionMode"))
        #expect(merge.contains("            - \"exec faultline merge /work/faultline-run/shards --html run.html\"\n"), "\(merge)")
        #expect(containerfile.contains("swift build -c release --static-swift-stdlib --product faultline"))
        #expect(containerfile.contains("libgsl"))
        #expect(containerfile.contains("FROM docker.io/library/swift:6.3.1-bookworm AS build\n"), "the tested toolchain, pinned")
    }
}
