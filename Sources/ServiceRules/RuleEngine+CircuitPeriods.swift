/// Per circuit-period judgement (docs/rules-semantics.md "Availability, per circuit and period",
/// "Repeat faults", "Credits").
extension EvaluationRun {
    /// Judges every valid circuit in every period of the range it exists in, except untiered
    /// circuits (their products promise no availability: no circuit-periods). With `bulkQuiet`,
    /// a circuit without counting tickets is only counted: each of its periods is quiet
    /// (availability 1, met; no repeats, no credit), exactly what `settle` finds for it.
    /// `emit` receives each judged circuit-period, by circuit then period.
    mutating func judgeCircuitPeriods(_ circuits: [Circuit], bulkQuiet: Bool = true,
                                      emit: (CircuitPeriodEvaluation) -> Void) {
        guard let range else { return }
        var ledger = PeriodLedger(count: range.count)
        var grouped: [CountingTicket] = []
        swap(&grouped, &counting)
        var quiet = QuietCount(tiers: summaries.count)
        for circuit in circuits.indices where rejections.isEmpty || rejections[circuit] == nil {
            guard engine.tierRules[plans[circuit].tier].judgesAvailability else { continue }
            let group = Int(groupStart[circuit])..<Int(groupStart[circuit + 1])
            if bulkQuiet, group.isEmpty {
                quiet.add(tier: plans[circuit].tier, life: (lifeStarts[circuit], lifeEnds[circuit]), range: range)
                continue
            }
            sortByStartThenID(&grouped, group)
            walk(grouped, group, circuit: circuit, range: range, ledger: &ledger)
            settle(circuits, index: circuit, range: range, ledger: &ledger, emit: emit)
            ledger.reset()
        }
        swap(&grouped, &counting)
        for tier in summaries.indices {
            summaries[tier].circuitPeriods += quiet.periods[tier]
            summaries[tier].availabilityMet += quiet.periods[tier]
        }
    }

    /// Insertion sort by (fault_start, ticket id): a circuit has few tickets, often in order.
    func sortByStartThenID(_ tickets: inout [CountingTicket], _ group: Range<Int>) {
        guard group.count > 1 else { return }
        for i in (group.lowerBound + 1)..<group.upperBound {
            let moving = tickets[i]
            var j = i
            while j > group.lowerBound, precedes(moving, tickets[j - 1]) {
                tickets[j] = tickets[j - 1]
                j -= 1
            }
            tickets[j] = moving
        }
    }

    /// By fault start, then ticket id; in a stream without ids kept by input order, as equal
    /// ids leave it.
    func precedes(_ a: CountingTicket, _ b: CountingTicket) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if keepsEvaluations { return evaluations[Int(a.evaluation)].ticketID < evaluations[Int(b.evaluation)].ticketID }
        if let countingIDs { return countingIDs[Int(a.evaluation)] < countingIDs[Int(b.evaluation)] }
        return a.evaluation < b.evaluation
    }

    /// Repeats, per-ticket credits and merged outage intervals of one circuit.
    mutating func walk(
        _ tickets: [CountingTicket], _ group: Range<Int>, circuit: Int, range: PeriodRange, ledger: inout PeriodLedger
    ) {
        let plan = plans[circuit]
        let rules = engine.tierRules[plan.tier]
        var previousStart = Int64.min
        var merged = (start: Int64.min, end: Int64.min)
        for position in group {
            let ticket = tickets[position]
            let offset = range.offset(of: ticket.start)
            if let offset { ledger.addTicket(at: offset, share: ticket.share) }
            if rules.repeatWindow >= 0, position > group.lowerBound, ticket.start - previousStart <= rules.repeatWindow {
                if keepsEvaluations { evaluations[Int(ticket.evaluation)].isRepeat = true }
                if let offset { ledger.addRepeat(at: offset, share: rules.repeatShare) }
            }
            previousStart = ticket.start
            if position > group.lowerBound, ticket.start <= merged.end {
                merged.end = max(merged.end, ticket.end)
            } else {
                if position > group.lowerBound { ledger.addOutage(merged, life: (lifeStarts[circuit], lifeEnds[circuit]), range: range) }
                merged = (ticket.start, ticket.end)
            }
        }
        if !group.isEmpty { ledger.addOutage(merged, life: (lifeStarts[circuit], lifeEnds[circuit]), range: range) }
    }

    /// Emits circuit `index`'s touched periods and counts its quiet ones (the circuit is read
    /// in place: a copy would retain and release its four strings).
    mutating func settle(_ circuits: [Circuit], index: Int, range: PeriodRange, ledger: inout PeriodLedger,
                         emit: (CircuitPeriodEvaluation) -> Void) {
        let plan = plans[index]
        var summary = summaries[plan.tier]
        let existing = range.offsets(from: lifeStarts[index], to: lifeEnds[index])
        var quiet = existing.count
        ledger.touchedList.sort()
        for offset in ledger.touchedList {
            if existing.contains(offset) { quiet -= 1 }
            let record = judge(circuits, circuitIndex: index, offset: offset, plan: plan, range: range, ledger: ledger)
            summary.add(record, repeats: ledger.repeats[offset])
            emit(record)
        }
        summary.circuitPeriods += quiet
        summary.availabilityMet += quiet
        summaries[plan.tier] = summary
    }

    func judge(
        _ circuits: [Circuit], circuitIndex: Int, offset: Int, plan: CircuitPlan, range: PeriodRange, ledger: PeriodLedger
    ) -> CircuitPeriodEvaluation {
        let rules = engine.tierRules[plan.tier]
        let outage = ledger.outage[offset]
        let lived = range.overlap(offset, lifeStarts[circuitIndex], lifeEnds[circuitIndex])
        let availability = lived > 0 ? max(0, 1 - Double(outage) / Double(lived)) : 1
        let credits = engine.tierCredits[plan.tier]
        let share = credits.periodShare(availability: availability, outageSeconds: outage) + ledger.shares[offset]
        let credit = rules.paysCredits ? min(share, credits.capShare) * circuits[circuitIndex].monthlyFee : 0
        return CircuitPeriodEvaluation(
            circuit: circuits[circuitIndex].id, circuitIndex: circuitIndex, tier: engine.tierKeys[plan.tier], period: range.labels[offset],
            outageMinutes: Double(outage) / 60, availability: availability,
            availabilityMet: availability >= rules.availabilityTarget - availabilityTolerance,
            repeatViolations: ledger.repeats[offset], credit: credit,
            expectedCredit: credit * rules.expectedShare
        )
    }
}

extension TierSummary {
    mutating func add(_ record: CircuitPeriodEvaluation, repeats: Int) {
        circuitPeriods += 1
        if record.availabilityMet { availabilityMet += 1 }
        repeatViolations += repeats
        credits += record.credit
        expectedCredits += record.expectedCredit
    }
}

extension PeriodRange {
    /// Offsets of the periods overlapping `[from, to)`.
    func offsets(from: Int64, to: Int64) -> Range<Int> {
        let start = max(from, bounds[0]), end = min(to, bounds[count])
        guard start < end, let first = offset(of: start), let last = offset(of: end - 1) else { return 0..<0 }
        return first..<(last + 1)
    }

    /// Seconds of `[from, to)` inside period `offset`.
    func overlap(_ offset: Int, _ from: Int64, _ to: Int64) -> Int64 {
        max(0, min(to, bounds[offset + 1]) - max(from, bounds[offset]))
    }
}

/// Quiet circuit-periods per tier, counted without judging them one by one. Alike circuits
/// usually share their life span, so the periods of the previous span are reused.
struct QuietCount {
    var periods: [Int]
    var lastLife = (start: Int64.min, end: Int64.min)
    var lastCount = 0

    init(tiers: Int) { periods = Array(repeating: 0, count: tiers) }

    mutating func add(tier: Int, life: (start: Int64, end: Int64), range: PeriodRange) {
        if life != lastLife {
            lastLife = life
            lastCount = range.offsets(from: life.start, to: life.end).count
        }
        periods[tier] += lastCount
    }
}

/// Per-period accumulators for the circuit being judged; only touched entries are reset.
struct PeriodLedger {
    var outage: [Int64]
    var repeats: [Int]
    var shares: [Double]
    var touched: [Bool]
    var touchedList: [Int] = []

    init(count: Int) {
        outage = Array(repeating: 0, count: count)
        repeats = Array(repeating: 0, count: count)
        shares = Array(repeating: 0, count: count)
        touched = Array(repeating: false, count: count)
    }

    mutating func touch(_ offset: Int) {
        if !touched[offset] { touched[offset] = true; touchedList.append(offset) }
    }

    mutating func addTicket(at offset: Int, share: Double) {
        touch(offset)
        shares[offset] += share
    }

    mutating func addRepeat(at offset: Int, share: Double) {
        repeats[offset] += 1
        shares[offset] += share
    }

    /// Adds a merged outage interval, clipped to the circuit's life and split across periods.
    mutating func addOutage(_ interval: (start: Int64, end: Int64), life: (start: Int64, end: Int64), range: PeriodRange) {
        var start = max(interval.start, life.start, range.bounds[0])
        let end = min(interval.end, life.end, range.bounds[range.count])
        guard start < end, var offset = range.offset(of: start) else { return }
        while start < end {
            let stop = min(end, range.bounds[offset + 1])
            touch(offset)
            outage[offset] += stop - start
            start = stop
            offset += 1
        }
    }

    mutating func reset() {
        for offset in touchedList {
            outage[offset] = 0
            repeats[offset] = 0
            shares[offset] = 0
            touched[offset] = false
        }
        touchedList.removeAll(keepingCapacity: true)
    }
}
