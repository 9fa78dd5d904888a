extension Estimate: Codable {
    private enum Key: String, CodingKey { case mean, halfWidth, replications, perReplication }

    /// An estimate from its parts (a stored result read back).
    public init(mean: Double, halfWidth: Double, count: Int) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.count = count
        perReplication = []
    }

    /// `{mean, halfWidth, replications, perReplication}`; `halfWidth` null with one
    /// replication; `perReplication` (the values in replication order) left out when unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(hasInterval && halfWidth.isFinite ? halfWidth : nil, forKey: .halfWidth)
        try container.encode(count, forKey: .replications)
        if !perReplication.isEmpty { try container.encode(perReplication, forKey: .perReplication) }
    }

    /// Reads what ``encode(to:)`` writes; a null half-width is +∞ (one replication).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        mean = try container.decode(Double.self, forKey: .mean)
        halfWidth = try container.decodeIfPresent(Double.self, forKey: .halfWidth) ?? .infinity
        count = try container.decode(Int.self, forKey: .replications)
        perReplication = try container.decodeIfPresent([Double].self, forKey: .perReplication) ?? []
    }
}
