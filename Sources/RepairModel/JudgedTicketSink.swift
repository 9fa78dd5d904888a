import ServiceRules

/// Takes a replication's judgement as it is made (``RepairSimulation/run(judgedBy:period:into:)``):
/// each judged ticket of the log, in log order, then each judged circuit-period, by circuit and
/// period — the order of the batch ``Evaluation``'s `tickets` and `circuitPeriods`, so figures
/// summed here keep their order and bits.
public protocol JudgedTicketSink {
    /// A ticket of the log with its record (no ids: the ticket is `T<detail.number>`), the
    /// model's facts about it and its evaluation, nil when the engine skipped it (its circuit's
    /// tier or product unknown to the rules). ``TicketEvaluation/isRepeat`` is never set here.
    mutating func take(_ evaluation: TicketEvaluation?, record: TicketRecord, detail: TicketDetail)
    /// A circuit-period with an outage or a repeat (quiet ones are only counted in the tiers).
    mutating func take(_ period: CircuitPeriodEvaluation)
    /// Whether the sink uses the circuit-periods (`take(_ period:)`); when false none
    /// is built or handed over (the tier summaries are the same). True unless a sink says not.
    var takesCircuitPeriods: Bool { get }
}

extension JudgedTicketSink {
    /// Every circuit-period is handed over.
    public var takesCircuitPeriods: Bool { true }
}
