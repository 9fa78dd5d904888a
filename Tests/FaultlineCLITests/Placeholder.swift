import Testing

@Test func placeholderFaultlineCLITests() { #expect(Bool(true)) }
