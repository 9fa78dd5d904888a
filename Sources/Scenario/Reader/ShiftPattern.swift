import Foundation
import ServiceRules
import SimCore

/// A weekly shift or span of working hours written as text: `always` or `daily` (every hour of
/// the week), `08:00-16:00` (every day), `Mon-Fri 08:30-17:30`, `Sat,Sun 09:00-13:00`,
/// `00:00-24:00` (the whole day), or overnight `22:00-06:00` (ends the next morning); an end at
/// the start, `12:00-12:00`, lasts 24 hours. Clock times are `HH:MM` (`WorkingHours.minuteOfDay`)
/// with `24:00` allowed as an end. The one reader of rosters' shifts and the calendar's
/// working hours.
struct ShiftPattern: Equatable {
    /// Days the shift starts on (all seven when none are written).
    var days: [Weekday]
    /// Minute of the day it starts.
    var startMinute: Int
    /// Length in minutes (1…1440; 10080 for `always` and `daily`).
    var lengthMinutes: Int

    /// Parses the text, or returns a message saying what is wrong.
    static func parse(_ text: String) -> Result<ShiftPattern, ShiftTextError> {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 1, ["always", "daily"].contains(words[0].lowercased()) {
            return .success(ShiftPattern(days: [.monday], startMinute: 0, lengthMinutes: Roster.minutesPerWeek))
        }
        guard (1...2).contains(words.count) else { return .failure(.init("expected `[days] HH:MM-HH:MM` or `always`")) }
        let days: [Weekday]
        if words.count == 2 {
            guard let parsed = weekdays(String(words[0])) else {
                return .failure(.init("unknown days `\(words[0])`; write e.g. `Mon-Fri`, `Sat,Sun` or `Mon`"))
            }
            days = parsed
        } else {
            days = Weekday.allCases
        }
        guard let (start, end) = clockRange(String(words[words.count - 1])) else {
            return .failure(.init("expected clock times `HH:MM-HH:MM`, found `\(words[words.count - 1])`"))
        }
        let length = end > start ? end - start : end + WorkingHours.minutesPerDay - start
        return .success(ShiftPattern(days: days, startMinute: start, lengthMinutes: length))
    }

    /// The pattern as working hours: its days and one span within a day (`always` and `daily`
    /// are every day 00:00–24:00); nil when it runs past midnight.
    var workingHours: (days: [Weekday], span: WorkingHours)? {
        if lengthMinutes == Roster.minutesPerWeek {
            return (Weekday.allCases, WorkingHours(startMinute: 0, endMinute: WorkingHours.minutesPerDay))
        }
        guard startMinute + lengthMinutes <= WorkingHours.minutesPerDay else { return nil }
        return (days, WorkingHours(startMinute: startMinute, endMinute: startMinute + lengthMinutes))
    }

    /// The roster shifts for `capacity` units, one per day (minute 0 = Monday 00:00).
    func shifts(capacity: Int) -> [Roster.Shift] {
        if lengthMinutes == Roster.minutesPerWeek {
            return [Roster.Shift(startMinuteOfWeek: 0, endMinuteOfWeek: Roster.minutesPerWeek, capacity: capacity)]
        }
        return days.map { day in
            let start = (day.rawValue - 1) * 1440 + startMinute
            var end = start + lengthMinutes
            if end > Roster.minutesPerWeek { end -= Roster.minutesPerWeek }
            return Roster.Shift(startMinuteOfWeek: start, endMinuteOfWeek: end, capacity: capacity)
        }
    }

    /// `Mon-Fri`, `Sat,Sun`, `Fri-Mon` (wrapping), `daily`; case-insensitive.
    static func weekdays(_ text: String) -> [Weekday]? {
        if text.lowercased() == "daily" { return Weekday.allCases }
        var result: [Weekday] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { weekday(String($0)) }
            guard (1...2).contains(ends.count), let first = ends[0], let last = ends[ends.count - 1] else { return nil }
            var day = first
            while true {
                if !result.contains(day) { result.append(day) }
                if day == last { break }
                day = Weekday(rawValue: day.rawValue % 7 + 1)!
            }
        }
        return result
    }

    static func weekday(_ text: String) -> Weekday? {
        Weekday.allCases.first { $0.key == text.lowercased() }
    }

    /// `HH:MM-HH:MM` as minutes of the day (the end may be `24:00`).
    static func clockRange(_ text: String) -> (Int, Int)? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { WorkingHours.minuteOfDay(clock: $0) }
        guard ends.count == 2, let start = ends[0], let end = ends[1], start < WorkingHours.minutesPerDay else { return nil }
        return (start, end)
    }
}

/// Why a shift's text could not be read.
struct ShiftTextError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
