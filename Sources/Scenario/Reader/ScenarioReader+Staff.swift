import ServiceRules
import SimCore
import SimRandom

/// `monitoringCentre:` and `crews:` — rosters of agents and field crews.
extension ScenarioReader {
    static let centreKeys = ["roster", "intake", "confirm", "progressUpdate", "faultReport"]
    static let crewKeys = ["roster", "callout"]

    mutating func readMonitoringCentre(_ node: DocumentNode?, _ path: String, startMinuteOfWeek: Int) -> MonitoringCentre {
        let section = fields(node, path, allowed: Self.centreKeys, required: node == nil ? [] : ["roster"])
        let before = problems.count
        let rosters = readRoster(section["roster"], section.path("roster"), units: ["agents"], startMinuteOfWeek: startMinuteOfWeek)
        if problems.count == before, let roster = section["roster"], let agents = rosters["agents"], agents.shifts.allSatisfy({ $0.capacity == 0 }),
           !agents.shifts.isEmpty {
            report(.invalidValue, "no agents are on duty at any time", at: roster.mark, section.path("roster"))
        }
        return MonitoringCentre(
            roster: rosters["agents"] ?? .constant(0),
            intake: distribution(section["intake"], section.path("intake"), default: "lognormal(mean: 6m, sd: 3m)"),
            confirm: distribution(section["confirm"], section.path("confirm"), default: "exponential(mean: 4m)"),
            progressUpdate: distribution(section["progressUpdate"], section.path("progressUpdate"),
                                         default: "lognormal(mean: 2m, sd: 1m)"),
            faultReport: distribution(section["faultReport"], section.path("faultReport"),
                                      default: "lognormal(mean: 10m, sd: 5m)"))
    }

    mutating func readCrews(_ node: DocumentNode?, _ path: String, startMinuteOfWeek: Int) -> [CrewRegion] {
        let regions = namedEntries(node, path)
        if let node, node.mapping != nil, regions.isEmpty {
            report(.invalidValue, "at least one region needs crews", at: node.mark, path)
        }
        return regions.map { readCrewRegion($0.value, Fields.child(path, $0.key), region: $0.key, startMinuteOfWeek: startMinuteOfWeek) }
    }

    mutating func readCrewRegion(_ node: DocumentNode, _ path: String, region: String, startMinuteOfWeek: Int) -> CrewRegion {
        let section = fields(node, path, allowed: Self.crewKeys, required: ["roster"])
        let before = problems.count
        let rosters = readRoster(section["roster"], section.path("roster"), units: ["crews", "onCall"], startMinuteOfWeek: startMinuteOfWeek)
        let onDuty = rosters["crews"] ?? .constant(0)
        let onCall = rosters["onCall"] ?? .constant(0)
        let anyOnCall = onCall.shifts.contains { $0.capacity > 0 }
        if problems.count == before, let roster = section["roster"], !onDuty.shifts.contains(where: { $0.capacity > 0 }), !anyOnCall, !rosters.isEmpty {
            report(.invalidValue, "no crews are on duty or on call at any time", at: roster.mark, section.path("roster"))
        }
        var callout: Distribution?
        if let node = section["callout"] {
            callout = distribution(node, section.path("callout"))
        } else if anyOnCall, let mark = section.mark {
            report(.missingKey, "crews are on call, so a `callout` delay is needed, e.g. \"lognormal(mean: 45m, sd: 15m)\"",
                   at: mark, section.path("callout"))
        }
        return CrewRegion(region: region, onDuty: onDuty, onCall: onCall, callout: callout)
    }

    /// `remoteEngineers: {roster: [{shift: "...", engineers: N}, ...]}`; absent or `none`: no pool.
    mutating func readRemoteEngineers(_ node: DocumentNode?, _ path: String, startMinuteOfWeek: Int) -> RemoteEngineers? {
        guard let node, !node.isNull, node.scalar?.trimmingCharacters(in: .whitespaces) != "none" else { return nil }
        let section = fields(node, path, allowed: ["roster"], required: ["roster"])
        let before = problems.count
        let rosters = readRoster(section["roster"], section.path("roster"), units: ["engineers"], startMinuteOfWeek: startMinuteOfWeek)
        guard let engineers = rosters["engineers"] else { return nil }
        if problems.count == before, let roster = section["roster"], engineers.shifts.allSatisfy({ $0.capacity == 0 }) {
            report(.invalidValue, "no remote engineers are on duty at any time; remove `remoteEngineers` to start remote "
                   + "fixes at once, or put someone on duty", at: roster.mark, section.path("roster"))
        }
        return RemoteEngineers(roster: engineers)
    }

    /// A list of `{shift: "...", <unit>: N}` entries, one roster per unit key (`agents`, or
    /// `crews` and `onCall`); empty after a problem that leaves no roster to build.
    mutating func readRoster(_ node: DocumentNode?, _ path: String, units: [String], startMinuteOfWeek: Int) -> [String: Roster] {
        guard let node else { return [:] }
        let entries = items(node, path)
        if node.sequence != nil, entries.isEmpty {
            report(.invalidValue, "the roster is empty; give at least one shift, e.g. {shift: \"always\", \(units[0]): 1}",
                   at: node.mark, path)
            return [:]
        }
        var shifts = Dictionary(uniqueKeysWithValues: units.map { ($0, [Roster.Shift]()) })
        for (item, itemPath) in entries {
            let entry = fields(item, itemPath, allowed: ["shift"] + units, required: ["shift"])
            guard let shiftNode = entry["shift"], let pattern = shiftPattern(shiftNode, entry.path("shift")) else { continue }
            if units.allSatisfy({ entry[$0] == nil }), let mark = entry.mark {
                report(.missingKey, "say how many are on duty: \(units.map { "`\($0)`" }.joined(separator: " or "))", at: mark, itemPath)
            }
            for unit in units {
                guard let value = entry[unit] else { continue }
                shifts[unit]! += pattern.shifts(capacity: count(value, entry.path(unit), default: 0, minimum: 0))
            }
        }
        // Every shift was built from a parsed pattern within the week, so the roster is valid.
        return shifts.mapValues { try! Roster(shifts: $0, startMinuteOfWeek: startMinuteOfWeek) }
    }

    mutating func shiftPattern(_ node: DocumentNode, _ path: String) -> ShiftPattern? {
        guard let word = text(node, path) else { return nil }
        switch ShiftPattern.parse(word) {
        case .success(let pattern): return pattern
        case .failure(let error):
            report(.wrongType, "\(error.message) (in `\(word)`)", at: node.mark, path)
            return nil
        }
    }
}
