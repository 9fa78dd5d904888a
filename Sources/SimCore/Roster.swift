/// A weekly, cyclic staffing plan: how many units (crews, agents) are on duty at each minute
/// of the week.
///
/// Shifts are given in minutes of the week (0 = the week's first minute, 10080 = its end).
/// A shift whose end is not after its start wraps past the end of the week (Sunday night into
/// Monday morning). Overlapping shifts add up. The simulation's time zero falls at
/// ``startMinuteOfWeek``, so a run can start on any weekday and hour.
///
/// Staffing is resolved at whole-minute boundaries.
public struct Roster: Hashable, Sendable {
    /// Minutes in a week: the roster's period.
    public static let minutesPerWeek = 10_080

    /// One block of duty repeated every week.
    public struct Shift: Hashable, Sendable {
        /// First minute of the week on duty, in 0..<10080.
        public var startMinuteOfWeek: Int
        /// Minute of the week the shift ends (exclusive), in 0...10080; at or before the start
        /// means the shift wraps into the next week.
        public var endMinuteOfWeek: Int
        /// Units on duty during the shift.
        public var capacity: Int

        /// Creates a shift.
        public init(startMinuteOfWeek: Int, endMinuteOfWeek: Int, capacity: Int) {
            self.startMinuteOfWeek = startMinuteOfWeek
            self.endMinuteOfWeek = endMinuteOfWeek
            self.capacity = capacity
        }

        /// Length of the shift in minutes (1...10080).
        public var lengthMinutes: Int {
            let length = endMinuteOfWeek - startMinuteOfWeek
            return length > 0 ? length : length + Roster.minutesPerWeek
        }

        /// Whether the shift covers `minute` of the week.
        public func covers(minuteOfWeek minute: Int) -> Bool {
            let offset = (minute - startMinuteOfWeek + Roster.minutesPerWeek) % Roster.minutesPerWeek
            return offset < lengthMinutes
        }
    }

    /// The shifts as given.
    public let shifts: [Shift]
    /// Minute of the week at which simulated time zero falls.
    public let startMinuteOfWeek: Int
    /// Minutes of the week where the staffed capacity changes, ascending.
    private let changeMinutes: [Int]
    /// Capacity from each change minute until the next one (cyclically).
    private let changeCapacities: [Int]
    /// The capacity when it never changes; otherwise unused.
    private let constantCapacity: Int

    /// Creates a roster, checking every shift.
    /// - Throws: ``RosterError`` naming the first invalid shift by index.
    public init(shifts: [Shift], startMinuteOfWeek: Int = 0) throws(RosterError) {
        guard (0..<Self.minutesPerWeek).contains(startMinuteOfWeek) else {
            throw .startOutsideWeek(minute: startMinuteOfWeek)
        }
        for (index, shift) in shifts.enumerated() {
            try Self.validate(shift, index: index)
        }
        self.shifts = shifts
        self.startMinuteOfWeek = startMinuteOfWeek
        let changes = Self.capacityChanges(of: shifts)
        changeMinutes = changes.map(\.minute)
        changeCapacities = changes.map(\.capacity)
        constantCapacity = shifts.filter { $0.covers(minuteOfWeek: 0) }.reduce(0) { $0 + $1.capacity }
    }

    /// A roster with `capacity` units on duty around the clock.
    public static func constant(_ capacity: Int) -> Roster {
        // A full-week shift with a non-negative capacity is always valid.
        try! Roster(shifts: [Shift(startMinuteOfWeek: 0, endMinuteOfWeek: minutesPerWeek, capacity: capacity)])
    }

    /// Units on duty at `time`.
    /// - Complexity: O(log c) for c capacity changes per week.
    public func capacity(at time: SimTime) -> Int {
        guard !changeMinutes.isEmpty else { return constantCapacity }
        let minute = Int(millisecondOfWeek(at: time) / SimDuration.millisecondsPerMinute)
        let index = lastChangeIndex(atOrBefore: minute)
        return changeCapacities[index ?? changeCapacities.count - 1]
    }

    /// The first instant after `time` at which the capacity differs from the capacity just
    /// before it; `nil` for a roster that never changes.
    /// - Complexity: O(log c).
    public func nextChange(after time: SimTime) -> SimTime? {
        guard let firstMinute = changeMinutes.first else { return nil }
        let position = millisecondOfWeek(at: time)
        let nextIndex = (lastChangeIndex(atOrBefore: Int(position / SimDuration.millisecondsPerMinute)) ?? -1) + 1
        let nextMinute = nextIndex < changeMinutes.count
            ? Int64(changeMinutes[nextIndex]) : Int64(firstMinute + Self.minutesPerWeek)
        return time + .milliseconds(nextMinute * SimDuration.millisecondsPerMinute - position)
    }
}

extension Roster {
    private static var millisecondsPerWeek: Int64 {
        Int64(minutesPerWeek) * SimDuration.millisecondsPerMinute
    }

    /// Milliseconds since the start of the week at `time`, in 0..<week.
    private func millisecondOfWeek(at time: SimTime) -> Int64 {
        let offset = Int64(startMinuteOfWeek) * SimDuration.millisecondsPerMinute + time.milliseconds
        let remainder = offset % Self.millisecondsPerWeek
        return remainder >= 0 ? remainder : remainder + Self.millisecondsPerWeek
    }

    /// Index of the last change minute ≤ `minute`, or `nil` if all are later.
    private func lastChangeIndex(atOrBefore minute: Int) -> Int? {
        var low = 0
        var high = changeMinutes.count
        while low < high {
            let middle = (low + high) / 2
            if changeMinutes[middle] <= minute { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    private static func validate(_ shift: Shift, index: Int) throws(RosterError) {
        guard (0..<minutesPerWeek).contains(shift.startMinuteOfWeek),
              (0...minutesPerWeek).contains(shift.endMinuteOfWeek) else {
            throw .shiftOutsideWeek(shiftIndex: index)
        }
        guard shift.startMinuteOfWeek != shift.endMinuteOfWeek % minutesPerWeek
                || (shift.startMinuteOfWeek == 0 && shift.endMinuteOfWeek == minutesPerWeek) else {
            throw .emptyShift(shiftIndex: index)
        }
        guard shift.capacity >= 0 else { throw .negativeCapacity(shiftIndex: index) }
    }

    /// The minutes where total capacity changes, with the capacity from there on.
    private static func capacityChanges(of shifts: [Shift]) -> [(minute: Int, capacity: Int)] {
        let boundaries = Set(shifts.flatMap {
            [$0.startMinuteOfWeek, $0.endMinuteOfWeek % minutesPerWeek]
        }).union([0]).sorted()
        let levels = boundaries.map { minute in
            shifts.filter { $0.covers(minuteOfWeek: minute) }.reduce(0) { $0 + $1.capacity }
        }
        return boundaries.indices.compactMap { index in
            let previous = levels[(index + levels.count - 1) % levels.count]
            return levels[index] == previous ? nil : (boundaries[index], levels[index])
        }
    }
}
