import ServiceRules
import SimCore

/// When a ticket's restoration limit runs out: `reported_at` plus the limit the rule engine
/// judges the class by (`RuleCatalogue.restorationLimit(for:)`), the earliest-deadline policy's
/// key.
///
/// A calendar-time limit is added as it is. A limit of N working days ends at the instant the
/// limit's business calendar has counted N working days after `reported_at`
/// (`BusinessCalendar.adding(workingDays:to:)`, the same working time the engine judges by):
/// Friday 16:00 + 1 working day is Monday 16:00. A limit that never runs out (a calendar without
/// working time ahead) is the latest instant.
struct RestorationDeadline {
    private enum Limit {
        case calendar(SimDuration)
        case working(days: Int, calendar: BusinessCalendar)
    }

    private let limit: Limit

    /// The deadline of a limit; `calendar` is the business calendar of a working-day limit.
    init(_ limit: RestorationLimit, calendar: BusinessCalendar?) {
        switch (limit, calendar) {
        case (.calendar(let seconds), _):
            self.limit = .calendar(.seconds(seconds))
        case (.workingDays(let days), let calendar?):
            self.limit = .working(days: days, calendar: calendar)
        case (.workingDays(let days), nil):
            self.limit = .calendar(.days(Int64(days)))   // N × 24 h, as the escalation threshold counts it
        }
    }

    /// The instant the limit runs out for a ticket reported at `reportedAt`.
    func deadline(reportedAt: SimTime, clock: WallClock) -> SimTime {
        switch limit {
        case .calendar(let span):
            return reportedAt + span
        case .working(let days, let calendar):
            let wall = clock.wallTime(reportedAt)
            guard let due = calendar.adding(workingDays: days, to: wall) else { return SimTime(milliseconds: .max) }
            // Working time is counted in whole seconds; the reported instant's milliseconds carry over.
            return clock.simTime(due) + (reportedAt - clock.simTime(wall))
        }
    }
}
