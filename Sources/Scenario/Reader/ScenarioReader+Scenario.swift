import ServiceRules
import SimCore
import SimRandom

/// The top level of a scenario: which keys exist, and the order sections are read in (the
/// rules file and calendar first, so names are checked against the scenario's own catalogue).
extension ScenarioReader {
    static let topKeys = ["name", "description", "extends", "start", "horizon", "warmup", "replications", "seed",
                          "calendar", "inventory", "faults", "detection", "monitoringCentre", "crews", "travel",
                          "repair", "escalation", "installs", "rules", "claimRates", "costs", "variants"]
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
        let scenario = Scenario(
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
            installs: readInstalls(top["installs"], top.path("installs")),
            rulesFile: rulesFile, catalogue: catalogue,
            claimRates: readClaimRates(top["claimRates"], top.path("claimRates")),
            costs: readCosts(top["costs"], top.path("costs")), variants: [])
        checkHorizon(scenario, top)
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

    /// The warm-up must leave something to measure.
    mutating func checkHorizon(_ scenario: Scenario, _ top: Fields) {
        guard let node = top["warmup"], scenario.warmup >= scenario.horizon else { return }
        report(.inconsistent, "the warm-up (\(DurationText.text(minutes: scenario.warmup.minutes))) must be shorter than "
               + "the horizon (\(DurationText.text(minutes: scenario.horizon.minutes)))", at: node.mark, top.path("warmup"))
    }
}
