/// Readers for the value forms of a rules file: durations (`90m`, `2h`, `3 working days`),
/// shares (`10%`, `1/30`, `0.1`), dates and working hours.
extension RulesFileReader {
    /// A restoration-style limit: calendar duration or `N working days`.
    mutating func limit(_ node: DocumentNode, _ path: String) -> RestorationLimit? {
        guard let word = text(node, path) else { return nil }
        guard let parsed = DurationText(word) else {
            report(.wrongType,
                   "expected a duration with a unit such as `90m`, `2h`, `3d` or `3 working days`, found `\(word)`",
                   at: node, path)
            return nil
        }
        guard parsed.amount >= 0 else {
            report(.negativeDuration, "durations cannot be negative (`\(word)`)", at: node, path)
            return nil
        }
        guard let limit = parsed.limit else {
            report(.invalidValue, "durations and working-day counts may be at most \(DurationText.longestDays) days "
                   + "(100 years), found `\(word)`", at: node, path)
            return nil
        }
        return limit
    }

    /// A calendar-time duration in seconds (working days are refused).
    mutating func seconds(_ node: DocumentNode, _ path: String) -> Int64? {
        switch limit(node, path) {
        case .calendar(let seconds)?: return seconds
        case .workingDays?:
            report(.invalidValue, "expected calendar time here (minutes, hours, days), not working days", at: node, path)
            return nil
        case nil: return nil
        }
    }

    /// A whole number of working days (`2 working days`).
    mutating func workingDays(_ node: DocumentNode, _ path: String) -> Int? {
        switch limit(node, path) {
        case .workingDays(let days)?: return days
        case .calendar?:
            report(.invalidValue, "expected working days here, e.g. `2 working days`", at: node, path)
            return nil
        case nil: return nil
        }
    }

    /// A share of something: `10%`, `1/30` or a decimal fraction; `limit` bounds it above.
    mutating func share(_ node: DocumentNode, _ path: String, atMost limit: Double = 1) -> Double? {
        guard let word = text(node, path) else { return nil }
        guard let value = parseShare(word) else {
            report(.wrongType, "expected a percentage like `10%`, a fraction like `1/30` or `0.1`, found `\(word)`",
                   at: node, path)
            return nil
        }
        guard value >= 0, value <= limit else {
            let hint = word.contains("%") ? "" : " (write percentages with `%`, e.g. `10%`)"
            report(.invalidValue, "`\(word)` is out of range 0…\(limit * 100)%\(hint)", at: node, path)
            return nil
        }
        return value
    }

    func parseShare(_ word: String) -> Double? {
        if word.hasSuffix("%") { return Double(word.dropLast().trimmingCharacters).map { $0 / 100 } }
        let parts = word.split(separator: "/")
        if parts.count == 2, let top = Double(parts[0].trimmingCharacters), let bottom = Double(parts[1].trimmingCharacters),
           bottom != 0 { return top / bottom }
        return Double(word)
    }

    /// A date, or an inclusive range `2026-10-01..2026-10-07`.
    mutating func dates(_ node: DocumentNode, _ path: String) -> [CivilDate]? {
        guard let word = text(node, path) else { return nil }
        let ends = word.split(separator: "..", omittingEmptySubsequences: false)
        let parsed = ends.map { CivilDate(iso: Substring($0.trimmingCharacters)) }
        guard (1...2).contains(ends.count), let first = parsed.first ?? nil, let last = parsed.last ?? nil,
              first <= last else {
            report(.wrongType, "expected a date `YYYY-MM-DD` or a range `YYYY-MM-DD..YYYY-MM-DD`, found `\(word)`",
                   at: node, path)
            return nil
        }
        return (first.dayNumber...last.dayNumber).map(CivilDate.init(dayNumber:))
    }

    /// Working hours `08:30-17:30` (clock times `HH:MM`).
    mutating func hours(_ node: DocumentNode, _ path: String) -> WorkingHours? {
        guard let word = text(node, path) else { return nil }
        let ends = word.split(separator: "-").map { WorkingHours.minuteOfDay(clock: String($0).trimmingSpaces) }
        guard ends.count == 2, let open = ends[0], let close = ends[1], open < close else {
            report(.wrongType, "expected working hours like `08:30-17:30`, found `\(word)`", at: node, path)
            return nil
        }
        return WorkingHours(startMinute: open, endMinute: close)
    }
}

extension Substring {
    var trimmingCharacters: String { String(self).trimmingSpaces }
}

/// A duration written with a unit: `90m`, `90 min`, `2h`, `1.5 hours`, `3d`, `3 working days`, `3wd`.
struct DurationText {
    let amount: Double
    /// The limit, or nil when the amount is negative or longer than ``longestDays`` (so that no
    /// count or number of seconds can overflow on the way).
    let limit: RestorationLimit?

    /// The longest duration, and the most working days, a rules file may write: 100 years.
    static let longestDays = 36_500

    init?(_ text: String) {
        let lowered = text.lowercased()
        let number = lowered.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        let unit = lowered.dropFirst(number.count).trimmingCharacters
        guard let amount = Double(number), amount.isFinite else { return nil }
        self.amount = amount
        let inRange = amount >= 0
        if ["wd", "working day", "working days"].contains(unit) {
            guard amount == amount.rounded() else { return nil }
            limit = inRange && amount <= Double(Self.longestDays) ? .workingDays(Int(amount)) : nil
            return
        }
        guard let scale = DurationText.unitSeconds[unit] else { return nil }
        let seconds = amount * scale
        limit = inRange && seconds <= Double(Self.longestDays) * 86_400 ? .calendar(seconds: Int64(seconds.rounded())) : nil
    }

    static let unitSeconds: [String: Double] = [
        "s": 1, "sec": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hour": 3600, "hours": 3600,
        "d": 86_400, "day": 86_400, "days": 86_400,
    ]
}
