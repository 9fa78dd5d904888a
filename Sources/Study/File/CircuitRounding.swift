/// The one rounding rule of study files: a row's circuits after a transformation are its exact
/// figure rounded to the nearest whole circuit, halves away from zero (2.5 → 3). The exact figure
/// is first rounded to 9 decimal places, so that binary fractions (`1500 × 1.1` computes as
/// 1650.0000000000002) round as the decimal arithmetic a planner does by hand.
enum CircuitRounding {
    /// The largest row a study may make: beyond it every simulation is out of reach anyway.
    static let largestRow = 1e12
    /// The largest inventory a study transforms: its rows' figures stay far inside `Int`.
    static let largestInventory = 1e15

    /// `exact` (≥ 0, far below `Int.max`: callers keep it under ``largestInventory`` × 1,000)
    /// as whole circuits.
    static func nearest(_ exact: Double) -> Int {
        Int(decimal(exact).rounded(.toNearestOrAwayFromZero))
    }

    /// `exact` with binary noise below 1e-9 removed.
    static func decimal(_ exact: Double) -> Double {
        (exact * 1e9).rounded() / 1e9
    }

    /// Whole numbers for `exact` figures whose sum is the whole number `total`, by the largest
    /// remainder method: every figure rounded down, then the circuits still missing given one
    /// each to the figures with the largest fractional parts (the earlier row first on a tie).
    static func largestRemainder(_ exact: [Double], total: Int) -> [Int] {
        let cleaned = exact.map(decimal)
        var whole = cleaned.map { Int($0.rounded(.down)) }
        let missing = total - whole.reduce(0, +)
        let order = cleaned.indices.sorted { a, b in
            let left = cleaned[a] - cleaned[a].rounded(.down), right = cleaned[b] - cleaned[b].rounded(.down)
            return left != right ? left > right : a < b
        }
        for index in order.prefix(max(0, missing)) { whole[index] += 1 }
        return whole
    }
}
