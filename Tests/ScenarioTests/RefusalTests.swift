import Foundation
import Testing
@testable import Scenario
import TestSupport

/// Hostile or runaway input is refused quickly, with a located problem, never a crash.
@Suite struct RefusalTests {
    /// `levels` levels of `width` aliases each: width^levels scalars if anything expanded them.
    static func aliasBomb(levels: Int, width: Int, aliasKey: Bool) -> String {
        var lines = ["l0: &l0 [" + Array(repeating: "\"lol\"", count: width).joined(separator: ",") + "]"]
        for level in 1..<levels {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ",") + "]")
        }
        if aliasKey { lines.append("? *l\(levels - 1)\n: boom") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 10^12 scalars if expanded: refused at the first alias, before anything is expanded.
    @Test(arguments: [false, true])
    func billionLaughsIsRefusedAtTheFirstAlias(aliasKey: Bool) {
        let text = Self.aliasBomb(levels: 12, width: 10, aliasKey: aliasKey)
        let caught = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: text, file: "bomb.yaml") }
        let problem = caught?.problems.first
        #expect(caught?.problems.count == 1)
        #expect(problem?.kind == .refusedStructure)
        #expect(problem?.line == 2 && problem?.column == 10, "\(String(describing: problem))")
    }

    @Test func aliasesInARulesFileAreRefusedToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.aliasBomb(levels: 12, width: 10, aliasKey: true).write(toFile: folder.path + "/bomb.rules.yaml", atomically: true, encoding: .utf8)
        let text = Scenario.builtInBaselineYAML + "\nrules: bomb.rules.yaml\n"
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: text, file: "s.yaml", baseDirectory: folder.path) }
        #expect(error?.problems.map(\.kind) == [.refusedStructure])
        #expect(error?.problems.first?.file.hasSuffix("bomb.rules.yaml") == true)
    }

    @Test func anchorsWithoutAliasesAndAsterisksInTextAreFine() throws {
        let text = Scenario.builtInBaselineYAML.replacingOccurrences(of: "name: city-enterprise-baseline",
                                                                     with: "name: &n \"a*b *c\"")
        #expect(try Scenario.parse(yaml: text, file: "s.yaml").name == "a*b *c")
    }

    @Test func deepFlowNestingIsRefusedWithoutCrashing() {
        let text = "name: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n"
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: text, file: "deep.yaml") }
        #expect(error?.problems.first?.kind == .refusedStructure)
        #expect(error?.problems.first?.line == 1 && error?.problems.first?.column == 71)
    }

    @Test func deepCompactListsAreRefusedWithoutCrashing() {
        let text = "name: x\nlist:\n" + String(repeating: "- ", count: 100_000) + "x\n"
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: text, file: "deep.yaml") }
        #expect(error?.problems.first?.kind == .refusedStructure)
        #expect(error?.problems.first?.line == 3)
    }

    @Test func anEmptyDocumentListsTheRequiredKeys() {
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: "", file: "empty.yaml") }
        #expect(error?.problems.count == ScenarioReader.requiredTopKeys.count)
        #expect(error?.problems.allSatisfy { $0.kind == .missingKey } == true)
    }

    @Test func aDocumentThatIsNotAMappingSaysSo() {
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: "- a\n- b\n", file: "list.yaml") }
        #expect(error?.problems.first?.message.contains("expected a mapping") == true)
    }
}

/// A file given as the scenario itself that is plain text or a mapping of foreign keys (a
/// password file) is one problem that never quotes it.
@Suite struct NotAScenarioTests {
    @Test(arguments: [
        ("root:$6$Zq0secretHashValue$abc:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n", "a mapping with none of them"),
        ("Zq0secretHashValue daemon\n", "plain text"),
    ])
    func aForeignFileIsOneProblemWithoutItsContents(_ text: String, _ found: String) {
        let error = #expect(throws: ScenarioError.self) { try Scenario.parse(yaml: text, file: "passwd") }
        #expect(error?.problems.count == 1)
        #expect(error?.problems.first?.message == "not a scenario file: expected a mapping of scenario keys "
                + "(name, start, horizon, …), found \(found)")
        #expect(!"\(error.map { "\($0)" } ?? "")".contains("Zq0secretHashValue"))
        #expect(!"\(error.map { "\($0)" } ?? "")".contains("daemon"))
    }
}
