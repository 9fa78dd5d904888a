import Reports
import ServiceRules
import TicketLog

extension EvaluateReport {
    /// The JSON document: inputs, periods, row accounting, `byTier`, `totals` and, unless
    /// `summaryOnly`, the `tickets` and `circuitPeriods` tables. Keys in a fixed order and no
    /// timing, so the same input gives byte-identical files.
    static func json(_ outcome: EvaluationOutcome, rules: String?, summaryOnly: Bool) -> JSONValue {
        let evaluation = outcome.evaluation
        var members = [
            JSONMember("inputs", [
                "inventory": .string(outcome.inventory.path), "tickets": .string(outcome.tickets.path),
                "rules": .optional(rules.map(JSONValue.string)),
            ]),
            JSONMember("periods", [
                "kind": .string(evaluation.periodKind.rawValue),
                "first": .optional(evaluation.firstPeriod.map(JSONValue.string)),
                "last": .optional(evaluation.lastPeriod.map(JSONValue.string)),
            ]),
            JSONMember("rows", rows(outcome)),
            JSONMember("byTier", .object(evaluation.byTier.map { JSONMember($0.tier, tier($0)) })),
            JSONMember("totals", totals(evaluation.totals)),
        ]
        if !summaryOnly {
            members.append(JSONMember("tickets", .array(evaluation.tickets.map { ticket($0, line: outcome.line(of: $0)) })))
            members.append(JSONMember("circuitPeriods", .array(evaluation.circuitPeriods.map(circuitPeriod))))
        }
        return .object(members)
    }

    static func rows(_ outcome: EvaluationOutcome) -> JSONValue {
        let evaluatedTickets = outcome.evaluation.tickets.count
        let files: [JSONValue] = [
            file(outcome.inventory.path, kind: "inventory", read: outcome.inventory.rowsRead,
                 evaluated: outcome.inventory.accepted),
            file(outcome.tickets.path, kind: "tickets", read: outcome.tickets.rowsRead, evaluated: evaluatedTickets),
        ]
        return [
            "read": .int(outcome.read), "evaluated": .int(outcome.evaluated),
            "rejectedCount": .int(outcome.rejected.count), "files": .array(files),
            "rejected": .array(outcome.rejected.map {
                ["file": .string($0.file), "line": .int($0.line), "reason": .string($0.reason)]
            }),
        ]
    }

    static func file(_ path: String, kind: String, read: Int, evaluated: Int) -> JSONValue {
        ["file": .string(path), "kind": .string(kind), "read": .int(read), "evaluated": .int(evaluated),
         "rejected": .int(read - evaluated)]
    }

    static func tier(_ tier: TierSummary) -> JSONValue {
        [
            "tickets": .int(tier.tickets), "outageTickets": .int(tier.outageTickets),
            "excludedTickets": .int(tier.excludedTickets),
            "dispatchMet": fraction(tier.dispatch), "acceptMet": fraction(tier.accept),
            "restorationMet": fraction(tier.restoration), "confirmationMet": fraction(tier.confirmation),
            "faultReportMet": fraction(tier.faultReport),
            "circuitPeriods": .int(tier.circuitPeriods), "availabilityMet": .int(tier.availabilityMet),
            "repeatViolations": .int(tier.repeatViolations),
            "credits": .number(tier.credits), "expectedCredits": .number(tier.expectedCredits),
        ]
    }

    static func totals(_ totals: EvaluationTotals) -> JSONValue {
        [
            "tickets": .int(totals.tickets), "circuitPeriods": .int(totals.circuitPeriods),
            "availabilityMet": .int(totals.availabilityMet), "repeatViolations": .int(totals.repeatViolations),
            "credits": .number(totals.credits), "expectedCredits": .number(totals.expectedCredits),
            "openTickets": .int(totals.openTickets), "pendingRestorations": .int(totals.pendingRestorations),
        ]
    }

    static func ticket(_ ticket: TicketEvaluation, line: Int) -> JSONValue {
        [
            "ticket": .string(ticket.ticketID), "line": .int(line), "circuit": .string(ticket.circuitID),
            "tier": .string(ticket.tier), "outage": .bool(ticket.outage), "excluded": .bool(ticket.excluded),
            "restorationMinutes": .number(ticket.restorationMinutes),
            "restorationLimitMinutes": .number(ticket.restorationLimitMinutes),
            "restorationClock": .string(ticket.restorationClock.rawValue),
            "limitSource": .string(ticket.limitSource.rawValue),
            "restorationMet": verdict(ticket.restoration), "dispatchMet": verdict(ticket.dispatch),
            "acceptMet": verdict(ticket.accept), "confirmationMet": verdict(ticket.confirmation),
            "faultReportMet": verdict(ticket.faultReport), "repeat": .bool(ticket.isRepeat),
        ]
    }

    static func circuitPeriod(_ record: CircuitPeriodEvaluation) -> JSONValue {
        [
            "circuit": .string(record.circuit), "tier": .string(record.tier), "period": .string(record.period),
            "outageMinutes": .number(record.outageMinutes), "availability": .number(record.availability),
            "availabilityMet": .bool(record.availabilityMet), "repeatViolations": .int(record.repeatViolations),
            "credit": .number(record.credit), "expectedCredit": .number(record.expectedCredit),
        ]
    }

    /// met / applicable, or null when the check never applied.
    static func fraction(_ tally: CheckTally) -> JSONValue { .optional(tally.fraction.map(JSONValue.number)) }

    /// true (met), false (missed) or null (not applicable).
    static func verdict(_ outcome: CheckOutcome) -> JSONValue {
        switch outcome {
        case .met: return true
        case .missed: return false
        case .notApplicable: return nil
        }
    }

    /// The document's bytes; a problem (a NaN, a duplicate key) becomes an error naming the option.
    static func encode(_ document: JSONValue, option: String) throws -> [UInt8] {
        do {
            return try JSONWriter().encode(document)
        } catch {
            throw UserError("\(option): cannot encode the results: \(error)")
        }
    }
}

/// Writes bytes atomically; a failure becomes a user-facing error naming the option.
func writeAtomically(_ bytes: [UInt8], to path: String, option: String) throws {
    do {
        try AtomicFile.write(bytes, to: path)
    } catch {
        throw UserError("\(option): cannot write \(path): \(error)")
    }
}
