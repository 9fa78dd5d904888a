import ServiceRules
import SimCore

/// A roster line as a planner writes it: `{shift: "Mon-Fri 08:30-17:30", crews: 3}` — the same
/// hours on some weekdays, with one head count. `faultline staff` varies these head counts.
public struct ShiftLine: Sendable, Hashable {
    /// Days the shift starts on (Monday first), or empty for `always`.
    public var days: [Weekday]
    /// Minute of the day the shift starts (0 for `always`).
    public var startMinute: Int
    /// Length in minutes (10080 for `always`).
    public var lengthMinutes: Int
    /// Units on duty in this line.
    public var capacity: Int

    /// Whether the line covers the whole week (`always`).
    public var isAlways: Bool { lengthMinutes == Roster.minutesPerWeek }

    /// Hours one unit of this line is on duty per week.
    public var hoursPerWeek: Double {
        Double(lengthMinutes * (isAlways ? 1 : days.count)) / 60
    }

    /// The roster shifts of the line (one per day), in Monday-based minutes of the week.
    public var shifts: [Roster.Shift] {
        if isAlways { return [Roster.Shift(startMinuteOfWeek: 0, endMinuteOfWeek: Roster.minutesPerWeek, capacity: capacity)] }
        return days.map { day in
            let start = (day.rawValue - 1) * 1440 + startMinute
            let end = start + lengthMinutes
            return Roster.Shift(startMinuteOfWeek: start,
                                endMinuteOfWeek: end > Roster.minutesPerWeek ? end - Roster.minutesPerWeek : end,
                                capacity: capacity)
        }
    }

    /// The shift as the scenario format writes it: `always`, `08:00-16:00`, `Mon-Fri 08:30-17:30`.
    public var shiftText: String {
        if isAlways { return "always" }
        let end = startMinute + lengthMinutes
        let clock = "\(Self.clock(startMinute))-\(Self.clock(end == 1440 ? 1440 : end % 1440))"
        return days.count == 7 ? clock : "\(Self.daysText(days)) \(clock)"
    }

    /// `HH:MM` (24:00 for the end of a day).
    static func clock(_ minute: Int) -> String {
        let hours = String(minute / 60), minutes = String(minute % 60)
        return String(repeating: "0", count: 2 - hours.count) + hours + ":" + String(repeating: "0", count: 2 - minutes.count) + minutes
    }

    /// `Mon-Fri` for a run of consecutive days, else `Sat,Sun` style lists.
    static func daysText(_ days: [Weekday]) -> String {
        let name = { (day: Weekday) in day.key.prefix(1).uppercased() + day.key.dropFirst() }
        let consecutive = zip(days, days.dropFirst()).allSatisfy { $1.rawValue == $0.rawValue + 1 }
        if days.count > 2, consecutive, let first = days.first, let last = days.last { return "\(name(first))-\(name(last))" }
        return days.map(name).joined(separator: ",")
    }

    /// Groups a roster's shifts back into lines: consecutive shifts with the same start time of
    /// day, length and capacity on different days are one line (as the reader expands them).
    /// Two written lines with the same hours and head count that follow each other (e.g.
    /// `Mon-Fri 08:30-17:30` and `Sat,Sun 08:30-17:30`, both 2 crews) become one line.
    public static func lines(of roster: Roster) -> [ShiftLine] {
        var lines: [ShiftLine] = []
        for shift in roster.shifts {
            if shift.lengthMinutes == Roster.minutesPerWeek {
                lines.append(ShiftLine(days: [], startMinute: 0, lengthMinutes: Roster.minutesPerWeek, capacity: shift.capacity))
                continue
            }
            let day = Weekday(rawValue: shift.startMinuteOfWeek / 1440 + 1)!
            let start = shift.startMinuteOfWeek % 1440
            if var last = lines.last, !last.isAlways, last.startMinute == start, last.lengthMinutes == shift.lengthMinutes,
               last.capacity == shift.capacity, !last.days.contains(day) {
                last.days.append(day)
                lines[lines.count - 1] = last
            } else {
                lines.append(ShiftLine(days: [day], startMinute: start, lengthMinutes: shift.lengthMinutes, capacity: shift.capacity))
            }
        }
        return lines
    }

    /// A roster of these lines, time zero at `startMinuteOfWeek` (as the scenario's rosters).
    public static func roster(_ lines: [ShiftLine], startMinuteOfWeek: Int) -> Roster {
        // Every line came from a valid roster (or changed only its non-negative capacity).
        try! Roster(shifts: lines.flatMap(\.shifts), startMinuteOfWeek: startMinuteOfWeek)
    }
}

/// The head counts `faultline staff` decides: crews on duty per region and roster line,
/// monitoring-centre agents per roster line, and remote engineers per roster line (scenarios
/// with the pool). On-call rosters are kept as they are.
public struct StaffingPlan: Sendable, Hashable {
    /// The regions, in the scenario's order.
    public var regions: [String]
    /// The on-duty roster lines of each region (parallel to `regions`).
    public var crewLines: [[ShiftLine]]
    /// The monitoring centre's roster lines.
    public var agentLines: [ShiftLine]
    /// The remote engineers' roster lines; empty without the pool.
    public var remoteLines: [ShiftLine]

    /// The plan of a scenario's rosters.
    public init(_ scenario: Scenario) {
        regions = scenario.regions
        crewLines = scenario.crews.map { ShiftLine.lines(of: $0.onDuty) }
        agentLines = ShiftLine.lines(of: scenario.monitoringCentre.roster)
        remoteLines = scenario.remoteEngineers.map { ShiftLine.lines(of: $0.roster) } ?? []
    }

    /// `scenario` with this plan's rosters (on-call rosters and everything else unchanged).
    public func applied(to scenario: Scenario) -> Scenario {
        var result = scenario
        let start = scenario.startMinuteOfWeek
        for (index, lines) in crewLines.enumerated() {
            result.crews[index].onDuty = ShiftLine.roster(lines, startMinuteOfWeek: start)
        }
        result.monitoringCentre.roster = ShiftLine.roster(agentLines, startMinuteOfWeek: start)
        if scenario.remoteEngineers != nil {
            result.remoteEngineers = RemoteEngineers(roster: ShiftLine.roster(remoteLines, startMinuteOfWeek: start))
        }
        return result
    }

    /// A scenario file that `extends:` `baseFile` and restates the rosters of this plan (a roster
    /// is a list, so each is written in full, with the region's on-call lines of `scenario`).
    public func overrideYAML(extending baseFile: String, name: String, scenario: Scenario) -> String {
        var text = "# Written by `faultline staff`: the recommended staffing, everything else from the base scenario.\n"
        text += "extends: \(Self.quoted(baseFile))\nname: \(Self.quoted(name))\n"
        text += "monitoringCentre:\n  roster:\n"
        for line in agentLines { text += "    - {shift: \(Self.quoted(line.shiftText)), agents: \(line.capacity)}\n" }
        if !remoteLines.isEmpty {
            text += "remoteEngineers:\n  roster:\n"
            for line in remoteLines { text += "    - {shift: \(Self.quoted(line.shiftText)), engineers: \(line.capacity)}\n" }
        }
        text += "crews:\n"
        for (index, region) in regions.enumerated() {
            text += "  \(Self.quoted(region)):\n    roster:\n"
            for line in crewLines[index] { text += "      - {shift: \(Self.quoted(line.shiftText)), crews: \(line.capacity)}\n" }
            for line in ShiftLine.lines(of: scenario.crews[index].onCall) where line.capacity > 0 {
                text += "      - {shift: \(Self.quoted(line.shiftText)), onCall: \(line.capacity)}\n"
            }
        }
        return text
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
