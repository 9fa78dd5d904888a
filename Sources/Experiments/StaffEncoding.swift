// JSON shapes of the staff search results (staff); keys sorted by the report encoder.

extension TargetJudgement: Encodable {
    private enum Key: String, CodingKey { case replications, estimate, bound, exact, holds, perReplication }

    /// `replications`, `estimate` and `bound` (null without data), `exact`, `holds` and
    /// `perReplication` (the values judged, in replication order).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(replications, forKey: .replications)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(bound, forKey: .bound)
        try container.encode(exact, forKey: .exact)
        try container.encode(holds, forKey: .holds)
        try container.encode(perReplication, forKey: .perReplication)
    }
}
