/// Erlang's loss and delay formulas, the closed forms every staffing spreadsheet uses.
///
/// Offered load `a = λ / μ` is in erlangs; `servers` is the number of identical servers `c`.
public enum Erlang {
    /// Erlang B: the blocking probability of an M/M/c/c loss system.
    ///
    /// Uses the stable recursion `B(0) = 1`, `B(k) = a·B(k−1) / (k + a·B(k−1))`.
    /// - Complexity: O(c).
    public static func lossProbability(servers: Int, offeredLoad a: Double) -> Double {
        precondition(servers >= 0 && a >= 0, "Erlang B needs servers ≥ 0 and load ≥ 0")
        var blocking = 1.0
        for k in stride(from: 1, through: servers, by: 1) {
            blocking = a * blocking / (Double(k) + a * blocking)
        }
        return blocking
    }

    /// Erlang C: the probability that an arrival to an M/M/c queue waits (all servers busy).
    ///
    /// Derived from Erlang B: `C = c·B / (c − a·(1 − B))`. Returns 1 when `a ≥ c` (unstable).
    /// - Complexity: O(c).
    public static func waitProbability(servers: Int, offeredLoad a: Double) -> Double {
        precondition(servers >= 1, "Erlang C needs at least one server")
        let c = Double(servers)
        guard a < c else { return 1 }
        let blocking = lossProbability(servers: servers, offeredLoad: a)
        return c * blocking / (c - a * (1 - blocking))
    }
}
