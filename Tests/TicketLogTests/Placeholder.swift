import Testing

@Test func placeholderTicketLogTests() { #expect(Bool(true)) }
