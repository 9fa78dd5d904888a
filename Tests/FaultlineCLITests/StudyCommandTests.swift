import Foundation
import TestSupport
import Testing

/// `faultline study` as a process: what only the process shows (exit codes, files, the results
/// folder across a `kill -9`).
@Suite struct StudyCommandTests {
    /// A base with staff costs and a study of three mixes that takes a few seconds.
    static let base = TestScenarios.smallYAML(seed: 3) + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40}\n"
    static let study = """
        study: resumable
        base: base.yaml
        targets: ["accept >= 0.85"]
        replications: 6
        searchReplications: 6
        verifyReplications: 12
        mixes:
          more-aa: {scale: {select: {tier: SLA-AA}, by: 2}}
          fewer-mq: {scale: {select: {tier: MQ-I}, by: 0.5}}
          growth: {scale: {select: {}, by: 1.5}}

        """

    func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try folder.write(Self.base, to: "base.yaml")
        _ = try folder.write(Self.study, to: "study.yaml")
        return folder
    }

    func outputs(_ name: String, threads: Int = 2) -> [String] {
        ["--json", "\(name).json", "--csv", "\(name)-csv", "--html", "\(name).html", "--omit-timing", "--threads", "\(threads)"]
    }

    /// Every output file of a run, by its path under the folder.
    func files(_ name: String, in folder: TemporaryFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in ["\(name).json", "\(name).html"] { files[file] = FileManager.default.contents(atPath: folder.file(file)) }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.file("\(name)-csv")) {
            files["csv/" + file] = FileManager.default.contents(atPath: folder.file("\(name)-csv/\(file)"))
        }
        return files
    }

    /// The resumed run computes the rest on one thread, the whole one on two.
    @Test func aStudyKilledAndResumedWritesTheSameBytesAsOneNeverInterrupted() throws {
        let folder = try folder()
        let whole = try FaultLineBinary.run(["study", "study.yaml", "--results", "whole.results"] + outputs("whole"), in: folder.path)
        #expect(whole.exitCode == 0 || whole.exitCode == 1, "\(whole.standardError)")
        let expected = try files("whole", in: folder)
        #expect(expected.count == 14, "json, html and 12 csv files: \(expected.keys.sorted())")

        // Killed once the first record is stored (before its outputs are written).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FaultLineBinary.path)
        process.arguments = ["study", "study.yaml", "--results", "killed.results"] + outputs("resumed")
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        let records = { (try? FileManager.default.contentsOfDirectory(atPath: folder.file("killed.results")))?
            .filter { $0.hasSuffix(".json") } ?? [] }
        while records().isEmpty, process.isRunning, Date() < deadline {
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the study finished before it could be killed")
        let stored = records()
        #expect((1..<4).contains(stored.count), "killed part-way: \(stored)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("resumed.json")), "no output before the study ends")

        // Resumed on another thread count: the bytes depend on neither.
        let resumed = try FaultLineBinary.run(["study", "study.yaml", "--results", "killed.results"] + outputs("resumed", threads: 1),
                                              in: folder.path)
        #expect(resumed.exitCode == whole.exitCode, "\(resumed.standardError)")
        let got = try files("resumed", in: folder)
        #expect(got.keys.sorted() == expected.keys.sorted().map { $0.replacingOccurrences(of: "whole", with: "resumed") })
        for (name, bytes) in expected {
            #expect(got[name.replacingOccurrences(of: "whole", with: "resumed")] == bytes, "\(name) differs after the resume")
        }
    }

    @Test func aDryRunListsTheMixesAndRunsNothing() throws {
        let folder = try folder()
        let result = try FaultLineBinary.run(["study", "study.yaml", "--dry-run"], in: folder.path)
        #expect(result.exitCode == 0, "\(result.standardError)")
        for name in ["base", "more-aa", "fewer-mq", "growth"] { #expect(result.standardOutput.contains(name)) }
        #expect(result.standardOutput.contains("work ahead: 4 of 4 plans to run"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("resumable.results")))
    }

    @Test(arguments: [
        ("mixes:\n  m: {scale: {select: {tier: SLA-AAAA}, by: 2}}\n", "did you mean `SLA-AAA`?"),
        ("mixes:\n  m: {move: {select: {tier: SLA-A}, to: {tier: GOLD}, share: 1}}\n", "unknown tier `GOLD`"),
        ("mixes:\n  m: {scale: {select: {}, by: 0}}\n", "mixes.m.scale.by: must be greater than 0"),
    ])
    func badStudyFilesAreLocatedAndWriteNothing(body: String, mentioned: String) throws {
        let folder = try folder()
        _ = try folder.write("study: bad\nbase: base.yaml\ntargets: [\"dispatch >= 0.9\"]\n" + body, to: "bad.yaml")
        let result = try FaultLineBinary.run(["study", "bad.yaml", "--json", "out.json", "--html", "out.html"], in: folder.path)
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("bad.yaml:"), "located: \(result.standardError)")
        #expect(result.standardError.contains(mentioned), "\(result.standardError)")
        for file in ["out.json", "out.html", "bad.results"] { #expect(!FileManager.default.fileExists(atPath: folder.file(file))) }
    }

    @Test func aGridLargerThanTheLimitIsRefused() throws {
        let folder = try folder()
        _ = try folder.write("""
            study: big
            base: base.yaml
            targets: ["dispatch >= 0.9"]
            grid:
              a: {scale: {select: {tier: SLA-AA}}, values: [1, 2, 3]}
              b: {scale: {select: {}}, values: [1, 2]}

            """, to: "big.yaml")
        let result = try FaultLineBinary.run(["study", "big.yaml", "--max-mixes", "5"], in: folder.path)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--max-mixes"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("big.results")))
    }

    @Test func aResultsPathThatIsAFileIsRefused() throws {
        let folder = try folder()
        _ = try folder.write("not a folder", to: "taken")
        let result = try FaultLineBinary.run(["study", "study.yaml", "--results", "taken"], in: folder.path)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--results: taken: exists and is not a folder"), "\(result.standardError)")
        #expect(try String(contentsOfFile: folder.file("taken"), encoding: .utf8) == "not a folder")
    }
}
