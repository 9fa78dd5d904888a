import ServiceRules

/// A year of tickets on a large inventory, generated deterministically (a fixed-seed PCG-style
/// generator, no clock): mixed tiers, products, grades and fees, about ten tickets per circuit
/// spread over 2026, one in ten on a protected segment, one in a hundred excluded, and a
/// quarter of the SLA tickets with a fault report. Every ticket is valid, so the engine
/// evaluates all of them.
struct TicketWorkload {
    let circuits: [Circuit]
    let tickets: [TicketRecord]

    /// Tier keys drawn for circuits; nil is an empty tier (repair-limit matrix, then QLC).
    static let tiers: [String?] = ["SLA-AAA", "SLA-AA", "SLA-AA", "SLA-A", "SLA-A", "MQ-I", "MQ-II", "MQ-III",
                                   "QLC", "QLC", nil]
    /// Products drawn for circuits: bandwidth (one VPN), ICT (working-day limits), voice.
    static let products = ["sdh", "mpls-vpn", "lan-dedicated", "digital-circuit-lease", "xdsl", "it-services",
                           "logistics-elink", "ptt", "virtual-network", "800", "4008"]

    init(circuits circuitCount: Int, tickets ticketCount: Int, seed: UInt64 = 2026) {
        var random = SeededRandom(seed: seed)
        circuits = (0..<circuitCount).map { Self.circuit($0, random: &random) }
        tickets = (0..<ticketCount).map { Self.ticket($0, circuits: circuitCount, random: &random) }
    }

    static func circuit(_ index: Int, random: inout SeededRandom) -> Circuit {
        Circuit(
            id: "SH-\(index)", customerGrade: CustomerGrade.allCases[random.below(CustomerGrade.allCases.count)],
            product: products[random.below(products.count)], tier: tiers[random.below(tiers.count)],
            monthlyFee: Double(500 + 100 * random.below(200)))
    }

    /// A closed ticket: report 1–30 min after the fault, dispatch within 0–20 min, accept within
    /// 0–40 min, repair 10 min–12 h after the report, confirmation within 0–20 min.
    static func ticket(_ index: Int, circuits: Int, random: inout SeededRandom) -> TicketRecord {
        let faultStart = yearStart + Int64(random.below(365 * 86_400))
        let reported = faultStart + minutes(1 + random.below(30))
        let dispatched = reported + minutes(random.below(21))
        let accepted = dispatched + minutes(random.below(41))
        let repaired = max(accepted, reported + minutes(10 + random.below(720)))
        let confirmed = repaired + minutes(random.below(21))
        let reportSent = random.below(4) == 0 ? confirmed + minutes(60 * random.below(72)) : nil
        return TicketRecord(
            ticketID: "TK-\(index)", circuitID: "SH-\(random.below(circuits))", faultStart: WallTime(seconds: faultStart),
            reportedAt: WallTime(seconds: reported), dispatchedAt: WallTime(seconds: dispatched),
            acceptedAt: WallTime(seconds: accepted), repairedAt: WallTime(seconds: repaired),
            confirmedAt: WallTime(seconds: confirmed), reportSentAt: reportSent.map(WallTime.init(seconds:)),
            outage: random.below(10) != 0, excluded: random.below(100) == 0 ? "planned work" : nil)
    }

    /// 2026-01-01T00:00:00 in wall-clock seconds.
    static let yearStart: Int64 = 1_767_225_600

    static func minutes(_ count: Int) -> Int64 { Int64(count) * 60 }

    /// The ticket log as the CSV bytes a user would bring (header, LF line ends, all columns).
    func ticketLogCSV() -> [UInt8] {
        var bytes = Array("ticket_id,circuit_id,fault_start,reported_at,dispatched_at,accepted_at,repaired_at,confirmed_at,outage,report_sent_at,excluded\n".utf8)
        bytes.reserveCapacity(tickets.count * 200)
        for ticket in tickets { Self.append(ticket, to: &bytes) }
        return bytes
    }

    static func append(_ ticket: TicketRecord, to bytes: inout [UInt8]) {
        let instants = [ticket.faultStart, ticket.reportedAt, ticket.dispatchedAt, ticket.acceptedAt,
                        ticket.repairedAt, ticket.confirmedAt]
        var fields = [ticket.ticketID, ticket.circuitID] + instants.map { $0?.isoString ?? "" }
        fields += [ticket.outage ? "true" : "false", ticket.reportSentAt?.isoString ?? "", ticket.excluded ?? ""]
        bytes += fields.joined(separator: ",").utf8
        bytes.append(0x0A)
    }
}

/// A small fixed-seed generator (64-bit LCG, high bits out): the same workload on every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
