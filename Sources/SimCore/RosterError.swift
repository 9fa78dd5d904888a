/// Why a ``Roster`` could not be built; shifts are named by their index in the list given.
public enum RosterError: Error, Hashable, Sendable {
    /// The simulation's starting minute is not in 0..<10080.
    case startOutsideWeek(minute: Int)
    /// A shift starts outside 0..<10080 or ends outside 0...10080.
    case shiftOutsideWeek(shiftIndex: Int)
    /// A shift starts and ends at the same minute (only 0 → 10080 means the whole week).
    case emptyShift(shiftIndex: Int)
    /// A shift has a negative number of units.
    case negativeCapacity(shiftIndex: Int)
}
