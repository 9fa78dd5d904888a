/// An inventory's circuits cut into blocks of a fixed size, each resolved or judged on one
/// thread. The size never depends on the thread count, so neither do the blocks nor the order
/// in which their results are taken.
struct CircuitBlocks: Sendable {
    /// Circuits in a block (the last block may hold fewer).
    let size: Int
    /// Circuits in all.
    let circuits: Int

    /// Blocks covering the circuits.
    var count: Int { (circuits + size - 1) / size }

    /// The circuits of block `block`.
    func members(_ block: Int) -> Range<Int> {
        let first = block * size
        return first..<min(first + size, circuits)
    }
}
