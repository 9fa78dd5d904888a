import Testing

@Test func placeholderServiceRulesTests() { #expect(Bool(true)) }
