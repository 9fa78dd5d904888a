import Foundation
import ServiceRules

/// The `rules:` file and the `calendar:` section: both change the catalogue names are checked against.
extension ScenarioReader {
    static let calendarKeys = ["workingHours", "holidays", "makeUpWorkdays", "timeZone"]

    /// Applies the rules file named at `node` (relative to the file that names it); returns its path.
    mutating func applyRulesFile(_ node: DocumentNode?, _ path: String) -> String? {
        guard let node, let relative = text(node, path) else { return nil }
        let resolved = Self.resolve(relative, against: node.mark.directory)
        guard let yaml = loader.readFile(resolved, label: resolved, at: node.mark, keyPath: path) else { return resolved }
        do {
            catalogue = try catalogue.applying(rulesYAML: yaml, file: resolved)
        } catch {
            problems += error.problems
        }
        return resolved
    }

    /// A path relative to a folder (absolute paths and an empty folder leave it as written).
    static func resolve(_ path: String, against directory: String) -> String {
        guard !path.hasPrefix("/"), !directory.isEmpty, directory != "." else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The business calendar; it replaces the catalogue's `standard` calendar when given.
    mutating func readCalendar(_ node: DocumentNode?, _ path: String) -> BusinessCalendar {
        let base = catalogue.calendar("standard") ?? .standard
        guard node != nil else { return base }
        let section = fields(node, path, allowed: Self.calendarKeys)
        let (workdays, hours) = readWorkingHours(section["workingHours"], section.path("workingHours"))
        let timeZone = section["timeZone"].flatMap { text($0, section.path("timeZone")) }
        let calendar = BusinessCalendar(
            name: "standard", timeZone: timeZone ?? base.timeZone, workdays: workdays ?? base.workdays,
            hours: hours ?? base.hours,
            holidays: section["holidays"] == nil ? base.holidays : dates(section["holidays"], section.path("holidays")),
            makeUpDays: section["makeUpWorkdays"] == nil
                ? base.makeUpDays : dates(section["makeUpWorkdays"], section.path("makeUpWorkdays")))
        if let index = catalogue.calendars.firstIndex(where: { $0.name == "standard" }) {
            catalogue.calendars[index] = calendar
        } else {
            catalogue.calendars.append(calendar)
        }
        return calendar
    }

    /// `"Mon-Fri 08:30-17:30"`, or a list of such spans on the same days (`08:30-12:00`, `13:30-17:30`);
    /// `00:00-24:00` is the whole day, `daily` (or `always`) every day.
    mutating func readWorkingHours(_ node: DocumentNode?, _ path: String) -> (Set<Weekday>?, [WorkingHours]?) {
        guard let node else { return (nil, nil) }
        let entries: [(node: DocumentNode, path: String)] = node.sequence == nil ? [(node, path)] : items(node, path)
        if entries.isEmpty {
            report(.invalidValue, "the calendar needs working hours, e.g. `Mon-Fri 08:30-17:30`; without them "
                   + "no working time ever elapses", at: node.mark, path)
        }
        var days: Set<Weekday>?
        var spans: [WorkingHours] = []
        for (item, itemPath) in entries {
            guard let word = text(item, itemPath) else { continue }
            guard case .success(let pattern) = ShiftPattern.parse(word), let hours = pattern.workingHours else {
                report(.wrongType, "expected working hours like `Mon-Fri 08:30-17:30`, `00:00-24:00` or `daily` "
                       + "(within one day, midnight to midnight at most), found `\(word)`", at: item.mark, itemPath)
                continue
            }
            if let days, days != Set(hours.days) {
                report(.inconsistent, "every span of working hours must be on the same days", at: item.mark, itemPath)
            }
            days = Set(hours.days)
            spans.append(hours.span)
        }
        return (days, spans.isEmpty ? nil : spans)
    }
}
