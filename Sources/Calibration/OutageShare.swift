import ServiceRules

/// The share of faults that cut service, by network grade: a fault on a segment the circuit's
/// grade protects switches over and is logged as a ticket without an outage.
public struct OutageShare: Sendable, Encodable {
    /// Network grade key (the tier's grade; `N` for a circuit without a tier).
    public let networkGrade: String
    /// Tickets on circuits of this grade.
    public let tickets: Int
    /// Of which with an outage.
    public let outages: Int

    /// outages / tickets.
    public var share: Double { tickets == 0 ? 0 : Double(outages) / Double(tickets) }

    /// One row per network grade with tickets, in the catalogue's order of grades.
    static func byGrade(circuits: [Circuit], tickets: [TicketRecord], catalogue: RuleCatalogue) -> [OutageShare] {
        var gradeOf: [String: String] = [:]
        for circuit in circuits { gradeOf[circuit.id] = networkGrade(of: circuit, catalogue) }
        var counts: [String: (Int, Int)] = [:]
        for ticket in tickets {
            guard let grade = gradeOf[ticket.circuitID] else { continue }
            let (all, outages) = counts[grade] ?? (0, 0)
            counts[grade] = (all + 1, outages + (ticket.outage ? 1 : 0))
        }
        let order = catalogue.networkGrades.map(\.key) + counts.keys.sorted()
        var seen = Set<String>()
        return order.compactMap { grade in
            guard seen.insert(grade).inserted, let (all, outages) = counts[grade] else { return nil }
            return OutageShare(networkGrade: grade, tickets: all, outages: outages)
        }
    }

    /// The grade a circuit's tier names; `N` without a tier (as the scenario format defaults it).
    static func networkGrade(of circuit: Circuit, _ catalogue: RuleCatalogue) -> String {
        guard let tier = circuit.tier, let entry = catalogue.tiers.first(where: { $0.key == tier }) else { return "N" }
        return entry.networkGrade
    }
}
