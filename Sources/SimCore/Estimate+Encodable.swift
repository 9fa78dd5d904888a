extension Estimate: Codable {
    private enum Key: String, CodingKey { case mean, halfWidth, replications }

    /// An estimate from its parts (a stored result read back).
    public init(mean: Double, halfWidth: Double, count: Int) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.count = count
    }

    /// `{mean, halfWidth, replications}`; `halfWidth` null with one replication.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(hasInterval && halfWidth.isFinite ? halfWidth : nil, forKey: .halfWidth)
        try container.encode(count, forKey: .replications)
    }

    /// Reads what ``encode(to:)`` writes; a null half-width is +∞ (one replication).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        mean = try container.decode(Double.self, forKey: .mean)
        halfWidth = try container.decodeIfPresent(Double.self, forKey: .halfWidth) ?? .infinity
        count = try container.decode(Int.self, forKey: .replications)
    }
}
