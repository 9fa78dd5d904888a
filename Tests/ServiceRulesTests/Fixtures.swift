import ServiceRules

/// Test helpers: readable instants, circuits and tickets.
func at(_ text: String) -> WallTime {
    guard let time = WallTime(iso: text) else { fatalError("bad instant \(text)") }
    return time
}

func circuit(
    _ id: String = "C1", tier: String? = "SLA-AA", product: String = "sdh",
    grade: CustomerGrade = .localA, fee: Double = 1000, vpn: Bool? = nil,
    start: String? = nil, end: String? = nil
) -> Circuit {
    Circuit(id: id, customerGrade: grade, product: product, tier: tier, monthlyFee: fee, vpn: vpn,
            start: start.map(at), end: end.map(at))
}

/// An outage ticket reported at its fault start, dispatched after 5 min, accepted after 10 min
/// (earlier when repaired sooner), repaired `minutes` + `seconds` later, confirmed 5 min after repair.
func outage(
    _ id: String, circuit: String = "C1", start: String, minutes: Int64 = 0, seconds: Int64 = 0,
    outage: Bool = true, excluded: String? = nil
) -> TicketRecord {
    let begin = at(start)
    let repaired = WallTime(seconds: begin.seconds + minutes * 60 + seconds)
    return TicketRecord(
        ticketID: id, circuitID: circuit, faultStart: begin, reportedAt: begin,
        dispatchedAt: WallTime(seconds: min(begin.seconds + 300, repaired.seconds)),
        acceptedAt: WallTime(seconds: min(begin.seconds + 600, repaired.seconds)),
        repairedAt: repaired, confirmedAt: WallTime(seconds: repaired.seconds + 300),
        outage: outage, excluded: excluded
    )
}

func evaluate(
    _ circuits: [Circuit], _ tickets: [TicketRecord], catalogue: RuleCatalogue = .builtIn,
    period: PeriodKind = .month
) -> Evaluation {
    RuleEngine(catalogue: catalogue).evaluate(circuits: circuits, tickets: tickets, period: period)
}

extension Evaluation {
    func summary(_ tier: String) -> TierSummary { byTier.first { $0.tier == tier }! }
    func period(_ circuit: String, _ label: String) -> CircuitPeriodEvaluation? {
        circuitPeriods.first { $0.circuit == circuit && $0.period == label }
    }
}

/// A small seeded generator (SplitMix64) so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }
