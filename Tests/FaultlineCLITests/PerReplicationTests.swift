import Foundation
import TestSupport
import Testing

/// Every estimate in the JSON of `run`, `compare`, `price` and `staff` carries the values it was
/// computed from (`perReplication`), and a reader recomputes its mean and 95 % interval from
/// them alone. The Student-t quantile is found here by integrating the t density and bisecting,
/// independently of SimCore's `StudentT`.
@Suite struct PerReplicationTests {
    static let priced = TestScenarios.smallYAML()
        + "\ncosts: {crewHour: 180, agentHour: 90, onCallHour: 40, protection: {A: 1000, B: 450, C: 60}}\n"
    static let study = TestScenarios.smallYAML() + """

        variants:
          - name: thin-east
            overrides:
              crews: {east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 1}, {shift: "17:30-08:30", crews: 1}]}}
        """

    /// The commands and their arguments (the file name first: written to the temporary folder).
    static let commands: [(file: String, text: String, arguments: [String])] = [
        ("small.yaml", TestScenarios.smallYAML(), ["run", "--replications", "4", "--by", "region"]),
        ("study.yaml", study, ["compare", "--replications", "4"]),
        ("priced.yaml", priced, ["price", "--replications", "3", "--sensitivity", "0"]),
        ("centre.yaml", TestScenarios.centreOnlyYAML(days: 3, seed: 3),
         ["staff", "--target", "dispatch >= 0.9", "--replications", "3", "--verify-replications", "4"]),
    ]

    @Test(arguments: commands.indices)
    func everyEstimateCarriesTheValuesItsIntervalWasComputedFrom(command: Int) throws {
        let (file, text, arguments) = Self.commands[command]
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = try folder.write(text, to: file)
        let result = try FaultLineBinary.run([arguments[0], scenario] + arguments.dropFirst() + ["--json", folder.file("out.json")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.file("out.json"))))
        var estimates: [(path: String, estimate: [String: Any])] = []
        Self.collectEstimates(document, path: arguments[0], into: &estimates)
        var intervals = 0
        for (path, estimate) in estimates {
            guard let values = estimate["perReplication"] as? [Double] else {
                Issue.record("\(path): no perReplication")
                continue
            }
            let count = try #require(estimate["replications"] as? Int)
            #expect(values.count == count, "\(path): \(values.count) values for \(count) replications")
            let recomputed = values.reduce(0, +) / Double(values.count)
            let mean = try #require((estimate["mean"] ?? estimate["estimate"]) as? Double)
            #expect(abs(recomputed - mean) <= 1e-9 * max(1, abs(mean)), "\(path): mean \(mean) vs \(recomputed)")
            if estimate["halfWidth"] != nil {
                guard let halfWidth = estimate["halfWidth"] as? Double else {
                    #expect(count == 1, "\(path): no half-width with \(count) replications")
                    continue
                }
                let expected = Self.tQuantile(0.975, degreesOfFreedom: Double(count - 1)) * Self.standardError(values)
                #expect(abs(expected - halfWidth) <= 1e-6 * max(1, abs(halfWidth)), "\(path): half-width \(halfWidth) vs \(expected)")
                intervals += 1
            } else if path.hasSuffix("recommendedFresh") {
                // `staff`'s fresh check of a `>=` mean target: the one-sided 95 % lower bound.
                let bound = try #require(estimate["bound"] as? Double)
                let expected = mean - Self.tQuantile(0.95, degreesOfFreedom: Double(count - 1)) * Self.standardError(values)
                #expect(abs(expected - bound) <= 1e-9, "\(path): bound \(bound) vs \(expected)")
                intervals += 1
            }
        }
        #expect(estimates.count >= (arguments[0] == "staff" ? 4 : 10), "\(arguments[0]): too few estimates found to check")
        #expect(intervals >= (arguments[0] == "staff" ? 1 : 10), "\(arguments[0]): intervals were recomputed, not only means")
    }

    /// Objects with `mean`, `halfWidth` and `replications` (an estimate), or with `estimate`,
    /// `bound` and `replications` (a `staff` target judgement), anywhere in the document.
    static func collectEstimates(_ node: Any, path: String, into estimates: inout [(path: String, estimate: [String: Any])]) {
        if let object = node as? [String: Any] {
            let isEstimate = object["mean"] != nil && object.keys.contains("halfWidth")
            let isJudgement = object["estimate"] != nil && object.keys.contains("bound")
            if isEstimate || isJudgement, object["replications"] != nil {
                estimates.append((path, object))
            }
            for (key, value) in object { collectEstimates(value, path: path + "." + key, into: &estimates) }
        } else if let array = node as? [Any] {
            for (index, value) in array.enumerated() { collectEstimates(value, path: path + "[\(index)]", into: &estimates) }
        }
    }

    /// s / √n.
    static func standardError(_ values: [Double]) -> Double {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (variance / n).squareRoot()
    }

    /// The x with ∫₀ˣ f(t) dt = p − ½ for the Student-t density f with ν degrees of freedom
    /// (p > ½): Simpson's rule on a fine grid, then bisection.
    static func tQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        let constant = exp(lgamma((nu + 1) / 2) - lgamma(nu / 2)) / (nu * Double.pi).squareRoot()
        let density = { (t: Double) in constant * pow(1 + t * t / nu, -(nu + 1) / 2) }
        let area = { (x: Double) -> Double in
            let steps = 4_000
            let h = x / Double(steps)
            var sum = density(0) + density(x)
            for i in 1..<steps { sum += density(Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
            return sum * h / 3
        }
        var (low, high) = (0.0, 100.0)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if area(middle) < p - 0.5 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    @Test func theQuantileOfThisTestMatchesPrintedTables() {
        // Student's t table, t₀.₉₇₅ and t₀.₉₅: ν = 1, 3, 10, 30.
        for (nu, printed) in [(1.0, 12.706), (3.0, 3.182), (10.0, 2.228), (30.0, 2.042)] {
            #expect(abs(Self.tQuantile(0.975, degreesOfFreedom: nu) - printed) < 0.001, "ν = \(nu)")
        }
        for (nu, printed) in [(1.0, 6.314), (3.0, 2.353), (10.0, 1.812), (30.0, 1.697)] {
            #expect(abs(Self.tQuantile(0.95, degreesOfFreedom: nu) - printed) < 0.001, "ν = \(nu)")
        }
    }
}
