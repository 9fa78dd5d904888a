extension Estimate: Encodable {
    private enum Key: String, CodingKey { case mean, halfWidth, replications }

    /// `{mean, halfWidth, replications}`; `halfWidth` null with one replication.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(hasInterval && halfWidth.isFinite ? halfWidth : nil, forKey: .halfWidth)
        try container.encode(count, forKey: .replications)
    }
}
