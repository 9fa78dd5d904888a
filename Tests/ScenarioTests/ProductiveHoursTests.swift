import Testing
@testable import Scenario

/// `costs.productiveHoursPerYear`: the hours that make one full-time equivalent.
@Suite struct ProductiveHoursTests {
    static func parse(_ costs: String) throws -> Scenario {
        try Scenario.parse(yaml: ScenarioReadingTests.minimal + costs, file: "test.yaml")
    }

    static func problems(_ costs: String) -> [String] {
        do {
            _ = try Scenario.parse(yaml: ScenarioReadingTests.minimal + costs, file: "test.yaml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func theDefaultIs1680HoursAndAGivenValueIsKept() throws {
        #expect(try Self.parse("").costs.productiveHoursPerYear == 1_680)
        #expect(try Self.parse("costs: {crewHour: 100}\n").costs.productiveHoursPerYear == 1_680)
        #expect(try Self.parse("costs: {productiveHoursPerYear: 1500}\n").costs.productiveHoursPerYear == 1_500)
        #expect(try Self.parse("costs: {productiveHoursPerYear: 8760}\n").costs.productiveHoursPerYear == 8_760)
    }

    @Test func aFullTimeEquivalentIsTheYearlyHoursOverTheProductiveHours() throws {
        let costs = try Self.parse("costs: {productiveHoursPerYear: 1600}\n").costs
        // One crew always on duty: 8,760 h a year = 5.475 people at 1,600 h each.
        #expect(costs.fullTimeEquivalents(hoursPerYear: 8_760) == 5.475)
    }

    @Test func valuesOutsideZeroTo8760AreLocatedProblems() {
        // The costs line is line 11 of the minimal scenario; the value starts at column 33.
        #expect(Self.problems("costs: {productiveHoursPerYear: 0}\n")
                == ["test.yaml:11:33: costs.productiveHoursPerYear: must be greater than 0, found 0"])
        #expect(Self.problems("costs: {productiveHoursPerYear: 9000}\n")
                == ["test.yaml:11:33: costs.productiveHoursPerYear: must be at most 8760 (the hours of a 365-day year), found 9000"])
        #expect(Self.problems("costs: {productiveHoursPerYear: lots}\n")
                == ["test.yaml:11:33: costs.productiveHoursPerYear: expected a number, found `lots`"])
        #expect(Self.problems("costs: {productiveHours: 1600}\n")
                == ["test.yaml:11:9: costs.productiveHours: unknown key `productiveHours`; did you mean `productiveHoursPerYear`?"])
    }
}
