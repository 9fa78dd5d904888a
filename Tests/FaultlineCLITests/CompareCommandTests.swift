import Foundation
import TestSupport
import Testing

/// `faultline compare` as a user runs it: a study file with inline variants, two files, the
/// outputs, and every kind of bad input refused with one line and exit code 2.
@Suite struct CompareCommandTests {
    /// The small scenario and two inline variants: one weekday crew fewer in the east, and the base itself.
    static let study = TestScenarios.smallYAML() + """

        variants:
          - name: thin-east
            description: one crew in the east on weekdays, not two
            overrides:
              crews: {east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 1}, {shift: "17:30-08:30", crews: 1}]}}
          - name: unchanged
            overrides: {description: the base itself}
        """

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func metrics(_ document: [String: Any], variant: Int) throws -> [[String: Any]] {
        let variants = try #require(document["variants"] as? [[String: Any]])
        return try #require(variants[variant]["metrics"] as? [[String: Any]])
    }

    @Test func studyFileComparesEveryInlineVariantAndAVariantIdenticalToTheBaseDiffersByNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(Self.study, to: "study.yaml")
        let result = try FaultLineBinary.run(["compare", study, "--replications", "4", "--json", folder.file("c.json"),
                                              "--csv", folder.file("out")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("thin-east (variant in \(study)) − base:"))
        #expect(result.standardOutput.contains("✗ worse"), "one crew fewer makes something significantly worse")
        let document = try Self.json(folder.file("c.json"))
        let unchanged = try Self.metrics(document, variant: 1)
        #expect(unchanged.count > 20)
        for metric in unchanged {
            let difference = try #require(metric["difference"] as? [String: Any], "\(metric["metric"] ?? "")")
            #expect(difference["mean"] as? Double == 0 && difference["halfWidth"] as? Double == 0)
            #expect(metric["verdict"] as? String == "noSignificantChange")
        }
        let thin = try Self.metrics(document, variant: 0)
        let east = try #require(thin.first { $0["metric"] as? String == "crews.east.utilisation" })
        #expect(east["verdict"] as? String == "worse", "the remaining east crew is busier")
        let csv = try String(contentsOfFile: folder.file("out/comparison.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("variant,metric,unit,higher_is_better,base,base_ci,variant_value,variant_value_ci,difference,"))
        #expect(csv.split(separator: "\n").count == 1 + thin.count + unchanged.count)
    }

    @Test func jsonIsByteIdenticalWhateverTheThreadCount() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(Self.study, to: "study.yaml")
        for threads in ["1", "2"] {
            let result = try FaultLineBinary.run([
                "compare", study, "--variant", "thin-east", "--replications", "3", "--threads", threads,
                "--omit-timing", "--json", folder.file("t\(threads).json"),
            ])
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let one = try Data(contentsOf: URL(fileURLWithPath: folder.file("t1.json")))
        let two = try Data(contentsOf: URL(fileURLWithPath: folder.file("t2.json")))
        #expect(!one.isEmpty && one == two)
        #expect(!String(decoding: one, as: UTF8.self).contains("wallSeconds"))
        #expect((try Self.json(folder.file("t1.json"))["variants"] as? [Any])?.count == 1, "--variant picks one")
    }

    @Test func twoFilesCompareAndTheVariantRunsOnTheBasesSeed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let base = try folder.write(TestScenarios.smallYAML(), to: "base.yaml")
        let variant = try folder.write(TestScenarios.smallYAML(seed: 99).replacingOccurrences(of: "name: small", with: "name: reseeded"),
                                       to: "variant.yaml")
        let result = try FaultLineBinary.run(["compare", base, variant, "--replications", "2", "--json", folder.file("c.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let document = try Self.json(folder.file("c.json"))
        let entry = try #require((document["variants"] as? [[String: Any]])?.first)
        #expect(entry["name"] as? String == "reseeded" && entry["seed"] as? String == "5")
        let differences = try Self.metrics(document, variant: 0).compactMap { $0["difference"] as? [String: Any] }
        #expect(differences.allSatisfy { $0["mean"] as? Double == 0 }, "a variant file's own seed is not used")
        let independent = try FaultLineBinary.run(["compare", base, variant, "--replications", "2", "--independent"])
        #expect(independent.exitCode == 0 && independent.standardOutput.contains("independent streams"))
    }

    @Test func runVariantRunsOneInlineVariant() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(Self.study, to: "study.yaml")
        let result = try FaultLineBinary.run(["run", study, "--variant", "thin-east", "--replications", "2"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("`small/thin-east`"))
        let unknown = try FaultLineBinary.run(["run", study, "--variant", "thin-west"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError == "faultline: error: --variant: no variant «thin-west» in \(study) (its variants: thin-east, unchanged)\n")
    }

    @Test func badInputIsOneLineAndExitCodeTwo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let study = try folder.write(Self.study, to: "study.yaml")
        let plain = try folder.write(TestScenarios.smallYAML(), to: "plain.yaml")
        let longer = try folder.write(TestScenarios.smallYAML(days: 90), to: "longer.yaml")
        let cases: [([String], String)] = [
            (["compare"], "compare needs a base scenario and a variant"),
            (["compare", plain], "\(plain) has no `variants:`; give a variant file too"),
            (["compare", study, "--variant", "nope"], "--variant: no variant «nope» in \(study) (its variants: thin-east, unchanged)"),
            (["compare", plain, longer], "\(longer): horizon 90d differs from the base's 75d; compare pairs replications"),
            (["compare", study, "--replications", "1"], "--replications must be at least 2 for a confidence interval, got 1"),
            (["compare", study, "--period", "week"], "The value 'week' is invalid for '--period <period>'"),
            (["compare", study, "--threads", "0"], "The value '0' is invalid for '--threads <count>': must be a whole number ≥ 1"),
        ]
        for (arguments, message) in cases {
            let result = try FaultLineBinary.run(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError.hasPrefix("faultline: error: " + message), "\(arguments): \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "one line: \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        let missing = try FaultLineBinary.run(["compare", plain, folder.file("missing.yaml")])
        #expect(missing.exitCode == 2 && missing.standardError.contains("missing.yaml"))
        #expect(missing.standardError.split(separator: "\n").count == 1, "\(missing.standardError)")
    }
}
