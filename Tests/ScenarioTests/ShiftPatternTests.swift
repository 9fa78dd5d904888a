import Testing
@testable import Scenario

@Suite struct ShiftPatternTests {
    @Test func placeholder() {}
}
