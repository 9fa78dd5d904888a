/// The sections other than tiers: calendars, products, network grades, after-sales levels,
/// the repair-limit matrix, checkpoint limits and the fallback tier.
extension RulesFileReader {
    static let calendarKeys = ["timeZone", "workdays", "hours", "holidays", "makeUpDays"]

    mutating func readCalendars(_ node: DocumentNode) {
        guard let calendars = entries(node, "calendars") else { return }
        for (name, value) in calendars {
            let path = "calendars.\(name)"
            guard let fields = entries(value, path, allowed: Self.calendarKeys),
                  let calendar = readCalendar(name, fields, path) else { continue }
            if let index = catalogue.calendars.firstIndex(where: { $0.name == name }) {
                catalogue.calendars[index] = calendar
            } else {
                catalogue.calendars.append(calendar)
            }
        }
    }

    mutating func readCalendar(_ name: String, _ fields: [(key: String, value: DocumentNode)], _ path: String) -> BusinessCalendar? {
        let base = catalogue.calendar(name) ?? BusinessCalendar.standard
        var (zone, workdays, hours) = (base.timeZone, base.workdays, base.hours)
        var (holidays, makeUp) = (base.holidays, base.makeUpDays)
        var failed = false
        for (field, value) in fields {
            let fieldPath = child(path, field)
            switch field {
            case "timeZone": if let text = text(value, fieldPath) { zone = text } else { failed = true }
            case "workdays": if let days = weekdays(value, fieldPath) { workdays = days } else { failed = true }
            case "hours": if let spans = workingHours(value, fieldPath) { hours = spans } else { failed = true }
            case "holidays": if let days = dateSet(value, fieldPath) { holidays = days } else { failed = true }
            default: if let days = dateSet(value, fieldPath) { makeUp = days } else { failed = true }
            }
        }
        if let clash = holidays.intersection(makeUp).min() {
            report(.invalidValue, "\(clash) is both a holiday and a make-up working day", at: fields.first?.value, path)
            failed = true
        }
        failed = !requireWorkingTime(workdays: workdays, hours: hours, fields, path) || failed
        guard !failed else { return nil }
        let calendar = BusinessCalendar(name: name, timeZone: zone, workdays: workdays, hours: hours,
                                        holidays: holidays, makeUpDays: makeUp)
        return requireYearlyWork(calendar, fields, path) ? calendar : nil
    }

    /// A calendar must have working time, at least once a year, or a working-day limit would be
    /// 0 (no hours), never end (no workdays) or take a search over centuries of holidays.
    mutating func requireWorkingTime(workdays: Set<Weekday>, hours: [WorkingHours],
                                     _ fields: [(key: String, value: DocumentNode)], _ path: String) -> Bool {
        func node(_ key: String) -> DocumentNode? { fields.first { $0.key == key }?.value ?? fields.first?.value }
        if hours.isEmpty {
            report(.invalidValue, "a calendar needs working hours, e.g. `[08:30-17:30]`; without them no working time "
                   + "ever elapses", at: node("hours"), child(path, "hours"))
            return false
        }
        if workdays.isEmpty {
            report(.invalidValue, "a calendar needs at least one workday, e.g. `[mon, tue, wed, thu, fri]`; without one "
                   + "no working time elapses but on make-up days", at: node("workdays"), child(path, "workdays"))
            return false
        }
        return true
    }

    /// The holidays must leave a working day in every ``BusinessCalendar/longestPauseDays`` days.
    mutating func requireYearlyWork(_ calendar: BusinessCalendar, _ fields: [(key: String, value: DocumentNode)],
                                    _ path: String) -> Bool {
        guard let start = calendar.firstStretchWithoutWork(atLeast: BusinessCalendar.longestPauseDays) else { return true }
        report(.invalidValue, "the holidays leave no working day for \(BusinessCalendar.longestPauseDays) days or more "
               + "from \(start); working-day limits need working time at least once a year",
               at: (fields.first { $0.key == "holidays" } ?? fields.first)?.value, child(path, "holidays"))
        return false
    }

    mutating func weekdays(_ node: DocumentNode, _ path: String) -> Set<Weekday>? {
        guard let list = items(node, path) else { return nil }
        let keys = Weekday.allCases.map(\.key)
        let read = list.map { choice($0.node, $0.path, among: keys, what: "weekday") }
        guard !read.contains(where: { $0 == nil }) else { return nil }
        return Set(read.compactMap { word in Weekday.allCases.first { $0.key == word } })
    }

    mutating func workingHours(_ node: DocumentNode, _ path: String) -> [WorkingHours]? {
        guard let list = items(node, path) else { return nil }
        let spans = list.map { hours($0.node, $0.path) }
        guard !spans.contains(where: { $0 == nil }) else { return nil }
        let sorted = spans.compactMap { $0 }.sorted { $0.startMinute < $1.startMinute }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.startMinute < a.endMinute {
            report(.invalidValue, "working hours overlap", at: node, path)
            return nil
        }
        return sorted
    }

    mutating func dateSet(_ node: DocumentNode, _ path: String) -> Set<CivilDate>? {
        guard let list = items(node, path) else { return nil }
        let read = list.map { dates($0.node, $0.path) }
        guard !read.contains(where: { $0 == nil }) else { return nil }
        return Set(read.compactMap { $0 }.joined())
    }

    mutating func readProducts(_ node: DocumentNode) {
        guard let products = entries(node, "products") else { return }
        for (key, value) in products {
            let path = "products.\(key)"
            guard let fields = entries(value, path, allowed: ["family", "vpn"]) else { continue }
            var product = catalogue.product(key)
            for (field, fieldValue) in fields {
                let fieldPath = child(path, field)
                if field == "vpn" {
                    if let flag = bool(fieldValue, fieldPath) { product = product ?? Product(key: key, family: .bandwidth); product?.isVPN = flag }
                } else if let word = choice(fieldValue, fieldPath, among: ProductFamily.allCases.map(\.rawValue), what: "product family") {
                    let family = ProductFamily(rawValue: word)!
                    product = product.map { Product(key: key, family: family, isVPN: $0.isVPN) } ?? Product(key: key, family: family)
                }
            }
            store(product, key: key, hasFamily: fields.contains { $0.key == "family" }, node: value, path)
        }
    }

    mutating func store(_ product: Product?, key: String, hasFamily: Bool, node: DocumentNode, _ path: String) {
        if let index = catalogue.products.firstIndex(where: { $0.key == key }) {
            if let product { catalogue.products[index] = product }
        } else if !hasFamily {
            report(.missingKey, "a new product needs `family`", at: node, path)
        } else if let product {
            catalogue.products.append(product)
        }
    }

    mutating func readNetworkGrades(_ node: DocumentNode) {
        guard let grades = entries(node, "networkGrades") else { return }
        for (key, value) in grades {
            let path = "networkGrades.\(key)"
            guard let fields = entries(value, path, allowed: ["protects", "monitors"]) else { continue }
            var grade = catalogue.networkGrade(key) ?? NetworkGrade(key: key, protectedSegments: [], monitoredSegments: [])
            for (field, fieldValue) in fields {
                guard let list = segments(fieldValue, child(path, field)) else { continue }
                if field == "protects" { grade.protectedSegments = Set(list) } else { grade.monitoredSegments = Set(list) }
            }
            if let index = catalogue.networkGrades.firstIndex(where: { $0.key == key }) {
                catalogue.networkGrades[index] = grade
            } else {
                catalogue.networkGrades.append(grade)
            }
        }
    }

    mutating func readAfterSales(_ node: DocumentNode) {
        guard let levels = entries(node, "afterSales") else { return }
        for (key, value) in levels {
            let path = "afterSales.\(key)"
            guard let fields = entries(value, path, allowed: ["escalateAfter", "progressUpdateEvery"]) else { continue }
            var level = catalogue.afterSalesLevel(key)
                ?? AfterSalesLevel(key: key, escalationAfterSeconds: [], progressUpdateSeconds: 3600)
            for (field, fieldValue) in fields {
                let fieldPath = child(path, field)
                if field == "progressUpdateEvery" {
                    if let seconds = seconds(fieldValue, fieldPath) { level.progressUpdateSeconds = seconds }
                } else if let list = items(fieldValue, fieldPath) {
                    level.escalationAfterSeconds = list.compactMap { seconds($0.node, $0.path) }
                }
            }
            if let index = catalogue.afterSalesLevels.firstIndex(where: { $0.key == key }) {
                catalogue.afterSalesLevels[index] = level
            } else {
                catalogue.afterSalesLevels.append(level)
            }
        }
    }

    mutating func readCheckpoints(_ node: DocumentNode) {
        guard let fields = entries(node, "checkpoints", allowed: ["dispatchWithin", "acceptWithin", "confirmWithin"]) else { return }
        for (field, value) in fields {
            guard let limit = seconds(value, "checkpoints.\(field)") else { continue }
            switch field {
            case "dispatchWithin": catalogue.checkpointLimits.dispatchSeconds = limit
            case "acceptWithin": catalogue.checkpointLimits.acceptSeconds = limit
            default: catalogue.checkpointLimits.confirmationSeconds = limit
            }
        }
    }

    mutating func readFallbackTier(_ node: DocumentNode) {
        if let key = choice(node, "fallbackTier", among: catalogue.tiers.map(\.key), what: "tier") {
            catalogue.fallbackTier = key
        }
    }
}
