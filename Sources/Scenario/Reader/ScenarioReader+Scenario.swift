import ServiceRules
import SimCore
import SimRandom

/// The top level of a scenario: which keys exist, and the order sections are read in (the
/// rules file and calendar first, so names are checked against the scenario's own catalogue).
extension ScenarioReader {
    static let topKeys = ["name", "description", "extends", "start", "horizon", "warmup", "replications", "seed",
                          "calendar", "inventory", "faults", "detection", "monitoringCentre", "crews", "travel",
                          "repair", "escalation", "dispatch", "installs", "suspension", "rules", "claimRates", "costs",
                          "variants", "communication", "remoteEngineers"]
    static let requiredTopKeys = ["name", "start", "horizon", "inventory", "faults", "monitoringCentre", "crews",
                                  "travel", "repair"]

    /// Reads a whole (merged) document. Returns a scenario even when problems were found, so
    /// callers can decide; it is only meaningful when `problems` is empty. `variants` is left empty.
    mutating func scenario(_ root: DocumentNode) -> Scenario {
        let top = fields(root, "", allowed: Self.topKeys, required: Self.requiredTopKeys)
        let rulesFile = applyRulesFile(top["rules"], top.path("rules"))
        let calendar = readCalendar(top["calendar"], top.path("calendar"))
        let start = top["start"].flatMap { date($0, top.path("start")) } ?? CivilDate(year: 2026, month: 1, day: 1)
        let startMinuteOfWeek = start.weekday.minuteOfWeek
        let inventory = readInventory(top["inventory"], top.path("inventory"))
        let crews = readCrews(top["crews"], top.path("crews"), startMinuteOfWeek: startMinuteOfWeek)
        let faults = readFaults(top["faults"], top.path("faults"), inventory: inventory)
        var scenario = Scenario(
            name: top["name"].flatMap { text($0, top.path("name")) } ?? "",
            description: top["description"].flatMap { text($0, top.path("description")) } ?? "",
            start: start,
            horizon: span(top["horizon"], top.path("horizon"), default: .days(365)),
            warmup: span(top["warmup"], top.path("warmup"), default: .zero),
            replications: count(top["replications"], top.path("replications"), default: 10, minimum: 1),
            seed: seed(top["seed"], top.path("seed")),
            calendar: calendar, inventory: inventory, faults: faults,
            detection: readDetection(top["detection"], top.path("detection")),
            monitoringCentre: readMonitoringCentre(top["monitoringCentre"], top.path("monitoringCentre"),
                                                   startMinuteOfWeek: startMinuteOfWeek),
            crews: crews,
            travel: readTravel(top["travel"], top.path("travel"), inventory: inventory, crews: crews),
            repair: readRepair(top["repair"], top.path("repair"), faults: faults),
            escalation: readEscalation(top["escalation"], top.path("escalation")),
            dispatchPolicy: readDispatch(top["dispatch"], top.path("dispatch")),
            installs: readInstalls(top["installs"], top.path("installs")),
            rulesFile: rulesFile, catalogue: catalogue,
            claimRates: readClaimRates(top["claimRates"], top.path("claimRates")),
            costs: readCosts(top["costs"], top.path("costs")), variants: [])
        scenario.communication = readCommunication(top["communication"], top.path("communication"))
        scenario.suspension = readSuspension(top["suspension"], top.path("suspension"))
        scenario.remoteEngineers = readRemoteEngineers(top["remoteEngineers"], top.path("remoteEngineers"),
                                                       startMinuteOfWeek: startMinuteOfWeek)
        checkHorizon(scenario, top)
        checkWorkingTime(scenario, top)
        checkRegions(inventory: inventory, crews: crews, top)
        return scenario
    }

    mutating func seed(_ node: DocumentNode?, _ path: String) -> UInt64 {
        guard let node, let word = text(node, path) else { return 1 }
        guard let value = UInt64(word.replacingOccurrences(of: "_", with: "")) else {
            report(.wrongType, "expected a whole number from 0 to \(UInt64.max), found `\(word)`", at: node.mark, path)
            return 1
        }
        return value
    }

    /// The shortest measured window (horizon − warm-up): one day, so that a ticket can be opened,
    /// worked and closed, and a per-day figure exists.
    static let shortestWindowMinutes = 1_440.0
    /// The last day a scenario may simulate: reports and ticket logs write 4-digit years.
    static let lastDay = CivilDate(year: 9999, month: 12, day: 31)

    /// The horizon must be at least a day, leave at least a day after the warm-up, and end by
    /// 9999-12-31.
    mutating func checkHorizon(_ scenario: Scenario, _ top: Fields) {
        let text = DurationText.text(minutes:)
        let (horizon, warmup) = (scenario.horizonMinutes, scenario.warmupMinutes)
        if let node = top["start"], scenario.start.year < 1 {
            report(.invalidValue, "the start must be a date in the years 0001 to 9999, found `\(scenario.start)`",
                   at: node.mark, top.path("start"))
        }
        // A horizon or warm-up that could not be read has been reported; its fallback proves nothing.
        guard !problems.contains(where: { [top.path("horizon"), top.path("warmup")].contains($0.keyPath) }) else { return }
        if let node = top["horizon"], horizon < Self.shortestWindowMinutes {
            report(.invalidValue, "the horizon must be at least 1d, so that tickets can be opened and closed, found "
                   + "`\(node.scalar ?? text(horizon))`", at: node.mark, top.path("horizon"))
        } else if let node = top["warmup"], warmup >= horizon {
            report(.inconsistent, "the warm-up (\(text(warmup))) must be shorter than the horizon (\(text(horizon)))",
                   at: node.mark, top.path("warmup"))
        } else if let node = top["warmup"], horizon - warmup < Self.shortestWindowMinutes {
            report(.inconsistent, "the warm-up (\(text(warmup))) must end at least 1d before the horizon "
                   + "(\(text(horizon))), so that something is measured", at: node.mark, top.path("warmup"))
        }
        if let node = top["horizon"], let end = endDay(scenario), end > Self.lastDay {
            report(.invalidValue, "the horizon (\(text(horizon))) from \(scenario.start) ends after \(Self.lastDay); "
                   + "dates past year 9999 cannot be written", at: node.mark, top.path("horizon"))
        }
    }

    /// The last simulated day (nil when the horizon is not a usable number of days).
    func endDay(_ scenario: Scenario) -> CivilDate? {
        let days = (scenario.horizonMinutes / 1_440).rounded(.up)
        guard days.isFinite, days < 4_000_000 else { return nil }
        return CivilDate(dayNumber: scenario.start.dayNumber + Int(days))
    }

    /// The business calendar must have a working day at least once a year, and one inside the
    /// horizon: otherwise every working-day limit (fault reports, working hours of the desks)
    /// has no time to run in.
    mutating func checkWorkingTime(_ scenario: Scenario, _ top: Fields) {
        if problems.isEmpty, let holidays = top["calendar"]?["holidays"],
           let start = scenario.calendar.firstStretchWithoutWork(atLeast: BusinessCalendar.longestPauseDays) {
            report(.invalidValue, "the holidays leave no working day for \(BusinessCalendar.longestPauseDays) days or more "
                   + "from \(start); working-day limits need working time at least once a year",
                   at: holidays.mark, top.path("calendar") + ".holidays")
            return
        }
        guard let end = endDay(scenario), end <= Self.lastDay, problems.isEmpty,
              scenario.calendar.firstWorkingDay(from: scenario.start, through: end) == nil else { return }
        let node = top["calendar"] ?? top["start"]
        report(.invalidValue, "the business calendar has no working time between \(scenario.start) and \(end) "
               + "(check its working hours, workdays and holidays)", at: node?.mark ?? top.mark ?? SourceMark(
                file: rootFile, directory: "", line: 1, column: 1), top.path(top["calendar"] == nil ? "start" : "calendar"))
    }
}
