import SimCore

/// Per circuit-period judgement (docs/rules-semantics.md "Availability, per circuit and period",
/// "Repeat faults", "Credits").
///
/// The circuits are judged in fixed blocks of ``circuitBlock``, on ``threads`` threads; what each
/// block finds is then taken in circuit order on one thread, so the tier summaries add the same
/// numbers in the same order (their sums of credits are floating-point) whatever the threads.
extension EvaluationRun {
    /// Circuits judged together on one thread. Fixed, never derived from the thread count, so
    /// that the blocks — and the order in which their figures are added — never change.
    static let circuitBlock = 1 << 14

    /// Blocks judged at a time when circuit-periods are handed out: bounds the circuit-periods
    /// held before they go to the caller. Without them every block is judged in one go.
    static let emittingBlocksPerBatch = 8

    /// `circuits` circuits in blocks of ``circuitBlock``.
    static func blocks(of circuits: Int) -> CircuitBlocks { CircuitBlocks(size: circuitBlock, circuits: circuits) }

    /// Judges every valid circuit in every period of the range it exists in, except untiered
    /// circuits (their products promise no availability: no circuit-periods). With `bulkQuiet`,
    /// a circuit without counting tickets is only counted: each of its periods is quiet
    /// (availability 1, met; no repeats, no credit), exactly what `settle` finds for it.
    /// `emit` receives each judged circuit-period, by circuit then period; with `emits` false
    /// none is built, only the tier summaries are added up (the same figures).
    mutating func judgeCircuitPeriods(_ circuits: [Circuit], bulkQuiet: Bool = true, emits: Bool = true,
                                      emit: (CircuitPeriodEvaluation) -> Void) {
        guard let range else { return }
        let blocks = Self.blocks(of: circuits.count).count
        let perBatch = emits ? Self.emittingBlocksPerBatch : max(1, blocks)
        var repeatTickets: [Int32] = []
        do {
            let judging = self   // read-only on the threads; released before repeats are marked
            for first in stride(from: 0, to: blocks, by: perBatch) {
                let judged = Replications.run(min(perBatch, blocks - first), threads: threads) { offset in
                    judging.judgeBlock(first + offset, circuits, range: range, bulkQuiet: bulkQuiet, emits: emits)
                }
                for block in judged { take(block, repeatTickets: &repeatTickets, emit: emit) }
            }
        }
        for ticket in repeatTickets { evaluations[Int(ticket)].isRepeat = true }
    }

    /// Adds one block's figures to the tier summaries, in the order judged, and hands its
    /// circuit-periods on.
    private mutating func take(_ block: JudgedBlock, repeatTickets: inout [Int32],
                               emit: (CircuitPeriodEvaluation) -> Void) {
        for touched in block.verdicts {
            summaries[Int(touched.tier)].add(touched.verdict, repeats: Int(touched.repeats))
        }
        for tier in summaries.indices where block.quietPeriods[tier] > 0 {
            summaries[tier].circuitPeriods += block.quietPeriods[tier]
            summaries[tier].availabilityMet += block.quietPeriods[tier]
        }
        repeatTickets.append(contentsOf: block.repeatTickets)
        block.periods.forEach(emit)
    }

    /// Judges the circuits of block `block`; changes nothing, so blocks can be judged at once.
    func judgeBlock(_ block: Int, _ circuits: [Circuit], range: PeriodRange, bulkQuiet: Bool, emits: Bool) -> JudgedBlock {
        let members = Self.blocks(of: circuits.count).members(block)
        var (tickets, groupStart) = ticketsByCircuit(ofBlock: block, members: members)
        var judged = JudgedBlock(tiers: summaries.count)
        var ledger = PeriodLedger(count: range.count)
        var lifePeriods = LifePeriods()
        for circuit in members where rejections.isEmpty || rejections[circuit] == nil {
            guard engine.tierRules[plans[circuit].tier].judgesAvailability else { continue }
            let local = circuit - members.lowerBound
            let group = Int(groupStart[local])..<Int(groupStart[local + 1])
            let existing = lifePeriods.offsets(life: (lifeStarts[circuit], lifeEnds[circuit]), range: range)
            if bulkQuiet, group.isEmpty {
                judged.quietPeriods[plans[circuit].tier] += existing.count
                continue
            }
            sortByStartThenID(&tickets, group)
            walk(tickets, group, circuit: circuit, range: range, ledger: &ledger, repeatTickets: &judged.repeatTickets)
            settle(circuits, index: circuit, range: range, existing: existing, ledger: &ledger, emits: emits, into: &judged)
            ledger.reset()
        }
        return judged
    }

    /// The counting tickets of block `block` (whose circuits are `members`) grouped by circuit,
    /// each circuit's in input order: those of `members.lowerBound + c` are
    /// `tickets[groupStart[c] ..< groupStart[c + 1]]`. A counting sort within the block, whose
    /// tables stay in cache.
    func ticketsByCircuit(ofBlock block: Int, members: Range<Int>) -> (tickets: [CountingTicket], groupStart: [Int32]) {
        let mine = counting[block]
        var start = [Int32](repeating: 0, count: members.count + 1)
        for ticket in mine { start[Int(ticket.circuit) - members.lowerBound + 1] += 1 }
        for local in 0..<members.count { start[local + 1] += start[local] }
        let groupStart = start
        let tickets = [CountingTicket](unsafeUninitializedCapacity: mine.count) { buffer, count in
            for ticket in mine {
                let local = Int(ticket.circuit) - members.lowerBound
                buffer.initializeElement(at: Int(start[local]), to: ticket)
                start[local] += 1
            }
            count = mine.count
        }
        return (tickets, groupStart)
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

    /// Repeats, per-ticket credits and merged outage intervals of one circuit. In a run that
    /// keeps evaluations, the repeat tickets' evaluations are listed in `repeatTickets`.
    func walk(
        _ tickets: [CountingTicket], _ group: Range<Int>, circuit: Int, range: PeriodRange, ledger: inout PeriodLedger,
        repeatTickets: inout [Int32]
    ) {
        let repeatWindow = engine.tierRules[plans[circuit].tier].repeatWindow
        let repeatShare = engine.tierRules[plans[circuit].tier].repeatShare
        var previousStart = Int64.min
        var merged = (start: Int64.min, end: Int64.min)
        for position in group {
            let ticket = tickets[position]
            let offset = range.offset(of: ticket.start)
            if let offset { ledger.addTicket(at: offset, share: ticket.share) }
            if repeatWindow >= 0, position > group.lowerBound, ticket.start - previousStart <= repeatWindow {
                if keepsEvaluations { repeatTickets.append(ticket.evaluation) }
                if let offset { ledger.addRepeat(at: offset, share: repeatShare) }
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

    /// Judges circuit `index`'s touched periods and counts its quiet ones, the rest of
    /// `existing` (the periods it exists in), into `judged`. The circuit is read in place: a
    /// copy would retain and release its strings per circuit.
    func settle(_ circuits: [Circuit], index: Int, range: PeriodRange, existing: Range<Int>,
                ledger: inout PeriodLedger, emits: Bool, into judged: inout JudgedBlock) {
        let tier = plans[index].tier
        var quiet = existing.count
        if ledger.touchedList.count > 1 { ledger.touchedList.sort() }
        for offset in ledger.touchedList {
            if existing.contains(offset) { quiet -= 1 }
            let (outage, repeats) = (ledger.outage[offset], ledger.repeats[offset])
            let verdict = judge(circuits, circuitIndex: index, offset: offset, tier: tier, range: range,
                                outage: outage, ticketShares: ledger.shares[offset])
            judged.verdicts.append(TouchedVerdict(tier: Int32(tier), repeats: Int32(repeats), verdict: verdict))
            guard emits else { continue }
            judged.periods.append(CircuitPeriodEvaluation(
                circuit: circuits[index].id, circuitIndex: index, tier: engine.tierKeys[tier], period: range.labels[offset],
                outageMinutes: Double(outage) / 60, availability: verdict.availability,
                availabilityMet: verdict.availabilityMet, repeatViolations: repeats, credit: verdict.credit,
                expectedCredit: verdict.expectedCredit))
        }
        judged.quietPeriods[tier] += quiet
    }

    /// One touched circuit-period: `outage` seconds of merged outage and `ticketShares` of the
    /// fee from its tickets' own credit terms.
    func judge(
        _ circuits: [Circuit], circuitIndex: Int, offset: Int, tier: Int, range: PeriodRange,
        outage: Int64, ticketShares: Double
    ) -> PeriodVerdict {
        let lived = range.overlap(offset, lifeStarts[circuitIndex], lifeEnds[circuitIndex])
        let availability = lived > 0 ? max(0, 1 - Double(outage) / Double(lived)) : 1
        let share = engine.tierCredits[tier].periodShare(availability: availability, outageSeconds: outage) + ticketShares
        let credit = engine.tierRules[tier].paysCredits
            ? min(share, engine.tierCredits[tier].capShare) * circuits[circuitIndex].monthlyFee : 0
        return PeriodVerdict(
            availability: availability,
            availabilityMet: availability >= engine.tierRules[tier].availabilityTarget - availabilityTolerance,
            credit: credit, expectedCredit: credit * engine.tierRules[tier].expectedShare)
    }
}

/// What judging one block of circuits found, for the tier summaries to take in circuit order.
struct JudgedBlock: Sendable {
    /// The touched circuit-periods' verdicts, by circuit then period.
    var verdicts: [TouchedVerdict] = []
    /// Quiet circuit-periods (availability met, no repeats, no credit), by tier index.
    var quietPeriods: [Int]
    /// Evaluations (``CountingTicket/evaluation``) of repeat tickets, when the run keeps them.
    var repeatTickets: [Int32] = []
    /// The judged circuit-periods, by circuit then period, when they are handed out.
    var periods: [CircuitPeriodEvaluation] = []

    init(tiers: Int) { quietPeriods = Array(repeating: 0, count: tiers) }
}

/// A touched circuit-period's verdict and its tier's index.
struct TouchedVerdict: Sendable {
    var tier: Int32
    var repeats: Int32
    var verdict: PeriodVerdict
}

/// What the tier summary takes of a touched circuit-period (``CircuitPeriodEvaluation`` without
/// its names, so a run that hands none out builds no strings).
struct PeriodVerdict {
    var availability: Double
    var availabilityMet: Bool
    var credit: Double
    var expectedCredit: Double
}

extension TierSummary {
    mutating func add(_ verdict: PeriodVerdict, repeats: Int) {
        circuitPeriods += 1
        if verdict.availabilityMet { availabilityMet += 1 }
        repeatViolations += repeats
        credits += verdict.credit
        expectedCredits += verdict.expectedCredit
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

/// The periods a circuit exists in (``PeriodRange/offsets(from:to:)`` of its life span). Alike
/// circuits usually share their life span, so the previous span's periods are reused instead
/// of two binary searches per circuit.
struct LifePeriods {
    private var lastLife = (start: Int64.min, end: Int64.min)
    private var lastOffsets = 0..<0

    mutating func offsets(life: (start: Int64, end: Int64), range: PeriodRange) -> Range<Int> {
        if life != lastLife {
            lastLife = life
            lastOffsets = range.offsets(from: life.start, to: life.end)
        }
        return lastOffsets
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
