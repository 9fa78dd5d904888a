import ServiceRules

/// Test fixtures write instants as text; parsing of users' files is TicketLog's job.
extension WallTime {
    /// Parses `YYYY-MM-DDTHH:MM[:SS]` (a space may replace `T`); nil when malformed.
    init?(iso text: String) {
        let pieces = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard pieces.count == 2, let date = CivilDate(iso: pieces[0]) else { return nil }
        let clock = pieces[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let (h, m, s) = (clock[0]!, clock[1]!, clock.count == 3 ? clock[2]! : 0)
        guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        self.init(date, hour: h, minute: m, second: s)
    }
}
