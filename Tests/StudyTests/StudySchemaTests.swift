import Foundation
import Testing
@testable import Study

/// docs/study.schema.json names the keys the reader reads, no more, no fewer.
@Suite struct StudySchemaTests {
    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(repositoryRoot)/docs/study.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func propertyNames(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    @Test func theSchemaHasTheReadersKeys() throws {
        let schema = try Self.schema()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        #expect(Self.propertyNames(schema) == Set(StudyReader.topKeys))
        #expect(Self.propertyNames(definitions["mix"]) == Set(StepKind.allCases.map(\.rawValue)))
        #expect(Self.propertyNames(definitions["axis"]) == Set(StepKind.allCases.map(\.rawValue) + ["values"]))
        #expect(Self.propertyNames(definitions["selector"]) == Set(RowSelector.Field.allCases.map(\.rawValue)))
        #expect(Self.propertyNames(definitions["moveTarget"]) == ["tier", "networkGrade", "monthlyFee", "afterSales"])
        for kind in StepKind.allCases {
            #expect(Self.propertyNames(definitions[kind.rawValue]) == Set(kind.keys + [kind.numberKey]))
        }
    }
}
