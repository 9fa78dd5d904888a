/// The `tiers:` section: override fields of existing tiers, or add tiers (optionally `basedOn`
/// an existing one).
extension RulesFileReader {
    static let tierKeys = [
        "basedOn", "family", "availability", "networkGrade", "restorationLimit", "vpnRestorationLimit",
        "repeatWindow", "monitoredSegments", "faultReport", "calendar", "payment", "payProbability",
        "creditCap", "credits", "pauseOn",
    ]

    mutating func readTiers(_ node: DocumentNode) {
        guard let tiers = entries(node, "tiers") else { return }
        for (key, value) in tiers {
            let path = "tiers.\(key)"
            guard key != RuleCatalogue.untiered else {
                report(.invalidValue, "`\(key)` is the row of circuits without a tier; name the tier otherwise", at: value, path)
                continue
            }
            guard let fields = entries(value, path, allowed: Self.tierKeys) else { continue }
            guard let tier = readTier(key, fields, node: value, path) else { continue }
            if let index = catalogue.tiers.firstIndex(where: { $0.key == key }) {
                catalogue.tiers[index] = tier
            } else {
                catalogue.tiers.append(tier)
            }
        }
    }

    mutating func readTier(_ key: String, _ fields: [(key: String, value: DocumentNode)], node: DocumentNode, _ path: String) -> ServiceTier? {
        guard var tier = baseTier(key, fields, node: node, path) else { return nil }
        for (field, value) in fields {
            apply(field, value, to: &tier, child(path, field))
        }
        return tier
    }

    /// The existing tier, the `basedOn` tier, or a blank new tier when the required keys are present.
    mutating func baseTier(_ key: String, _ fields: [(key: String, value: DocumentNode)], node: DocumentNode, _ path: String) -> ServiceTier? {
        if let base = fields.first(where: { $0.key == "basedOn" }) {
            let keys = catalogue.tiers.map(\.key)
            guard let name = choice(base.value, child(path, "basedOn"), among: keys, what: "tier") else { return nil }
            var tier = catalogue.tier(name)!
            tier.key = key
            return tier
        }
        if let existing = catalogue.tier(key) { return existing }
        let missing = ["availability", "restorationLimit", "payment"].filter { name in !fields.contains { $0.key == name } }
        for name in missing {
            report(.missingKey, "a new tier needs `\(name)` (or `basedOn: <tier>`)", at: node, path)
        }
        guard missing.isEmpty else { return nil }
        return ServiceTier(key: key, family: .qualityLevel, availabilityTarget: 1, networkGrade: "N",
                           restorationLimit: .calendar(seconds: 0), payment: .noCompensation)
    }

    mutating func apply(_ field: String, _ value: DocumentNode, to tier: inout ServiceTier, _ path: String) {
        switch field {
        case "family":
            if let word = choice(value, path, among: ["slaCommitment", "maintenanceQuality", "qualityLevel"], what: "tier family") {
                tier.family = TierFamily(rawValue: word)!
            }
        case "availability":
            if let target = share(value, path) {
                if target > 0 { tier.availabilityTarget = target } else {
                    report(.invalidValue, "an availability target must be above 0%", at: value, path)
                }
            }
        case "networkGrade":
            if let grade = choice(value, path, among: catalogue.networkGrades.map(\.key), what: "network grade") {
                tier.networkGrade = grade
            }
        case "restorationLimit": if let limit = limit(value, path) { tier.restorationLimit = limit }
        case "vpnRestorationLimit": tier.vpnRestorationLimit = optional(value) { $0.limit(value, path) } ?? tier.vpnRestorationLimit
        case "repeatWindow": applyRepeatWindow(value, to: &tier, path)
        case "faultReport": applyFaultReport(value, to: &tier, path)
        case "monitoredSegments": if let segments = segments(value, path) { tier.monitoredSegments = segments }
        case "calendar":
            if let name = choice(value, path, among: catalogue.calendars.map(\.name), what: "calendar") { tier.calendar = name }
        case "payment", "payProbability": applyPayment(field, value, to: &tier, path)
        case "creditCap": if let cap = share(value, path, atMost: 100) { tier.credits.capShare = cap }
        case "credits": if let terms = creditTerms(value, path) { tier.credits.terms = terms }
        case "pauseOn": applyPauseOn(value, to: &tier, path)
        default: break
        }
    }

    /// `none` clears an optional value; anything else is read by `read`.
    mutating func optional<T>(_ value: DocumentNode, _ read: (inout RulesFileReader) -> T?) -> T?? {
        if value.scalar?.lowercased() == "none" { return .some(nil) }
        guard let parsed = read(&self) else { return nil }
        return .some(parsed)
    }

    mutating func applyRepeatWindow(_ value: DocumentNode, to tier: inout ServiceTier, _ path: String) {
        if let window = optional(value, { $0.seconds(value, path) }) { tier.repeatWindowSeconds = window }
    }

    mutating func applyFaultReport(_ value: DocumentNode, to tier: inout ServiceTier, _ path: String) {
        if let days = optional(value, { $0.workingDays(value, path) }) { tier.faultReportWorkingDays = days }
    }

    mutating func applyPayment(_ field: String, _ value: DocumentNode, to tier: inout ServiceTier, _ path: String) {
        if field == "payment" {
            guard let word = choice(value, path, among: ["strict", "negotiable", "none"], what: "payment") else { return }
            switch (word, tier.payment) {
            case ("strict", _): tier.payment = .strict
            case ("none", _): tier.payment = .noCompensation
            case (_, .negotiable): break
            default: tier.payment = .negotiable(payProbability: 0.5)
            }
            return
        }
        guard let probability = share(value, path) else { return }
        guard case .negotiable = tier.payment else {
            report(.invalidValue, "payProbability applies only to `payment: negotiable`", at: value, path)
            return
        }
        tier.payment = .negotiable(payProbability: probability)
    }

    /// `pauseOn: [restoration]` (the clocks a ticket's suspended intervals stop; today only the
    /// restoration clock), or `none` / `[]`.
    mutating func applyPauseOn(_ value: DocumentNode, to tier: inout ServiceTier, _ path: String) {
        guard let list = items(value, path) else { return }
        let read = list.map { choice($0.node, $0.path, among: ["restoration", "none"], what: "clock") }
        guard !read.contains(nil) else { return }
        tier.pausesRestoration = read.contains("restoration")
    }

    mutating func segments(_ value: DocumentNode, _ path: String) -> [NetworkSegment]? {
        guard let list = items(value, path) else { return nil }
        let keys = NetworkSegment.allCases.map(\.rawValue)
        let read = list.map { choice($0.node, $0.path, among: keys, what: "segment").flatMap(NetworkSegment.init(rawValue:)) }
        return read.contains { $0 == nil } ? nil : read.compactMap { $0 }
    }
}
