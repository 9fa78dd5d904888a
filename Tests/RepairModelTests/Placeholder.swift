import Testing

@Test func placeholderRepairModelTests() { #expect(Bool(true)) }
