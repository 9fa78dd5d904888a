import Testing

@Test func placeholderScenarioTests() { #expect(Bool(true)) }
