import ServiceRules
import SimCore
import SimRandom

/// `detection:`, `travel:`, `repair:`, `escalation:`, `dispatch:` and `installs:` — the delays and work of a ticket.
extension ScenarioReader {
    static let detectionKeys = ["proactive", "customer", "accountManager"]
    static let repairKeys = ["remoteShare", "remote", "onSite"]
    static let installKeys = ["perDay", "work", "appointmentWithin", "completeWithin", "construction", "progressReports"]

    mutating func readDetection(_ node: DocumentNode?, _ path: String) -> Detection {
        let section = fields(node, path, allowed: Self.detectionKeys)
        let proactive = fields(section["proactive"], section.path("proactive"), allowed: ["delay"])
        let customer = fields(section["customer"], section.path("customer"), allowed: ["delay", "offHoursDelay"])
        let manager = fields(section["accountManager"], section.path("accountManager"), allowed: ["share", "delay"])
        return Detection(
            proactiveDelay: distribution(proactive["delay"], proactive.path("delay"), default: "exponential(mean: 3m)"),
            customerDelay: distribution(customer["delay"], customer.path("delay"), default: "lognormal(mean: 25m, sd: 20m)"),
            customerOffHoursDelay: distribution(customer["offHoursDelay"], customer.path("offHoursDelay"),
                                                default: "lognormal(mean: 4h, sd: 3h)"),
            accountManagerShare: share(manager["share"], manager.path("share"), default: 0.1),
            accountManagerDelay: distribution(manager["delay"], manager.path("delay"), default: "lognormal(mean: 45m, sd: 30m)"))
    }

    /// Travel by region (`default` for regions not listed); every crew and inventory region needs one.
    mutating func readTravel(_ node: DocumentNode?, _ path: String, inventory: [InventoryClass], crews: [CrewRegion]) -> [String: Distribution] {
        var given: [String: Distribution] = [:]
        for entry in namedEntries(node, path) {
            // A bad distribution is reported once; a stand-in keeps the region from also looking "missing".
            given[entry.key] = distribution(entry.value, Fields.child(path, entry.key)) ?? Self.builtIn("0m")
        }
        var result: [String: Distribution] = [:]
        let regions = crews.map(\.region) + inventory.map(\.region)
        for region in regions where result[region] == nil {
            if let travel = given[region] ?? given["default"] {
                result[region] = travel
            } else if let node, given.isEmpty == false || node.mapping != nil {
                report(.missingKey, "no travel time for region `\(region)`; add `\(region)` or `default`", at: node.mark, path)
                result[region] = Self.builtIn("0m")
            }
        }
        return result
    }

    /// Repair work by segment (`default` for segments not listed); every segment that can fail needs one.
    mutating func readRepair(_ node: DocumentNode?, _ path: String, faults: FaultModel) -> [NetworkSegment: RepairProfile] {
        var given: [String: RepairProfile] = [:]
        for entry in namedEntries(node, path) {
            let entryPath = Fields.child(path, entry.key)
            guard entry.key == "default" || NetworkSegment(rawValue: entry.key) != nil else {
                reportUnknown(key: entry.key, at: entry.keyMark, entryPath, allowed: Self.segmentKeys + ["default"])
                continue
            }
            given[entry.key] = readRepairProfile(entry.value, entryPath)
                ?? RepairProfile(remoteShare: 0, remote: nil, onSite: Self.builtIn("0m"))
        }
        var result: [NetworkSegment: RepairProfile] = [:]
        for segment in NetworkSegment.allCases {
            if let profile = given[segment.rawValue] ?? given["default"] {
                result[segment] = profile
            } else if let node, faults.rates.values.contains(where: { $0.rate(on: segment) > 0 }) {
                report(.missingKey, "faults can happen on segment `\(segment.rawValue)` but it has no repair time; "
                       + "add `\(segment.rawValue)` or `default`", at: node.mark, path)
            }
        }
        return result
    }

    /// A distribution (all work on site) or `{remoteShare, remote, onSite}`.
    mutating func readRepairProfile(_ node: DocumentNode, _ path: String) -> RepairProfile? {
        if node.scalar != nil {
            return distribution(node, path).map { RepairProfile(remoteShare: 0, remote: nil, onSite: $0) }
        }
        let section = fields(node, path, allowed: Self.repairKeys, required: ["onSite"])
        let remoteShare = share(section["remoteShare"], section.path("remoteShare"), default: 0)
        var remote: Distribution?
        if let node = section["remote"] {
            remote = distribution(node, section.path("remote"))
        } else if remoteShare > 0, let mark = section.mark {
            report(.missingKey, "`remoteShare` is above 0, so the `remote` work time is needed", at: mark, section.path("remote"))
        }
        guard let onSite = distribution(section["onSite"], section.path("onSite")) else { return nil }
        return RepairProfile(remoteShare: remoteShare, remote: remote, onSite: onSite)
    }

    /// `dispatch: {policy: tier-priority | fifo | earliest-deadline}`; tier-priority when absent.
    mutating func readDispatch(_ node: DocumentNode?, _ path: String) -> DispatchPolicy {
        let section = fields(node, path, allowed: ["policy"])
        guard let policy = section["policy"] else { return .tierPriority }
        let word = reference(policy, section.path("policy"), among: DispatchPolicy.allCases.map(\.rawValue),
                             what: "dispatch policy")
        return word.flatMap(DispatchPolicy.init(rawValue:)) ?? .tierPriority
    }

    static let suspensionKeys = ["share", "duration"]

    /// `suspension: {share, duration}`: customer-caused delays on site; absent or `none`: off.
    mutating func readSuspension(_ node: DocumentNode?, _ path: String) -> Suspension? {
        guard let node, !node.isNull, node.scalar != "none" else { return nil }
        let section = fields(node, path, allowed: Self.suspensionKeys, required: Self.suspensionKeys)
        let share = share(section["share"], section.path("share"), default: 0)
        guard let duration = distribution(section["duration"], section.path("duration")) else { return nil }
        return Suspension(share: share, duration: duration)
    }

    mutating func readInstalls(_ node: DocumentNode?, _ path: String) -> Installs {
        let section = fields(node, path, allowed: Self.installKeys)
        let appointment = span(section["appointmentWithin"], section.path("appointmentWithin"), default: .hours(24))
        let complete = span(section["completeWithin"], section.path("completeWithin"), default: .hours(72))
        if appointment > complete, let node = section["appointmentWithin"] ?? section["completeWithin"] {
            report(.inconsistent, "the appointment limit cannot be later than the completion limit", at: node.mark,
                   section.path("appointmentWithin"))
        }
        var installs = Installs(
            perDay: amount(section["perDay"], section.path("perDay"), default: 0),
            work: distribution(section["work"], section.path("work"), default: "lognormal(mean: 3h, sd: 1h)"),
            appointmentWithin: appointment, completeWithin: complete)
        installs.construction = readConstruction(section["construction"], section.path("construction"))
        installs.progressReports = readInstallProgressReports(section["progressReports"], section.path("progressReports"))
        return installs
    }

    /// `installs.construction: {share, time}`; absent or `none`: no order needs construction.
    private mutating func readConstruction(_ node: DocumentNode?, _ path: String) -> Installs.Construction? {
        guard let node, !node.isNull, node.scalar?.trimmingCharacters(in: .whitespaces) != "none" else { return nil }
        let section = fields(node, path, allowed: ["share", "time"], required: ["share", "time"])
        let share = share(section["share"], section.path("share"), default: 0)
        guard let time = distribution(section["time"], section.path("time")) else { return nil }
        return Installs.Construction(share: share, time: time)
    }

    /// `installs.progressReports: none | {by, work, afterWorkingDays, everyWorkingDays}`; on when
    /// absent. Defaults: after 15 working days (source §4.5), then every 5 (a working week), by
    /// the account manager, 30 minutes each (Assumptions, docs/repair-model.md).
    private mutating func readInstallProgressReports(_ node: DocumentNode?, _ path: String) -> Installs.InstallProgressReports? {
        if let node, let word = node.scalar?.trimmingCharacters(in: .whitespaces) {
            if word != "none" { report(.wrongType, "expected `none` or a mapping, found `\(word)`", at: node.mark, path) }
            return nil
        }
        let section = fields(node, path, allowed: ["by", "work", "afterWorkingDays", "everyWorkingDays"])
        let by = section["by"].flatMap {
            reference($0, section.path("by"), among: Communication.Party.allCases.map(\.rawValue), what: "party")
        }.flatMap(Communication.Party.init(rawValue:)) ?? .accountManager
        return Installs.InstallProgressReports(
            by: by, work: distribution(section["work"], section.path("work"), default: "30m"),
            afterWorkingDays: count(section["afterWorkingDays"], section.path("afterWorkingDays"), default: 15, minimum: 1),
            everyWorkingDays: count(section["everyWorkingDays"], section.path("everyWorkingDays"), default: 5, minimum: 1))
    }
}
