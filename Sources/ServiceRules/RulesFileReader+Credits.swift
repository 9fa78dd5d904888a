/// `credits:` — a list of terms, each a mapping with one of the five shapes as its key.
extension RulesFileReader {
    static let termKeys = ["availabilityBands", "outageDurationBands", "perStartedHour", "restorationOverrun", "repeatFault"]

    mutating func creditTerms(_ node: DocumentNode, _ path: String) -> [CreditTerm]? {
        guard let list = items(node, path) else { return nil }
        let terms = list.map { creditTerm($0.node, $0.path) }
        return terms.contains { $0 == nil } ? nil : terms.compactMap { $0 }
    }

    mutating func creditTerm(_ node: DocumentNode, _ path: String) -> CreditTerm? {
        guard let fields = entries(node, path, allowed: Self.termKeys) else { return nil }
        guard fields.count == 1, let (shape, value) = fields.first else {
            report(.invalidValue, "each credit term has exactly one of: \(Self.termKeys.joined(separator: ", "))", at: node, path)
            return nil
        }
        let termPath = child(path, shape)
        switch shape {
        case "availabilityBands": return availabilityBands(value, termPath).map(CreditTerm.availabilityBands)
        case "outageDurationBands": return durationBands(value, termPath).map(CreditTerm.outageDurationBands)
        case "perStartedHour": return share(value, termPath).map { .perStartedHour(share: $0) }
        case "restorationOverrun": return overrun(value, termPath)
        default: return share(value, termPath).map { .repeatFault(share: $0) }
        }
    }

    /// `restorationOverrun: {perStartedHour: 1/30}`.
    mutating func overrun(_ node: DocumentNode, _ path: String) -> CreditTerm? {
        guard let fields = entries(node, path, allowed: ["perStartedHour"]),
              let value = fields.first?.value else {
            if node.mapping != nil { report(.missingKey, "needs `perStartedHour`", at: node, path) }
            return nil
        }
        return share(value, child(path, "perStartedHour")).map { .restorationOverrun(sharePerStartedHour: $0) }
    }

    /// Bands `{below: 99.95%, credit: 10%}` from the highest edge down; `from` defaults to the
    /// next band's `below` (0 for the last), and an explicit `from` must meet it.
    mutating func availabilityBands(_ node: DocumentNode, _ path: String) -> [AvailabilityBand]? {
        guard let list = items(node, path) else { return nil }
        var read: [(below: Double, from: Double?, share: Double, node: DocumentNode, path: String)] = []
        for item in list {
            guard let fields = entries(item.node, item.path, allowed: ["below", "from", "credit"]) else { continue }
            let get = { (key: String) in fields.first { $0.key == key }?.value }
            guard let belowNode = get("below"), let creditNode = get("credit") else {
                report(.missingKey, "a band needs `below` and `credit`", at: item.node, item.path)
                continue
            }
            let from = get("from").map { share($0, child(item.path, "from")) }
            guard let below = share(belowNode, child(item.path, "below")),
                  let credit = share(creditNode, child(item.path, "credit"), atMost: 100) else { continue }
            read.append((below, from ?? nil, credit, item.node, item.path))
        }
        guard read.count == list.count else { return nil }
        return contiguousAvailabilityBands(read)
    }

    mutating func contiguousAvailabilityBands(
        _ read: [(below: Double, from: Double?, share: Double, node: DocumentNode, path: String)]
    ) -> [AvailabilityBand]? {
        var bands: [AvailabilityBand] = []
        var valid = true
        for (index, band) in read.enumerated() {
            let nextBelow = index + 1 < read.count ? read[index + 1].below : 0
            let from = band.from ?? nextBelow
            if from != nextBelow || from >= band.below {
                let next = index + 1 < read.count ? "band \(index + 2) ends below \(percent(nextBelow))" : "the last band must reach 0%"
                report(.bandsNotContiguous,
                       "bands are not contiguous: band \(index + 1) covers \(percent(from))…\(percent(band.below)) but \(next); list bands from the highest `below` down, each starting where the next ends",
                       at: band.node, band.path)
                valid = false
            }
            bands.append(AvailabilityBand(from: from, below: band.below, share: band.share))
        }
        return valid ? bands : nil
    }

    /// Bands `{from: 0m, below: 4h, credit: 5%}` ascending; only the last may omit `below`.
    mutating func durationBands(_ node: DocumentNode, _ path: String) -> [DurationBand]? {
        guard let list = items(node, path) else { return nil }
        var bands: [(band: DurationBand, node: DocumentNode, path: String)] = []
        for item in list {
            guard let fields = entries(item.node, item.path, allowed: ["from", "below", "credit"]) else { continue }
            let get = { (key: String) in fields.first { $0.key == key }?.value }
            guard let fromNode = get("from"), let creditNode = get("credit") else {
                report(.missingKey, "a band needs `from` and `credit`", at: item.node, item.path)
                continue
            }
            let below = get("below").map { seconds($0, child(item.path, "below")) }
            guard let from = seconds(fromNode, child(item.path, "from")),
                  let credit = share(creditNode, child(item.path, "credit"), atMost: 100), below != .some(nil) else { continue }
            bands.append((DurationBand(fromSeconds: from, belowSeconds: below ?? nil, share: credit), item.node, item.path))
        }
        guard bands.count == list.count else { return nil }
        return contiguousDurationBands(bands)
    }

    mutating func contiguousDurationBands(_ bands: [(band: DurationBand, node: DocumentNode, path: String)]) -> [DurationBand]? {
        var valid = true
        for (index, entry) in bands.enumerated() {
            let isLast = index + 1 == bands.count
            let below = entry.band.belowSeconds
            let meetsNext = isLast ? true : below == bands[index + 1].band.fromSeconds
            if !meetsNext || (below.map { $0 <= entry.band.fromSeconds } ?? !isLast) {
                let next = isLast ? "" : " but band \(index + 2) starts at \(minutes(bands[index + 1].band.fromSeconds))"
                report(.bandsNotContiguous,
                       "bands are not contiguous: band \(index + 1) covers \(minutes(entry.band.fromSeconds))…\(below.map(minutes) ?? "open")\(next); list bands shortest first, each `below` equal to the next `from`",
                       at: entry.node, entry.path)
                valid = false
            }
        }
        return valid ? bands.map(\.band) : nil
    }

    func percent(_ share: Double) -> String { "\((share * 100 * 1e6).rounded() / 1e6)%" }
    func minutes(_ seconds: Int64) -> String { "\(Double(seconds) / 60)m" }
}
