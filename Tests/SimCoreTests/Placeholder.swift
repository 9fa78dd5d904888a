import Testing

@Test func placeholderSimCoreTests() { #expect(Bool(true)) }
