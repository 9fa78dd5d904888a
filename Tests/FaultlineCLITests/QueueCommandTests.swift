import Foundation
import TestSupport
import Testing

/// `faultline queue` as a user runs it: the built binary, its exit codes, messages and files.
@Suite struct QueueCommandTests {
    static let model = [
        "queue", "--servers", "3", "--arrival-rate", "2.4", "--service-mean", "1",
        "--class-shares", "0.25,0.375,0.375", "--customers", "20000", "--seed", "7",
    ]

    @Test func runsAndPrintsTheTableWithTheoryBesideIt() throws {
        let result = try FaultLineBinary.run(Self.model + ["--analytic"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("M/M/3 non-preemptive priority"))
        #expect(result.standardOutput.contains("20,000 customers completed"))
        #expect(result.standardOutput.contains("Erlang C / Cobham"))
        #expect(result.standardOutput.contains("0.2697"), "Cobham's class-0 wait is printed")
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try FaultLineBinary.run(Self.model + ["--analytic", "--json", folder.file("q.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("q.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["overall", "classes", "utilisation", "timing", "analytic"] {
            #expect(json[key] != nil, "missing top-level key \(key)")
        }
        let classes = try #require(json["classes"] as? [[String: Any]])
        #expect(classes.count == 3)
        let statisticKeys = ["completed", "meanWait", "pWait", "meanSojourn", "waitP50", "waitP90", "waitP99"]
        for element in classes + [try #require(json["overall"] as? [String: Any])] {
            #expect(statisticKeys.allSatisfy { element[$0] != nil }, "\(element.keys.sorted())")
        }
        let completed = classes.compactMap { $0["completed"] as? Int }.reduce(0, +)
        #expect(completed == 20_000)
    }

    @Test func sameSeedGivesByteIdenticalJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["a.json", "b.json"] {
            let result = try FaultLineBinary.run(Self.model + ["--omit-timing", "--json", folder.file(name)])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let first = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.json")))
        let second = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.json")))
        #expect(!first.isEmpty && first == second)
        #expect(!String(decoding: first, as: UTF8.self).contains("timing"))
    }

    @Test func replicationsGiveTheSameBytesWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for threads in ["1", "2"] {
            let arguments = Self.model + ["--replications", "4", "--threads", threads, "--omit-timing"]
            let result = try FaultLineBinary.run(arguments + ["--json", folder.file("t\(threads).json")])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("t1.json")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("t2.json")))
        #expect(!one.isEmpty && one == two)
        let json = try #require(try JSONSerialization.jsonObject(with: one) as? [String: Any])
        #expect(json["replications"] as? Int == 4)
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["completed"] as? Int == 80_000)
        let meanWait = try #require(overall["meanWait"] as? [String: Any])
        #expect((meanWait["halfWidth"] as? Double ?? 0) > 0)
    }

    @Test func replicatedTableMarksTheoryInsideTheInterval() throws {
        let result = try FaultLineBinary.run(Self.model + ["--replications", "8", "--analytic"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("8 replications"))
        #expect(result.standardOutput.contains("±"))
        let rows = Self.theoryRows(result.standardOutput)
        #expect(rows.count == 4 * 3, "three figures for each class and for all classes")
        for row in rows {
            let inside = abs(row.theory - row.estimate) <= row.halfWidth
            #expect(row.mark == (inside ? "✓" : "✗"), "\(row)")
        }
        #expect(rows.contains { $0.mark == "✗" } && rows.contains { $0.mark == "✓" }, "seed 7 gives both marks")
    }

    /// One theory figure and the interval printed above it.
    struct TheoryRow: CustomStringConvertible {
        var estimate: Double
        var halfWidth: Double
        var theory: Double
        var mark: String
        var description: String { "\(estimate) ±\(halfWidth) vs \(theory) \(mark)" }
    }

    /// Pairs each `Erlang C / Cobham` line with the `value ±half-width` figures of the line above it.
    static func theoryRows(_ output: String) -> [TheoryRow] {
        let lines = output.split(separator: "\n").map(String.init)
        var rows: [TheoryRow] = []
        for (index, line) in lines.enumerated() where index > 0 && line.contains("Erlang C / Cobham") {
            let intervals = matches(#"([0-9.]+) ± ?([0-9.]+)"#, in: lines[index - 1])
            let theories = matches(#"([0-9.]+) ([✓✗])"#, in: line)
            for (interval, theory) in zip(intervals, theories) {
                rows.append(TheoryRow(estimate: Double(interval[0])!, halfWidth: Double(interval[1])!,
                                      theory: Double(theory[0])!, mark: theory[1]))
            }
        }
        return rows
    }

    static func matches(_ pattern: String, in line: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let text = line as NSString
        return regex.matches(in: line, range: NSRange(location: 0, length: text.length)).map { match in
            (1..<match.numberOfRanges).map { text.substring(with: match.range(at: $0)) }
        }
    }

    @Test func seededOutputIsPinned() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let arguments = Self.model + ["--customers", "5000", "--analytic", "--omit-timing"]
        let result = try FaultLineBinary.run(arguments + ["--json", folder.file("q.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: folder.file("q.json"), encoding: .utf8)
        let mismatch = GoldenFile.mismatch(text, named: "queue-mm3-3class-seed7.json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: [
        (["--servers", "0"], "--servers"),
        (["--arrival-rate=-1"], "--arrival-rate"),
        (["--arrival-rate", "nan"], "--arrival-rate"),
        (["--class-shares", "0.5,0.4"], "--class-shares"),
        (["--class-shares", "0.5,x"], "--class-shares"),
        (["--arrival-rate", "3.5"], "--arrival-rate"),
        (["--service", "lognormel(mean: 1, sd: 1)"], "--service"),
        (["--service-mean", "-2"], "--service-mean"),
        (["--generator", "xorshift"], "--generator"),
        (["--customers", "0"], "--customers"),
        (["--replications", "0"], "--replications"),
        (["--threads", "0"], "--threads"),
        (["--arrival-rate", "1e-300"], "--arrival-rate"),
        (["--arrival-rate", "1e300", "--allow-unstable"], "--arrival-rate"),
        (["--service-mean", "1e300"], "--service-mean"),
        (["--service-mean", "1e-300"], "--service-mean"),
        (["--service", "pareto(shape: 0.5, scale: 1)", "--allow-unstable"], "--service"),
        (["--service", "uniform(min: -5, max: 1)"], "--service"),
        (["--servers", "1000000000000"], "--servers"),
        (["--arrival-rate", "1e-5", "--customers", "1000000000"], "--customers"),
    ])
    func badInputGivesOneLineNamingTheOptionAndExitCode2(override: [String], option: String) throws {
        var arguments = ["queue", "--servers", "3", "--arrival-rate", "2.4", "--customers", "100"]
        arguments += override
        let result = try FaultLineBinary.run(arguments)
        #expect(result.exitCode == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.standardError)")
        #expect(result.standardError.contains(option), "\(result.standardError)")
        #expect(!result.standardError.contains("Stack"), "no stack trace")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func unstableQueueRunsOnlyWhenAllowed() throws {
        let unstable = ["queue", "--servers", "1", "--arrival-rate", "1.5", "--customers", "1000"]
        #expect(try FaultLineBinary.run(unstable).exitCode == 2)
        #expect(try FaultLineBinary.run(unstable + ["--allow-unstable"]).exitCode == 0)
    }

    @Test func helpTeachesTheModel() throws {
        let result = try FaultLineBinary.run(["queue", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("Cobham"))
        #expect(result.standardOutput.contains("--analytic"))
    }
}
