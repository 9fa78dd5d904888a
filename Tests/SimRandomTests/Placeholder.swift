import Testing

@Test func placeholderSimRandomTests() { #expect(Bool(true)) }
