import Testing

@Test func placeholderQueueModelTests() { #expect(Bool(true)) }
